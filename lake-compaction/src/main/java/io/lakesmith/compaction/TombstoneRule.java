/*
 * Copyright 2026 the Lakesmith authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.lakesmith.compaction;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a Tier-2 object is recognized as a delete tombstone (its newest change is a DMS {@code D}). When the newest
 * object of a record key is a tombstone, compaction removes the key entirely (every object, the tombstone last,
 * after the others are confirmed deleted) and reports the key so the catalog can drop its partition. Immutable.
 *
 * <ul>
 *   <li>{@link #none()}: no tombstones; the newest object always stays;
 *   <li>{@link #metadata(String, String...)}: a user-metadata value, by default {@code dms-op=D}
 *       ({@link #dmsOperationMetadata()}), as {@link Tier2Writer} writes it;
 *   <li>{@link #column(String, String...)}: the operation column of the object's newest row (by the log position
 *       columns), e.g. {@code Op} = {@code D} or {@code AR_H_OPERATION} = {@code DELETE};
 *   <li>{@link #nameMatches(Pattern)}: a marker in the object's name (e.g. a {@code .deleted} suffix written by the
 *       partitioning job).
 * </ul>
 * Values compare case-insensitively.
 */
public final class TombstoneRule {

  /** The kinds of rule. */
  public enum Kind { NONE, METADATA, COLUMN, NAME }

  private final Kind kind;
  private final String name;
  private final ImmutableSet<String> values;
  private final Pattern pattern;

  private TombstoneRule(Kind kind, String name, Set<String> values, Pattern pattern) {
    this.kind = kind;
    this.name = name;
    this.values = values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
    this.pattern = pattern;
  }

  public static TombstoneRule none() {
    return new TombstoneRule(Kind.NONE, null, Set.of(), null);
  }

  /** {@code dms-op} metadata equal to {@code D}. */
  public static TombstoneRule dmsOperationMetadata() {
    return metadata(Tier2Metadata.OPERATION, "D");
  }

  public static TombstoneRule metadata(String key, String... values) {
    Preconditions.checkArgument(key != null && !key.isBlank() && values.length > 0, "metadata key and values needed");
    return new TombstoneRule(Kind.METADATA, key.toLowerCase(Locale.ROOT), Set.of(values), null);
  }

  /** The operation column of the object's newest row, e.g. {@code column("Op", "D")}. */
  public static TombstoneRule column(String column, String... values) {
    Preconditions.checkArgument(column != null && !column.isBlank() && values.length > 0, "column and values needed");
    return new TombstoneRule(Kind.COLUMN, column, Set.of(values), null);
  }

  /** Objects whose name (last key segment) contains a match of {@code pattern}. */
  public static TombstoneRule nameMatches(Pattern pattern) {
    return new TombstoneRule(Kind.NAME, null, Set.of(), Preconditions.checkNotNull(pattern, "pattern"));
  }

  public Kind kind() {
    return kind;
  }

  /** The metadata key or column (METADATA and COLUMN kinds). */
  String name() {
    return name;
  }

  boolean isTombstoneValue(String value) {
    return value != null && values.contains(value.trim().toUpperCase(Locale.ROOT));
  }

  boolean nameIsTombstone(String objectName) {
    return pattern.matcher(objectName).find();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TombstoneRule)) {
      return false;
    }
    TombstoneRule r = (TombstoneRule) o;
    return kind == r.kind && Objects.equals(name, r.name) && values.equals(r.values)
        && Objects.equals(pattern == null ? null : pattern.pattern(), r.pattern == null ? null : r.pattern.pattern());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, values);
  }

  @Override
  public String toString() {
    switch (kind) {
      case NONE: return "none";
      case NAME: return "name~" + pattern;
      default: return kind.name().toLowerCase(Locale.ROOT) + "(" + name + " in " + values + ")";
    }
  }
}

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
import io.lakesmith.core.storage.StorageLocation;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Tier-2 layout: a prefix under which a job writes DMS changes repartitioned by record key, one object per
 * write, so that each key accumulates objects and readers must see only the newest. Describes where the prefix is,
 * how an object's record key is derived ({@link RecordKeyExtractor}), where its log position comes from
 * ({@link LogTimestampSource}), how a delete tombstone is recognized ({@link TombstoneRule}) and, when a position
 * or operation is a column, the objects' {@link ObjectFormat}. Immutable; build with {@link #builder(String)}.
 *
 * <p>Lakesmith's own control objects live in {@code <prefix>_lakesmith/} (the compaction lock and the kill
 * switch); query engines skip folders starting with {@code _}, and compaction never treats them as data. Zero-byte
 * folder markers (keys ending in {@code /} or {@code _$folder$}) and keys matching {@link Builder#exclude} are
 * ignored too.
 */
public final class Tier2Layout {

  /** The control folder below the prefix. */
  public static final String CONTROL_FOLDER = "_lakesmith/";

  private final StorageLocation location;
  private final RecordKeyExtractor recordKey;
  private final LogTimestampSource logTimestamp;
  private final TombstoneRule tombstone;
  private final ObjectFormat contentFormat;
  private final Pattern exclude;

  private Tier2Layout(Builder b) {
    this.location = b.location;
    this.recordKey = b.recordKey;
    this.logTimestamp = b.logTimestamp;
    this.tombstone = b.tombstone;
    this.contentFormat = b.contentFormat;
    this.exclude = b.exclude;
  }

  /** A builder for the layout under {@code location} ({@code s3://bucket/prefix}, a local path or {@code file:} URI). */
  public static Builder builder(String location) {
    return new Builder(StorageLocation.parse(location));
  }

  public static Builder builder(StorageLocation location) {
    return new Builder(location);
  }

  public StorageLocation location() {
    return location;
  }

  /** The listing prefix in the store: the location's key followed by '/'. */
  public String prefix() {
    return location.prefix();
  }

  public RecordKeyExtractor recordKey() {
    return recordKey;
  }

  public LogTimestampSource logTimestamp() {
    return logTimestamp;
  }

  public TombstoneRule tombstone() {
    return tombstone;
  }

  public Optional<ObjectFormat> contentFormat() {
    return Optional.ofNullable(contentFormat);
  }

  public Optional<Pattern> exclude() {
    return Optional.ofNullable(exclude);
  }

  /** The key of the compaction lock object of this prefix. */
  public String lockKey() {
    return prefix() + CONTROL_FOLDER + "compaction.lock";
  }

  /** The key of the kill-switch object: while it exists, no compaction deletes anything under this prefix. */
  public String killSwitchKey() {
    return prefix() + CONTROL_FOLDER + "compaction.disabled";
  }

  /** Whether the store key is one of Lakesmith's control objects under {@code <prefix>_lakesmith/}. */
  boolean isControlObject(String key) {
    return key.startsWith(prefix() + CONTROL_FOLDER);
  }

  /** Whether compaction ignores this store key (control objects, folder markers, excluded keys). */
  boolean ignores(String key) {
    String rel = key.substring(prefix().length());
    return rel.startsWith(CONTROL_FOLDER) || key.endsWith("/") || key.endsWith("_$folder$")
        || exclude != null && exclude.matcher(rel).find();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Tier2Layout)) {
      return false;
    }
    Tier2Layout l = (Tier2Layout) o;
    return location.equals(l.location) && recordKey.equals(l.recordKey) && logTimestamp.equals(l.logTimestamp)
        && tombstone.equals(l.tombstone) && Objects.equals(contentFormat, l.contentFormat)
        && Objects.equals(exclude == null ? null : exclude.pattern(), l.exclude == null ? null : l.exclude.pattern());
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, recordKey, logTimestamp, tombstone, contentFormat);
  }

  @Override
  public String toString() {
    return "Tier2Layout{" + location + ", key=" + recordKey + ", position=" + logTimestamp + ", tombstone=" + tombstone
        + (contentFormat == null ? "" : ", format=" + contentFormat) + (exclude == null ? "" : ", exclude=" + exclude)
        + "}";
  }

  /** Builder of {@link Tier2Layout}. */
  public static final class Builder {
    private final StorageLocation location;
    private RecordKeyExtractor recordKey;
    private LogTimestampSource logTimestamp;
    private TombstoneRule tombstone = TombstoneRule.none();
    private ObjectFormat contentFormat;
    private Pattern exclude;

    private Builder(StorageLocation location) {
      this.location = Preconditions.checkNotNull(location, "location");
    }

    /** How the record key is derived (required). */
    public Builder recordKey(RecordKeyExtractor value) {
      this.recordKey = value;
      return this;
    }

    /** Shorthand for {@code recordKey(RecordKeyExtractor.partitionFolders(names))}. */
    public Builder partitionFolders(String... names) {
      return recordKey(RecordKeyExtractor.partitionFolders(names));
    }

    /** Where the log position comes from (required: there is no default, in particular not LastModified). */
    public Builder logTimestamp(LogTimestampSource value) {
      this.logTimestamp = value;
      return this;
    }

    /** How tombstones are recognized; default {@link TombstoneRule#none()}. */
    public Builder tombstone(TombstoneRule value) {
      this.tombstone = Preconditions.checkNotNull(value, "tombstone");
      return this;
    }

    /** The objects' format; required when the position or the tombstone is a column. */
    public Builder contentFormat(ObjectFormat value) {
      this.contentFormat = value;
      return this;
    }

    /** Relative keys in which {@code pattern} is found are ignored (never read, never deleted). */
    public Builder exclude(Pattern value) {
      this.exclude = value;
      return this;
    }

    public Tier2Layout build() {
      Preconditions.checkArgument(recordKey != null, "Tier2Layout of %s: recordKey is required", location);
      Preconditions.checkArgument(logTimestamp != null,
          "Tier2Layout of %s: logTimestamp is required (there is no default; LastModified only by explicit opt-in)",
          location);
      boolean needsFormat = logTimestamp.kind() == LogTimestampSource.Kind.COLUMN
          || tombstone.kind() == TombstoneRule.Kind.COLUMN;
      Preconditions.checkArgument(!needsFormat || contentFormat != null,
          "Tier2Layout of %s: a column position or tombstone needs contentFormat", location);
      Preconditions.checkArgument(tombstone.kind() != TombstoneRule.Kind.COLUMN
          || logTimestamp.kind() == LogTimestampSource.Kind.COLUMN,
          "Tier2Layout of %s: a column tombstone needs column log positions (the newest row decides)", location);
      return new Tier2Layout(this);
    }
  }
}

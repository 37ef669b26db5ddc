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

package io.lakesmith.cdc.internal.source.read;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The data columns of the rows of one file (or of one table in a {@code CDC_TXN} file): names in file order,
 * without the {@code Op} and {@code CDC_TXN} routing fields, and for Parquet the Avro schema of each column.
 * Immutable; rows of one file share one instance.
 */
public final class DmsColumns {
  private final ImmutableList<String> names;
  private final List<Schema> schemas;
  private final int leadingFields;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();

  DmsColumns(List<String> names, List<Schema> schemas, int leadingFields) {
    this.names = ImmutableList.copyOf(names);
    Preconditions.checkArgument(schemas == null || schemas.size() == names.size(), "one schema per column");
    this.schemas = schemas == null ? null : Collections.unmodifiableList(new ArrayList<>(schemas));
    this.leadingFields = leadingFields;
    for (int i = 0; i < names.size(); i++) {
      exact.putIfAbsent(names.get(i), i);
      String f = names.get(i).toLowerCase(Locale.ROOT);
      // -1 marks a case-insensitive name that more than one column has.
      folded.merge(f, i, (a, b) -> -1);
    }
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  public String name(int index) {
    return names.get(index);
  }

  /**
   * The index of a column: an exact name match, else the one column whose name matches ignoring case; -1 when
   * there is none (or the case-insensitive match is ambiguous).
   */
  public int indexOf(String name) {
    Integer i = exact.get(name);
    if (i != null) {
      return i;
    }
    Integer f = folded.get(name.toLowerCase(Locale.ROOT));
    return f == null ? -1 : f;
  }

  /** The Avro schema of a Parquet column as the file declares it; empty for CSV. */
  public Optional<Schema> schema(int index) {
    return schemas == null ? Optional.empty() : Optional.ofNullable(schemas.get(index));
  }

  /**
   * The 1-based position of a data column in the file's records, counting the leading {@code Op} or
   * {@code CDC_TXN} routing fields: the column number a person sees in the file.
   */
  public int fieldNumber(int index) {
    return leadingFields + index + 1;
  }

  /** Fields before the data columns in each record: 0, 1 ({@code Op}) or 3 ({@code CDC_TXN}). */
  public int leadingFields() {
    return leadingFields;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DmsColumns)) {
      return false;
    }
    DmsColumns c = (DmsColumns) o;
    return names.equals(c.names) && leadingFields == c.leadingFields && Objects.equals(schemas, c.schemas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, leadingFields);
  }

  @Override
  public String toString() {
    return names.toString();
  }
}

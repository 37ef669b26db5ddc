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
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * How to read the rows of a Tier-2 object when its log timestamp, sequence or operation is a column inside it:
 * Parquet (read with parquet-avro, only the needed columns) or CSV (RFC 4180; with a header row or with column
 * names given here, as DMS writes CSV without a header by default). Gzip-compressed objects (DMS
 * {@code CompressionType=GZIP}) are detected by their magic bytes. Immutable.
 */
public final class ObjectFormat {

  /** The kind of file. */
  public enum Kind { PARQUET, CSV }

  private final Kind kind;
  private final boolean header;
  private final ImmutableList<String> columns;
  private final char delimiter;

  private ObjectFormat(Kind kind, boolean header, List<String> columns, char delimiter) {
    this.kind = kind;
    this.header = header;
    this.columns = ImmutableList.copyOf(columns);
    this.delimiter = delimiter;
  }

  public static ObjectFormat parquet() {
    return new ObjectFormat(Kind.PARQUET, false, List.of(), ',');
  }

  /** CSV whose first row names the columns (DMS {@code AddColumnName=true}). */
  public static ObjectFormat csvWithHeader() {
    return new ObjectFormat(Kind.CSV, true, List.of(), ',');
  }

  /** CSV without a header row; {@code columns} name the fields in order (DMS: {@code Op} first, then the table's). */
  public static ObjectFormat csv(List<String> columns) {
    Preconditions.checkArgument(columns != null && !columns.isEmpty(), "CSV without a header needs column names");
    return new ObjectFormat(Kind.CSV, false, columns, ',');
  }

  public static ObjectFormat csv(String... columns) {
    return csv(List.of(columns));
  }

  /** This format with another field delimiter (DMS {@code CsvDelimiter}); CSV only. */
  public ObjectFormat withDelimiter(char value) {
    Preconditions.checkState(kind == Kind.CSV, "a delimiter applies to CSV only");
    return new ObjectFormat(kind, header, columns, value);
  }

  public Kind kind() {
    return kind;
  }

  /** CSV: whether the first row is a header. */
  public boolean header() {
    return header;
  }

  /** CSV without header: the column names in field order. */
  public List<String> columns() {
    return columns;
  }

  public char delimiter() {
    return delimiter;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ObjectFormat)) {
      return false;
    }
    ObjectFormat f = (ObjectFormat) o;
    return kind == f.kind && header == f.header && columns.equals(f.columns) && delimiter == f.delimiter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, header, columns, delimiter);
  }

  @Override
  public String toString() {
    return kind == Kind.PARQUET ? "parquet"
        : "csv(" + (header ? "header" : "columns=" + columns) + ", delimiter='" + delimiter + "')";
  }
}

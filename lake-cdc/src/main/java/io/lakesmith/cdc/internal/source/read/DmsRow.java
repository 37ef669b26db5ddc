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

import io.lakesmith.cdc.RowError;
import com.google.common.base.Preconditions;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsTableId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One row of a DMS file, as written: its operation, where it starts, and its data values by column. Immutable.
 *
 * <p>Values are, per column: {@code null} for NULL; {@link #NOT_SUPPLIED} for a CSV {@code CsvNoSupValue} field
 * (column not in the supplemental log: "unchanged/unknown", not NULL); otherwise the text of a CSV field (a
 * {@link String}) or the value of a Parquet field as Avro's generic model reads it (strings as {@link String},
 * {@code Long} micros for {@code timestamp-micros}, {@code ByteBuffer}/{@code GenericFixed} for bytes and decimals,
 * and so on; see {@link DmsColumns#schema(int)}).
 *
 * <p>A row that could not be split into columns has an {@link #error()} (wrong field count, unknown {@code Op},
 * unknown {@code CDC_TXN} table). It is still returned, in file order, so the engine can quarantine it: then
 * {@link #op()} or {@link #table()} may be null and {@link #values()} holds the fields after the {@code Op} and
 * routing fields as parsed, which need not match {@link #columns()}. Rows without an error always have an op, a
 * table, and exactly one value per column.
 */
public final class DmsRow {

  /** The value of a field DMS marked with {@code CsvNoSupValue}. Compare by identity. */
  public static final Object NOT_SUPPLIED = new Object() {
    @Override
    public String toString() {
      return "<not supplied>";
    }
  };

  private final DmsFile file;
  private final DmsTableId table;
  private final long line;
  private final DmsOp op;
  private final DmsColumns columns;
  private final Object[] values;
  private final RowError error;

  DmsRow(DmsFile file, DmsTableId table, long line, DmsOp op, DmsColumns columns, Object[] values, RowError error) {
    this.file = Preconditions.checkNotNull(file, "file");
    this.table = table;
    this.line = line;
    this.op = op;
    this.columns = Preconditions.checkNotNull(columns, "columns");
    this.values = values;
    this.error = error;
    Preconditions.checkArgument(error != null || (op != null && table != null && values.length == columns.size()),
        "a row without error needs an op, a table and one value per column");
  }

  /** The file the row is in. */
  public DmsFile file() {
    return file;
  }

  public String fileKey() {
    return file.key();
  }

  /** The row's table: the file's, or for {@code CDC_TXN} the row's routing fields; null only for some error rows. */
  public DmsTableId table() {
    return table;
  }

  /** 1-based line where the row starts in a CSV file (header and embedded line breaks counted); 1-based row number in Parquet. */
  public long line() {
    return line;
  }

  /** The operation; null only for rows whose {@link #error()} is {@link RowError.Kind#UNKNOWN_OP} or similar. */
  public DmsOp op() {
    return op;
  }

  /** The names (and Parquet schemas) of the data columns. */
  public DmsColumns columns() {
    return columns;
  }

  /** The data values in column order (see the class comment); unmodifiable, may hold nulls. */
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  public Object value(int index) {
    return values[index];
  }

  /** The value of the named column ({@link DmsColumns#indexOf}); throws {@link IllegalArgumentException} if absent. */
  public Object value(String column) {
    int i = columns.indexOf(column);
    Preconditions.checkArgument(i >= 0 && i < values.length, "%s line %s has no column '%s' (columns: %s)",
        fileKey(), line, column, columns);
    return values[i];
  }

  public boolean isNull(int index) {
    return values[index] == null;
  }

  public boolean isNotSupplied(int index) {
    return values[index] == NOT_SUPPLIED;
  }

  /** Why the row could not be split into columns; empty for good rows. */
  public Optional<RowError> error() {
    return Optional.ofNullable(error);
  }

  /** This row; throws {@link DmsRowException} when it has an {@link #error()}. */
  public DmsRow checkValid() {
    if (error != null) {
      throw new DmsRowException(error);
    }
    return this;
  }

  /** An error about this row's column {@code index}, naming the file, line, column and its field number. */
  public RowError columnError(int index, RowError.Kind kind, String reason) {
    return RowError.ofColumn(fileKey(), line, kind, columns.name(index), columns.fieldNumber(index), reason);
  }

  /** An error about this whole row. */
  public RowError rowError(RowError.Kind kind, String reason) {
    return RowError.ofRow(fileKey(), line, kind, reason);
  }

  @Override
  public String toString() {
    return fileKey() + " line " + line + " " + op + " " + table + " " + Arrays.toString(values)
        + (error == null ? "" : " ERROR " + error);
  }
}

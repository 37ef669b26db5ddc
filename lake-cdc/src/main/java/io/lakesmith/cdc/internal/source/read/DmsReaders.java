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
import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsFormat;
import com.google.common.base.Preconditions;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.storage.ObjectStore;
import java.util.List;

/**
 * Opens {@link DmsRowReader}s over any {@link ObjectStore} (local or S3): CSV is streamed, Parquet is staged to a
 * local temporary file (see {@link DmsFormat}). Gzip is detected by the {@code .gz} suffix and checked against the
 * magic bytes. A file too damaged to read any row (mislabeled compression, not Parquet) gives a reader whose only row
 * is an {@link RowError.Kind#UNREADABLE} error, like damage met later in a file. Column names come from the CSV header ({@link CsvOptions#header()}), the Parquet schema, or
 * {@link ExpectedColumns}.
 */
public final class DmsReaders {
  private DmsReaders() {}

  /**
   * A reader of every row of {@code file}; for {@code CDC_TXN} files, rows of all tables, each with the columns
   * {@code columns} gives for its table. Throws {@link DmsReadException} when the file cannot be read as configured
   * (its column names are unknown, a CDC file lacks Op in a table not declared inserts-only).
   */
  public static DmsRowReader open(ObjectStore store, DmsFile file, DmsFormat format, ExpectedColumns columns) {
    return open(store, file, format, columns, null);
  }

  /**
   * A reader of the rows of one table: all rows of a full-load or CDC file of that table, or the table's rows of a
   * {@code CDC_TXN} file (others skipped; malformed rows whose table cannot be told are returned as error rows).
   * {@code columns} are the table's column names in file order (see {@link ExpectedColumns}); may be empty when the
   * file supplies them. Throws {@link IllegalArgumentException} for a file of another table.
   */
  public static DmsRowReader openTable(ObjectStore store, DmsFile file, DmsFormat format, DmsTableId table,
      List<String> columns) {
    Preconditions.checkNotNull(table, "table");
    Preconditions.checkArgument(file.kind() == DmsFile.Kind.CDC_TXN || file.table().orElseThrow().equalsIgnoreCase(table),
        "%s is a file of %s, not of %s", file.key(), file.table().orElse(null), table);
    ExpectedColumns expected = columns.isEmpty() ? ExpectedColumns.none() : ExpectedColumns.of(columns);
    return open(store, file, format, expected, table);
  }

  private static DmsRowReader open(ObjectStore store, DmsFile file, DmsFormat format, ExpectedColumns columns,
      DmsTableId onlyTable) {
    Preconditions.checkNotNull(store, "store");
    Preconditions.checkNotNull(file, "file");
    Preconditions.checkNotNull(format, "format");
    Preconditions.checkNotNull(columns, "columns");
    try {
      return file.format() == DmsFile.Format.PARQUET
          ? new ParquetRowReader(store, file, format)
          : new CsvRowReader(store, file, format, columns, onlyTable);
    } catch (DmsReadException e) {
      if (!e.malformedContent()) {
        throw e;
      }
      RowError error = RowError.ofRow(file.key(), Math.max(1, e.line()), RowError.Kind.UNREADABLE,
          e.reason() + "; no row of the file can be read");
      return new UnreadableFile(new DmsRow(file, file.table().orElse(null), error.line(), null,
          new DmsColumns(List.of(), null, 0), new Object[0], error));
    }
  }

  /** A file damaged beyond reading any row: its one row is the {@link RowError.Kind#UNREADABLE} error. */
  private static final class UnreadableFile implements DmsRowReader {
    private DmsRow row;

    UnreadableFile(DmsRow row) {
      this.row = row;
    }

    @Override
    public boolean hasNext() {
      return row != null;
    }

    @Override
    public DmsRow next() {
      if (row == null) {
        throw new java.util.NoSuchElementException("no more rows");
      }
      DmsRow r = row;
      row = null;
      return r;
    }

    @Override
    public void close() {}
  }
}

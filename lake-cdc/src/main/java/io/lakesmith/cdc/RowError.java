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

package io.lakesmith.cdc;

import com.google.common.base.Preconditions;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why one row cannot be applied: the file key, the 1-based line the row starts on (the 1-based row number for
 * Parquet), for column problems the column name and its 1-based field number in the record (counting
 * {@code Op} and routing fields), and a reason. Immutable. The engine quarantines the row or fails the batch.
 */
public final class RowError {

  /** The class of problem. */
  public enum Kind {
    /** The record has more or fewer fields than the file's columns. */
    COLUMN_COUNT,
    /** The {@code Op} field is not I, U or D (only I in full load). */
    UNKNOWN_OP,
    /** A {@code CDC_TXN} row of a table whose columns are unknown, or without table/schema. */
    UNKNOWN_TABLE,
    /** A record-key column is missing, NULL or not supplied. */
    MISSING_KEY,
    /** A value does not convert to its column's type. */
    CONVERSION,
    /** The value the change sequence is derived from is missing or malformed. */
    SEQUENCE,
    /** A field holds bytes that are not text in the file's charset, or a NUL byte; the reason gives the byte offset. */
    ENCODING,
    /**
     * The file cannot be read from this line on (unterminated quoted field, truncated or corrupt compression, corrupt
     * Parquet, a header that cannot name the columns): the rest of the file is one entry, never silently dropped.
     */
    UNREADABLE
  }

  private final String fileKey;
  private final long line;
  private final Kind kind;
  private final String column;
  private final int fieldNumber;
  private final String reason;

  private RowError(String fileKey, long line, Kind kind, String column, int fieldNumber, String reason) {
    this.fileKey = Preconditions.checkNotNull(fileKey, "fileKey");
    this.line = line;
    this.kind = Preconditions.checkNotNull(kind, "kind");
    this.column = column;
    this.fieldNumber = fieldNumber;
    this.reason = Preconditions.checkNotNull(reason, "reason");
  }

  /** A problem of the whole row. */
  public static RowError ofRow(String fileKey, long line, Kind kind, String reason) {
    return new RowError(fileKey, line, kind, null, 0, reason);
  }

  /** A problem of one column; {@code fieldNumber} is 1-based. */
  public static RowError ofColumn(String fileKey, long line, Kind kind, String column, int fieldNumber,
      String reason) {
    Preconditions.checkArgument(column != null, "column must not be null");
    Preconditions.checkArgument(fieldNumber >= 1, "fieldNumber is 1-based, got %s", fieldNumber);
    return new RowError(fileKey, line, kind, column, fieldNumber, reason);
  }

  public String fileKey() {
    return fileKey;
  }

  /** 1-based line where the row starts (CSV, header included), or 1-based row number (Parquet). */
  public long line() {
    return line;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /** 1-based position of the column's field in the record; empty for whole-row problems. */
  public OptionalInt fieldNumber() {
    return fieldNumber == 0 ? OptionalInt.empty() : OptionalInt.of(fieldNumber);
  }

  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowError)) {
      return false;
    }
    RowError e = (RowError) o;
    return fileKey.equals(e.fileKey) && line == e.line && kind == e.kind && Objects.equals(column, e.column)
        && fieldNumber == e.fieldNumber && reason.equals(e.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileKey, line, kind, column, fieldNumber, reason);
  }

  /** {@code <key> line <n>[, column <name> (field <i>)]: <KIND> <reason>}. */
  @Override
  public String toString() {
    return fileKey + " line " + line + (column == null ? "" : ", column " + column + " (field " + fieldNumber + ")")
        + ": " + kind + " " + reason;
  }
}

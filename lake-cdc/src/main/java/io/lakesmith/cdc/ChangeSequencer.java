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
import com.google.common.base.Strings;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.convert.DmsTimestamps;
import io.lakesmith.cdc.internal.source.read.DmsColumns;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.core.table.ColumnType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Gives every DMS row of a table a change sequence: a fixed-width ASCII string whose lexicographic (=
 * {@link String#compareTo}) order is the order in which the changes must apply, usable as a Hudi ordering field.
 * Deterministic: the same row always gets the same sequence; distinct rows of a table never get equal ones.
 * Immutable and thread-safe.
 *
 * <p><b>Format</b> ({@value #LENGTH} characters, fields separated by '.'): {@code C.P.F.R}
 * <ul>
 *   <li>{@code C} (1): {@code 0} for rows of full-load files, {@code 1} for CDC and {@code CDC_TXN} rows, so the full
 *       load sorts before every change of the table whatever its timestamps;</li>
 *   <li>{@code P} (35 digits): the primary position of a change. Full load: 35 zeros. {@link Strategy#CHANGE_SEQ}:
 *       the {@code AR_H_CHANGE_SEQ} value (1 to 35 digits, left-padded with zeros). {@link Strategy#TIMESTAMP}: the
 *       DMS timestamp column as {@code yyyyMMddHHmmss} plus 9 fraction digits (23 digits, UTC, exact to the
 *       nanosecond), left-padded to 35 with zeros. {@link Strategy#FILE_ORDER}: 35 zeros;</li>
 *   <li>{@code F} (42): the file's {@link DmsFile#ordinal()} (file order: full-load counter or CDC file-name time);</li>
 *   <li>{@code R} (12 digits): the row's {@link DmsRow#line()} in its file.</li>
 * </ul>
 * Ties on {@code P} (DMS timestamps often have only second or millisecond precision) are thus broken by file order,
 * then by position in the file. Example: {@code 1.00000000000020250101120000123456000.1.20250101120005000000000.
 * 7f3c2a9e0b1d4e55.000000000042} (without the line break).
 *
 * <p>One table should use one strategy for its whole life. If it changes anyway, note that a 35-digit change
 * sequence (its first 16 digits are a timestamp) is larger than any padded timestamp, which is larger than
 * file-order's zeros, so adding {@code AR_H_CHANGE_SEQ} or a timestamp column later keeps later changes later.
 *
 * <p>Errors: {@link #sequence} throws {@link DmsRowException} with a {@link RowError.Kind#SEQUENCE} error naming the
 * column when the strategy's column is missing from the row, NULL, not supplied or malformed, and the row's own
 * error when it has one.
 */
public final class ChangeSequencer {

  /** Total length of a sequence string. */
  public static final int LENGTH = 1 + 1 + 35 + 1 + 42 + 1 + 12;

  /** Where the primary position of a CDC row comes from. */
  public enum Strategy {
    /** Per file: {@link #CHANGE_SEQ} when the file has the change-sequence column, else {@link #TIMESTAMP} when it
     * has the timestamp column, else {@link #FILE_ORDER}. */
    AUTO,
    /** The {@code AR_H_CHANGE_SEQ} header column (35 digits, unique and increasing per task): the best key. */
    CHANGE_SEQ,
    /** The {@code TimestampColumnName} column ({@code yyyy-MM-dd HH:mm:ss.SSSSSS}, commit time; ties happen). */
    TIMESTAMP,
    /** Only file order and position in the file. */
    FILE_ORDER
  }

  static {
    io.lakesmith.cdc.internal.apply.Sequencing.register(ChangeSequencer::sequence);
  }

  private static final String ZEROS = Strings.repeat("0", 35);
  private static final long MAX_LINE = 999_999_999_999L;

  private final Strategy strategy;
  private final String changeSeqColumn;
  private final String timestampColumn;
  /** Cache of {@link #resolve}: an immutable value, replaced whole, so the sequencer stays thread-safe. */
  private volatile Resolved lastResolved;

  private record Resolved(DmsColumns columns, Strategy strategy, int column) {}

  private ChangeSequencer(Builder b) {
    this.strategy = b.strategy;
    this.changeSeqColumn = b.changeSeqColumn;
    this.timestampColumn = b.timestampColumn;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Strategy strategy() {
    return strategy;
  }

  /** The column holding {@code AR_H_CHANGE_SEQ}. */
  public String changeSeqColumn() {
    return changeSeqColumn;
  }

  /** The DMS timestamp column, if configured. */
  public java.util.Optional<String> timestampColumn() {
    return java.util.Optional.ofNullable(timestampColumn);
  }

  /** The sequence of a row; see the class comment for the format and errors. */
  String sequence(DmsRow row) {
    row.checkValid();
    long line = row.line();
    if (line < 1 || line > MAX_LINE) {
      throw new DmsRowException(row.rowError(RowError.Kind.SEQUENCE, "line " + line + " does not fit 12 digits"));
    }
    // built in one buffer: formatting with String.format per row once cost a fifth of an apply's CPU
    boolean fullLoad = row.file().kind() == DmsFile.Kind.FULL_LOAD;
    StringBuilder sb = new StringBuilder(LENGTH);
    sb.append(fullLoad ? '0' : '1').append('.');
    if (fullLoad) {
      sb.append(ZEROS);
    } else {
      primary(row, sb);
    }
    sb.append('.').append(row.file().ordinal()).append('.');
    return pad(sb, line, 12).toString();
  }

  /** The strategy and its column for rows with these columns; the last answer is kept (files repeat columns). */
  private Resolved resolve(DmsColumns columns) {
    Resolved r = lastResolved;
    if (r != null && r.columns == columns) {
      return r;
    }
    Strategy s = strategy;
    if (s == Strategy.AUTO) {
      s = columns.indexOf(changeSeqColumn) >= 0 ? Strategy.CHANGE_SEQ
          : timestampColumn != null && columns.indexOf(timestampColumn) >= 0 ? Strategy.TIMESTAMP
          : Strategy.FILE_ORDER;
    }
    int column = s == Strategy.CHANGE_SEQ ? columns.indexOf(changeSeqColumn)
        : s == Strategy.TIMESTAMP ? columns.indexOf(timestampColumn) : -1;
    r = new Resolved(columns, s, column);
    lastResolved = r;
    return r;
  }

  private void primary(DmsRow row, StringBuilder sb) {
    Resolved r = resolve(row.columns());
    switch (r.strategy) {
      case CHANGE_SEQ: changeSeq(row, column(row, r, changeSeqColumn), sb); return;
      case TIMESTAMP: timestamp(row, column(row, r, timestampColumn), sb); return;
      case FILE_ORDER: sb.append(ZEROS); return;
      default: throw new AssertionError(r.strategy);
    }
  }

  private void changeSeq(DmsRow row, int c, StringBuilder sb) {
    Object v = value(row, c);
    String text = v instanceof String ? ((String) v).strip()
        : v instanceof Long || v instanceof Integer ? v.toString() : null;
    if (text == null || !isDigits(text)) {
      throw new DmsRowException(row.columnError(c, RowError.Kind.SEQUENCE,
          "change sequence must be 1 to 35 digits, got '" + v + "'"));
    }
    sb.append(ZEROS, 0, ZEROS.length() - text.length()).append(text);
  }

  /** 1 to 35 ASCII digits, as the regular expression {@code \d{1,35}} accepts them. */
  private static boolean isDigits(String text) {
    int n = text.length();
    if (n < 1 || n > ZEROS.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private void timestamp(DmsRow row, int c, StringBuilder sb) {
    Object v = value(row, c);
    Instant t;
    try {
      if (v instanceof String) {
        t = DmsTimestamps.parse(((String) v).strip());
      } else if (v instanceof Long && isTimestamp(row.columns().schema(c).orElse(null))) {
        long micros = (Long) v;
        LogicalType lt = logicalType(row.columns().schema(c).get());
        if (lt instanceof LogicalTypes.TimestampMillis || lt instanceof LogicalTypes.LocalTimestampMillis) {
          micros = Math.multiplyExact(micros, 1000L);
        }
        t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      } else {
        throw new IllegalArgumentException("not a timestamp: '" + v + "'");
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new DmsRowException(row.columnError(c, RowError.Kind.SEQUENCE, e.getMessage()));
    }
    LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      throw new DmsRowException(row.columnError(c, RowError.Kind.SEQUENCE, "timestamp year out of 0000-9999: " + t));
    }
    // yyyyMMddHHmmss + 9 fraction digits = 23 digits, left-padded to 35
    sb.append(ZEROS, 0, ZEROS.length() - 23);
    pad(sb, utc.getYear(), 4);
    pad(sb, utc.getMonthValue(), 2);
    pad(sb, utc.getDayOfMonth(), 2);
    pad(sb, utc.getHour(), 2);
    pad(sb, utc.getMinute(), 2);
    pad(sb, utc.getSecond(), 2);
    pad(sb, utc.getNano(), 9);
  }

  /** Appends {@code value} (non-negative) left-padded with zeros to {@code width} digits. */
  private static StringBuilder pad(StringBuilder sb, long value, int width) {
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = digits; i < width; i++) {
      sb.append('0');
    }
    return sb.append(value);
  }

  private static boolean isTimestamp(Schema s) {
    LogicalType lt = s == null ? null : logicalType(s);
    return lt instanceof LogicalTypes.TimestampMicros || lt instanceof LogicalTypes.TimestampMillis
        || lt instanceof LogicalTypes.LocalTimestampMicros || lt instanceof LogicalTypes.LocalTimestampMillis;
  }

  private int column(DmsRow row, Resolved r, String name) {
    int c = r.column;
    if (c < 0) {
      throw new DmsRowException(row.rowError(RowError.Kind.SEQUENCE, "strategy " + strategy + " needs column " + name
          + ", which the row does not have (columns " + row.columns() + ")"));
    }
    return c;
  }

  private static Object value(DmsRow row, int c) {
    Object v = row.value(c);
    if (v == null || v == DmsRow.NOT_SUPPLIED) {
      throw new DmsRowException(row.columnError(c, RowError.Kind.SEQUENCE,
          "sequence column is " + (v == null ? "NULL" : "not supplied")));
    }
    return v;
  }

  private static LogicalType logicalType(Schema s) {
    return ColumnType.nonNull(s).getLogicalType();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChangeSequencer)) {
      return false;
    }
    ChangeSequencer c = (ChangeSequencer) o;
    return strategy == c.strategy && changeSeqColumn.equals(c.changeSeqColumn)
        && Objects.equals(timestampColumn, c.timestampColumn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, changeSeqColumn, timestampColumn);
  }

  @Override
  public String toString() {
    return "ChangeSequencer{" + strategy + ", changeSeq=" + changeSeqColumn + ", timestamp=" + timestampColumn + "}";
  }

  /** Builder of {@link ChangeSequencer}. */
  public static final class Builder {
    private Strategy strategy = Strategy.AUTO;
    private String changeSeqColumn = "AR_H_CHANGE_SEQ";
    private String timestampColumn;

    private Builder() {}

    public Builder strategy(Strategy value) {
      this.strategy = value;
      return this;
    }

    /** The column holding {@code $AR_H_CHANGE_SEQ} (a transformation rule names it); default {@code AR_H_CHANGE_SEQ}. */
    public Builder changeSeqColumn(String value) {
      this.changeSeqColumn = value;
      return this;
    }

    /** The endpoint's {@code TimestampColumnName}; none by default. */
    public Builder timestampColumn(String value) {
      this.timestampColumn = value;
      return this;
    }

    /** Rejects {@link Strategy#TIMESTAMP} without a timestamp column. */
    public ChangeSequencer build() {
      Preconditions.checkArgument(strategy != null, "strategy must not be null");
      Preconditions.checkArgument(changeSeqColumn != null && !changeSeqColumn.isEmpty(), "changeSeqColumn must not be empty");
      Preconditions.checkArgument(strategy != Strategy.TIMESTAMP || timestampColumn != null,
          "strategy TIMESTAMP needs a timestampColumn");
      return new ChangeSequencer(this);
    }
  }
}

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

import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.cdc.RowError;
import com.google.common.collect.ImmutableList;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.storage.ObjectStore;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams a DMS CSV file (table file or CDC_TXN) with FastCSV, keeping each field's quoted flag.
 *
 * <p>Nothing is dropped or altered silently: bytes that are not text in the charset and NUL bytes make their row an
 * {@link RowError.Kind#ENCODING} error naming the byte offset (the text is decoded with a reporting decoder, not
 * replaced); an unterminated quoted field, or damage that stops the byte stream (truncated gzip), ends the file with
 * one {@link RowError.Kind#UNREADABLE} row naming the line where the unreadable part starts.
 *
 * <p>Header rows: see {@link HeaderMode}. Without expected columns, {@link HeaderMode#DETECT} takes the first row as
 * the header only on evidence (every field a column name, and an {@code Op} first field or typed values below it);
 * otherwise the file cannot be read until its columns are declared.
 */
final class CsvRowReader implements DmsRowReader {
  private static final DmsColumns NO_COLUMNS = new DmsColumns(ImmutableList.of(), null, 3);
  /** What a column name in a header looks like (SQL identifiers of the DMS sources, no blanks). */
  private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$#@]*");
  /** Values that cannot be column names: numbers, dates and timestamps. */
  private static final Pattern TYPED = Pattern.compile(
      "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|\\d{4}-\\d{2}-\\d{2}(?:[ T].*)?|\\d{1,2}/\\d{1,2}/\\d{2,4}.*");

  private final DmsFile file;
  private final DmsFormat format;
  private final CsvOptions csv;
  private final ExpectedColumns expected;
  private final DmsTableId onlyTable;
  private final ReportingDecoder text;
  private final RawHandler handler;
  private final CsvReader<RawRecord> reader;
  private final CloseableIterator<RawRecord> records;
  private final Map<DmsTableId, Optional<DmsColumns>> txnColumns = new HashMap<>();
  private final ArrayDeque<RawRecord> pending = new ArrayDeque<>();
  private DmsColumns columns;
  private DmsRow next;
  private long lastLine;
  /** The unreadable rest of the file, returned as the last row. */
  private RowError tail;
  private boolean ended;

  CsvRowReader(ObjectStore store, DmsFile file, DmsFormat format, ExpectedColumns expected, DmsTableId onlyTable) {
    this.file = file;
    this.format = format;
    this.csv = format.csv();
    this.expected = expected;
    this.onlyTable = onlyTable;
    InputStream in = Streams.open(store, file);
    try {
      this.text = new ReportingDecoder(in, csv.charset());
      this.handler = new RawHandler(text);
      this.reader = CsvReader.builder()
          .fieldSeparator(csv.delimiter())
          .quoteCharacter(csv.quoteChar())
          .skipEmptyLines(false) // a blank line is a record (a one-column NULL), never silently dropped
          .extraFieldStrategy(FieldMismatchStrategy.IGNORE) // field counts are checked per row, as row errors
          .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
          .allowUnclosedQuote(false) // else an unterminated quote swallows the rest of the file into one field
          .build(handler, text);
      this.records = reader.iterator();
      if (file.kind() != DmsFile.Kind.CDC_TXN) {
        this.columns = tableColumns();
      }
    } catch (RuntimeException e) {
      Streams.closeQuietly(in);
      throw e;
    }
  }

  private DmsColumns tableColumns() {
    DmsTableId table = file.table().orElseThrow();
    Optional<List<String>> exp = expected.columns(table);
    HeaderMode mode = csv.header();
    if (mode == HeaderMode.ABSENT) {
      if (exp.isEmpty()) {
        throw new DmsReadException(file.key(), "no header row (AddColumnName=false) and no columns declared for "
            + table + ": declare the columns (TableSpec columns, --schema)", null);
      }
      return checkOp(fromExpected(exp.get()));
    }
    RawRecord first = fetch();
    if (first == null) {
      return exp.map(this::fromExpected).orElse(new DmsColumns(ImmutableList.of(), null, 0));
    }
    if (!first.problems.isEmpty()) {
      // neither names nor values of the first row can be trusted: the file is unreadable as it stands
      Problem p = first.problems.get(0);
      return giveUp(RowError.ofRow(file.key(), first.line, RowError.Kind.UNREADABLE, "field " + (p.field + 1)
          + " of the first row holds " + p.mark.problem() + " at byte offset " + p.mark.byteOffset()
          + ": whether it is the header cannot be told, so no row of the file is read"));
    }
    boolean header;
    if (mode == HeaderMode.PRESENT) {
      String bad = notNames(first.fields);
      if (bad != null) {
        throw new DmsReadException(file.key(), 1, "the first row should be the header (AddColumnName=true) but "
            + bad + ": is the header setting right?", null);
      }
      header = true;
    } else if (exp.isPresent()) {
      header = looksLikeHeader(first.fields, exp.get());
    } else {
      RawRecord second = fetch();
      if (second != null) {
        pending.add(second);
      }
      String why = headerEvidence(first, second);
      if (why != null) {
        pending.addFirst(first);
        throw new DmsReadException(file.key(), 1, "no header row (" + why + ") and no columns declared for " + table
            + ": declare the columns (TableSpec columns, --schema)", null);
      }
      header = true;
    }
    if (!header) {
      pending.addFirst(first);
      return checkOp(fromExpected(exp.get()));
    }
    String dup = duplicate(first.fields);
    if (dup != null) {
      return giveUp(RowError.ofRow(file.key(), first.line, RowError.Kind.UNREADABLE, "the header names column " + dup
          + ": values cannot be matched to columns, so no row of the file is read"));
    }
    List<String> names = List.of(first.fields);
    boolean op = !names.isEmpty() && names.get(0).equalsIgnoreCase("Op");
    return checkOp(new DmsColumns(op ? names.subList(1, names.size()) : names, null, op ? 1 : 0));
  }

  /** Reads no further: the file ends with {@code error} as its only row. */
  private DmsColumns giveUp(RowError error) {
    tail = error;
    ended = true;
    pending.clear();
    return new DmsColumns(ImmutableList.of(), null, 0);
  }

  /** A CDC file must say what each row does, unless the table is declared inserts-only. */
  private DmsColumns checkOp(DmsColumns c) {
    if (file.kind() == DmsFile.Kind.CDC && c.leadingFields() == 0 && !format.cdcInsertsOnly()) {
      throw new DmsReadException(file.key(), 1, "a CDC file without an Op column: its updates and deletes cannot be "
          + "told from inserts. If the DMS task writes only inserts (CdcInsertsOnly=true), declare it "
          + "(DmsFormat.cdcInsertsOnly, --cdc-inserts-only); otherwise the header or the declared columns must start "
          + "with Op", null);
    }
    return c;
  }

  private DmsColumns fromExpected(List<String> names) {
    if (!names.isEmpty() && names.get(0).equalsIgnoreCase("Op")) {
      return new DmsColumns(names.subList(1, names.size()), null, 1);
    }
    boolean op = file.kind() == DmsFile.Kind.FULL_LOAD ? format.includeOpForFullLoad() : format.cdcIncludesOp();
    return new DmsColumns(names, null, op ? 1 : 0);
  }

  /**
   * Why a first row, with no columns declared or known from earlier files, is not taken as a header; null when the
   * evidence says it is one: every field a column name and either an {@code Op} first field or, in some column, a
   * number or date below a name. A row of names with nothing typed below is not assumed to be a header: it may be
   * data, and taking data for names loses a row and misnames every column.
   */
  private String headerEvidence(RawRecord first, RawRecord second) {
    String bad = notNames(first.fields);
    if (bad != null) {
      return bad;
    }
    boolean opFirst = first.fields[0].equalsIgnoreCase("Op");
    if (!opFirst && file.kind() != DmsFile.Kind.FULL_LOAD && DmsOp.fromCode(first.fields[0]) != null) {
      return "field 1 '" + first.fields[0] + "' is an Op value";
    }
    if (opFirst) {
      return null;
    }
    if (second != null && second.fields.length == first.fields.length) {
      for (int i = 0; i < first.fields.length; i++) {
        if (!second.quoted[i] && TYPED.matcher(second.fields[i].strip()).matches()) {
          return null;
        }
      }
    }
    return "line 1 holds only names and nothing below it shows it is a header rather than data";
  }

  /** Null when every field is a plausible column name, else what is wrong. */
  private static String notNames(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (!NAME.matcher(fields[i].strip()).matches()) {
        return "field " + (i + 1) + " '" + clip(fields[i]) + "' is not a column name";
      }
    }
    return null;
  }

  /** The first column name given twice (ignoring case) with both field numbers, or null. */
  private static String duplicate(String[] fields) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      Integer before = seen.putIfAbsent(fields[i].strip().toLowerCase(Locale.ROOT), i + 1);
      if (before != null) {
        return "'" + fields[i].strip() + "' twice (fields " + before + " and " + (i + 1) + ")";
      }
    }
    return null;
  }

  /**
   * A first row is a header when its fields (after an optional leading {@code Op}) are distinct and non-empty
   * and at least half of them name expected columns (ignoring case). Exact equality would miss the headers of
   * files written after DDL added or dropped columns; a data row naming half the columns does not occur.
   */
  static boolean isHeader(String[] fields, List<String> expectedNames) {
    return looksLikeHeader(fields, expectedNames) && duplicate(fields) == null;
  }

  /** {@link #isHeader} without the distinctness check, so a header naming a column twice is still recognized. */
  private static boolean looksLikeHeader(String[] fields, List<String> expectedNames) {
    Set<String> expected = new HashSet<>();
    expectedNames.forEach(n -> expected.add(n.toLowerCase(Locale.ROOT)));
    expected.remove("op");
    int lead = fields.length > 0 && fields[0].equalsIgnoreCase("Op") ? 1 : 0;
    Set<String> seen = new HashSet<>();
    int matching = 0;
    for (int i = lead; i < fields.length; i++) {
      String f = fields[i].trim().toLowerCase(Locale.ROOT);
      if (f.isEmpty()) {
        return false;
      }
      if (seen.add(f) && expected.contains(f)) {
        matching++;
      }
    }
    int names = seen.size();
    return names > 0 && matching > 0 && matching * 2 >= names;
  }

  /** The next record, or null at the end or where the rest of the file is unreadable (then {@link #tail} is set). */
  private RawRecord fetch() {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    if (ended) {
      return null;
    }
    try {
      if (!records.hasNext()) {
        ended = true;
        return null;
      }
      RawRecord r = records.next();
      lastLine = r.line;
      return r;
    } catch (CsvParseException e) {
      ended = true;
      tail = unreadable(e, true);
      return null;
    } catch (UncheckedIOException e) {
      ended = true;
      tail = unreadable(e.getCause() != null ? e.getCause() : e, false);
      return null;
    }
  }

  /** The error for the rest of the file after the parser or the byte stream failed. */
  private RowError unreadable(Throwable e, boolean parse) {
    long line = handler.recordLine > 0 ? handler.recordLine : lastLine + 1;
    int field = handler.fields.size(); // complete fields of the broken record
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String reason;
    if (parse && message.startsWith("Unclosed quoted field")) {
      line += handler.lineBreaksSoFar();
      reason = "unterminated quoted field: the quote opened on line " + line + " in field " + (field + 1)
          + " is never closed, so line " + line + " to the end of the file cannot be split into rows";
    } else if (parse) {
      reason = "malformed CSV (" + message + "): line " + line + " to the end of the file cannot be read";
    } else {
      reason = "the file cannot be read from line " + line + " on (" + e.getClass().getSimpleName() + ": " + message
          + ", after " + text.bytesRead() + " bytes" + (file.gzip() ? " of uncompressed content" : "")
          + "): truncated or damaged";
    }
    if (columns != null && field >= columns.leadingFields() && field - columns.leadingFields() < columns.size()
        && parse) {
      int index = field - columns.leadingFields();
      return RowError.ofColumn(file.key(), line, RowError.Kind.UNREADABLE, columns.name(index),
          columns.fieldNumber(index), reason);
    }
    return RowError.ofRow(file.key(), line, RowError.Kind.UNREADABLE, reason);
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      RawRecord r = fetch();
      if (r == null) {
        if (tail == null) {
          return false;
        }
        next = new DmsRow(file, file.table().orElse(null), tail.line(), null,
            columns == null ? NO_COLUMNS : columns, new Object[0], tail);
        tail = null;
        return true;
      }
      next = file.kind() == DmsFile.Kind.CDC_TXN ? txnRow(r) : tableRow(r);
    }
    return true;
  }

  @Override
  public DmsRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file.key() + ": no more rows");
    }
    DmsRow r = next;
    next = null;
    return r;
  }

  private DmsRow tableRow(RawRecord r) {
    int lead = columns.leadingFields();
    DmsOp op;
    RowError error = null;
    if (lead == 0) {
      op = file.kind() == DmsFile.Kind.FULL_LOAD ? DmsOp.LOAD : DmsOp.INSERT;
    } else {
      op = DmsOp.fromCode(r.fields[0]);
      if (op == null) {
        error = RowError.ofRow(file.key(), r.line, RowError.Kind.UNKNOWN_OP, r.fields[0].isEmpty()
            ? "Op is empty, not I, U or D" : "Op '" + clip(r.fields[0]) + "' is not I, U or D");
      } else if (file.kind() == DmsFile.Kind.FULL_LOAD && op != DmsOp.INSERT) {
        error = RowError.ofRow(file.key(), r.line, RowError.Kind.UNKNOWN_OP,
            "Op '" + r.fields[0] + "' in a full-load file, which only inserts");
        op = null;
      }
    }
    if (r.fields.length != lead + columns.size()) {
      error = countError(r, lead, columns);
    }
    if (!r.problems.isEmpty()) {
      error = encodingError(r, lead, columns);
    }
    return new DmsRow(file, file.table().orElseThrow(), r.line, op, columns, values(r, lead), error);
  }

  private DmsRow txnRow(RawRecord r) {
    if (r.fields.length < 3 || r.fields[1].isEmpty() || r.fields[2].isEmpty()) {
      return new DmsRow(file, null, r.line, DmsOp.fromCode(r.fields[0]), NO_COLUMNS, values(r, Math.min(3, r.fields.length)),
          RowError.ofRow(file.key(), r.line, RowError.Kind.UNKNOWN_TABLE,
              "a CDC_TXN row starts with operation, table_name and schema, got " + r.fields.length + " fields"));
    }
    DmsTableId table = DmsTableId.of(r.fields[2], r.fields[1]);
    if (onlyTable != null && !onlyTable.equalsIgnoreCase(table)) {
      return null;
    }
    Optional<DmsColumns> cols = txnColumns.computeIfAbsent(table, t -> expected.columns(t).map(names ->
        new DmsColumns(!names.isEmpty() && names.get(0).equalsIgnoreCase("Op") ? names.subList(1, names.size()) : names,
            null, 3)));
    DmsOp op = DmsOp.fromCode(r.fields[0]);
    if (cols.isEmpty()) {
      return new DmsRow(file, table, r.line, op, NO_COLUMNS, values(r, 3), RowError.ofRow(file.key(), r.line,
          RowError.Kind.UNKNOWN_TABLE, "no columns known for table " + table));
    }
    RowError error = null;
    if (op == null) {
      error = RowError.ofRow(file.key(), r.line, RowError.Kind.UNKNOWN_OP,
          "operation '" + clip(r.fields[0]) + "' is not I, U or D");
    }
    if (r.fields.length != 3 + cols.get().size()) {
      error = countError(r, 3, cols.get());
    }
    if (!r.problems.isEmpty()) {
      error = encodingError(r, 3, cols.get());
    }
    return new DmsRow(file, table, r.line, op, cols.get(), values(r, 3), error);
  }

  private RowError countError(RawRecord r, int lead, DmsColumns cols) {
    return RowError.ofRow(file.key(), r.line, RowError.Kind.COLUMN_COUNT, "has " + r.fields.length
        + " fields, expected " + (lead + cols.size()) + " (" + (lead == 0 ? "" : lead + " leading + ") + cols.size()
        + " columns " + cols + ")");
  }

  private RowError encodingError(RawRecord r, int lead, DmsColumns cols) {
    Problem p = r.problems.get(0);
    int index = p.field - lead;
    String column = index >= 0 && index < cols.size() ? cols.name(index) : null;
    return p.toError(file.key(), r.line, column, column == null ? 0 : cols.fieldNumber(index));
  }

  private Object[] values(RawRecord r, int from) {
    String nullToken = csv.nullValue();
    String noSup = csv.noSupValue().orElse(null);
    Object[] v = new Object[Math.max(0, r.fields.length - from)];
    for (int i = 0; i < v.length; i++) {
      String f = r.fields[from + i];
      boolean quoted = r.quoted[from + i];
      if (!quoted && f.equals(nullToken)) {
        v[i] = null;
      } else if (!quoted && f.equals(noSup)) {
        v[i] = DmsRow.NOT_SUPPLIED;
      } else {
        v[i] = f;
      }
    }
    return v;
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  @Override
  public void close() {
    Streams.closeQuietly(reader);
  }

  /** Damage found in one field: which field (0-based, in the record) and the decoder's mark. */
  private static final class Problem {
    final int field;
    final ReportingDecoder.Mark mark;

    Problem(int field, ReportingDecoder.Mark mark) {
      this.field = field;
      this.mark = mark;
    }

    RowError toError(String fileKey, long line, String column, int fieldNumber) {
      String reason = mark.problem() + " at byte offset " + mark.byteOffset();
      return column == null
          ? RowError.ofRow(fileKey, line, RowError.Kind.ENCODING, "field " + (field + 1) + ": " + reason)
          : RowError.ofColumn(fileKey, line, RowError.Kind.ENCODING, column, fieldNumber, reason);
    }
  }

  /** One CSV record: fields, whether each was quoted, the line it starts on and the damage found in it. */
  private static final class RawRecord {
    final long line;
    final String[] fields;
    final boolean[] quoted;
    final List<Problem> problems;

    RawRecord(long line, String[] fields, boolean[] quoted, List<Problem> problems) {
      this.line = line;
      this.fields = fields;
      this.quoted = quoted;
      this.problems = problems;
    }
  }

  /**
   * FastCSV callback keeping the quoted flag that its own records drop (needed to tell "" from NULL), and matching
   * each U+FFFD / U+0000 it meets with the decoder's mark to find damaged fields.
   */
  private static final class RawHandler extends AbstractBaseCsvCallbackHandler<RawRecord> {
    private final ReportingDecoder text;
    final List<String> fields = new ArrayList<>();
    private boolean[] quoted = new boolean[16];
    private List<Problem> problems = List.of();
    long recordLine;

    RawHandler(ReportingDecoder text) {
      this.text = text;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      fields.clear();
      problems = List.of();
      recordLine = startingLineNumber;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean isQuoted) {
      if (fieldIdx >= quoted.length) {
        quoted = Arrays.copyOf(quoted, Math.max(quoted.length * 2, fieldIdx + 1));
      }
      quoted[fieldIdx] = isQuoted;
      if (text.hasMarks()) {
        for (int i = offset; i < offset + len; i++) {
          char c = buf[i];
          if (c == ReportingDecoder.REPLACEMENT || c == ReportingDecoder.NUL) {
            ReportingDecoder.Mark m = text.nextMark();
            if (m != null && m.problem() != null) {
              if (problems.isEmpty()) {
                problems = new ArrayList<>(2);
              }
              problems.add(new Problem(fieldIdx, m));
            }
          }
        }
      }
      fields.add(new String(buf, offset, len));
    }

    /** Line breaks inside the complete fields of the current record. */
    int lineBreaksSoFar() {
      int n = 0;
      for (String f : fields) {
        for (int i = 0; i < f.length(); i++) {
          char c = f.charAt(i);
          if (c == '\n' && (i == 0 || f.charAt(i - 1) != '\r') || c == '\r') {
            n++;
          }
        }
      }
      return n;
    }

    @Override
    protected RawRecord buildRecord() {
      if (getRecordType() == RecordType.EMPTY || fields.isEmpty()) {
        return new RawRecord(getStartingLineNumber(), new String[] {""}, new boolean[1], List.of());
      }
      return new RawRecord(getStartingLineNumber(), fields.toArray(new String[0]),
          Arrays.copyOf(quoted, fields.size()), problems);
    }
  }
}

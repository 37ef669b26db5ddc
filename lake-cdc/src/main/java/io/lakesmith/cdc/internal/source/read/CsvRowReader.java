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
import de.siegmar.fastcsv.reader.RecordType;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.storage.ObjectStore;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Streams a DMS CSV file (table file or CDC_TXN) with fastcsv, keeping each field's quoted flag. */
final class CsvRowReader implements DmsRowReader {
  private static final DmsColumns NO_COLUMNS = new DmsColumns(ImmutableList.of(), null, 3);

  private final DmsFile file;
  private final DmsFormat format;
  private final CsvOptions csv;
  private final ExpectedColumns expected;
  private final DmsTableId onlyTable;
  private final CsvReader<RawRecord> reader;
  private final CloseableIterator<RawRecord> records;
  private final Map<DmsTableId, Optional<DmsColumns>> txnColumns = new HashMap<>();
  private DmsColumns columns;
  private RawRecord pending;
  private DmsRow next;
  private long lastLine;

  CsvRowReader(ObjectStore store, DmsFile file, DmsFormat format, ExpectedColumns expected, DmsTableId onlyTable) {
    this.file = file;
    this.format = format;
    this.csv = format.csv();
    this.expected = expected;
    this.onlyTable = onlyTable;
    InputStream in = Streams.open(store, file);
    try {
      this.reader = CsvReader.builder()
          .fieldSeparator(csv.delimiter())
          .quoteCharacter(csv.quoteChar())
          .skipEmptyLines(false) // a blank line is a record (a one-column NULL), never silently dropped
          .allowExtraFields(true) // field counts are checked per row, as row errors
          .allowMissingFields(true)
          .detectBomHeader(true)
          .build(new RawHandler(), in, csv.charset());
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
    if (mode == HeaderMode.DETECT && exp.isEmpty()) {
      mode = HeaderMode.PRESENT;
    }
    if (mode == HeaderMode.ABSENT && exp.isEmpty()) {
      throw new DmsReadException(file.key(), "no header row and no expected columns for " + table
          + ": the column names are unknown", null);
    }
    if (mode != HeaderMode.ABSENT) {
      RawRecord first = fetch();
      if (first == null) {
        return exp.map(this::fromExpected).orElse(new DmsColumns(ImmutableList.of(), null, 0));
      }
      if (mode == HeaderMode.PRESENT || isHeader(first.fields, exp.get())) {
        List<String> names = List.of(first.fields);
        boolean op = !names.isEmpty() && names.get(0).equals("Op");
        return new DmsColumns(op ? names.subList(1, names.size()) : names, null, op ? 1 : 0);
      }
      pending = first;
    }
    return fromExpected(exp.get());
  }

  private DmsColumns fromExpected(List<String> names) {
    if (!names.isEmpty() && names.get(0).equalsIgnoreCase("Op")) {
      return new DmsColumns(names.subList(1, names.size()), null, 1);
    }
    boolean op = file.kind() == DmsFile.Kind.FULL_LOAD ? format.includeOpForFullLoad() : format.cdcIncludesOp();
    return new DmsColumns(names, null, op ? 1 : 0);
  }

  /**
   * A first row is a header when its fields (after an optional leading {@code Op}) are distinct and non-empty
   * and at least half of them name expected columns (ignoring case). Exact equality would miss the headers of
   * files written after DDL added or dropped columns; a data row naming half the columns does not occur.
   */
  static boolean isHeader(String[] fields, List<String> expectedNames) {
    java.util.Set<String> expected = new java.util.HashSet<>();
    expectedNames.forEach(n -> expected.add(n.toLowerCase(java.util.Locale.ROOT)));
    expected.remove("op");
    int lead = fields.length > 0 && fields[0].equalsIgnoreCase("Op") ? 1 : 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    int matching = 0;
    for (int i = lead; i < fields.length; i++) {
      String f = fields[i].trim().toLowerCase(java.util.Locale.ROOT);
      if (f.isEmpty() || !seen.add(f)) {
        return false;
      }
      if (expected.contains(f)) {
        matching++;
      }
    }
    int names = fields.length - lead;
    return names > 0 && matching > 0 && matching * 2 >= names;
  }

  private RawRecord fetch() {
    if (pending != null) {
      RawRecord r = pending;
      pending = null;
      return r;
    }
    try {
      if (!records.hasNext()) {
        return null;
      }
      RawRecord r = records.next();
      lastLine = r.line;
      return r;
    } catch (CsvParseException | UncheckedIOException e) {
      throw new DmsReadException(file.key(), lastLine + 1, "cannot parse CSV after line " + lastLine + ": "
          + (e.getCause() != null ? e.getCause() : e.getMessage()), e);
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      RawRecord r = fetch();
      if (r == null) {
        return false;
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
        error = RowError.ofRow(file.key(), r.line, RowError.Kind.UNKNOWN_OP, "Op '" + r.fields[0] + "' is not I, U or D");
      } else if (file.kind() == DmsFile.Kind.FULL_LOAD && op != DmsOp.INSERT) {
        error = RowError.ofRow(file.key(), r.line, RowError.Kind.UNKNOWN_OP,
            "Op '" + r.fields[0] + "' in a full-load file, which only inserts");
        op = null;
      }
    }
    if (r.fields.length != lead + columns.size()) {
      error = countError(r, lead, columns);
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
    if (onlyTable != null && !onlyTable.equals(table)) {
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
          "operation '" + r.fields[0] + "' is not I, U or D");
    }
    if (r.fields.length != 3 + cols.get().size()) {
      error = countError(r, 3, cols.get());
    }
    return new DmsRow(file, table, r.line, op, cols.get(), values(r, 3), error);
  }

  private RowError countError(RawRecord r, int lead, DmsColumns cols) {
    return RowError.ofRow(file.key(), r.line, RowError.Kind.COLUMN_COUNT, "has " + r.fields.length
        + " fields, expected " + (lead + cols.size()) + " (" + (lead == 0 ? "" : lead + " leading + ") + cols.size()
        + " columns " + cols + ")");
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

  @Override
  public void close() {
    Streams.closeQuietly(reader);
  }

  /** One CSV record: fields, whether each was quoted, and the line it starts on. */
  private static final class RawRecord {
    final long line;
    final String[] fields;
    final boolean[] quoted;

    RawRecord(long line, String[] fields, boolean[] quoted) {
      this.line = line;
      this.fields = fields;
      this.quoted = quoted;
    }
  }

  /** fastcsv callback keeping the quoted flag that its own records drop (needed to tell "" from NULL). */
  private static final class RawHandler extends AbstractBaseCsvCallbackHandler<RawRecord> {
    private final List<String> fields = new ArrayList<>();
    private boolean[] quoted = new boolean[16];

    @Override
    protected void handleBegin(long startingLineNumber) {
      fields.clear();
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean isQuoted) {
      if (fieldIdx >= quoted.length) {
        quoted = Arrays.copyOf(quoted, Math.max(quoted.length * 2, fieldIdx + 1));
      }
      quoted[fieldIdx] = isQuoted;
      fields.add(new String(buf, offset, len));
    }

    @Override
    protected RawRecord buildRecord() {
      if (getRecordType() == RecordType.EMPTY || fields.isEmpty()) {
        return new RawRecord(getStartingLineNumber(), new String[] {""}, new boolean[1]);
      }
      return new RawRecord(getStartingLineNumber(), fields.toArray(new String[0]),
          Arrays.copyOf(quoted, fields.size()));
    }
  }
}

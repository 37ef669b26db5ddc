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

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.testing.IndependentReaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input property of issue 10: a corpus of malformed DMS inputs, each applied in QUARANTINE and in STRICT
 * mode. QUARANTINE: the good rows are applied exactly (the table equals an oracle built here, not by the code under
 * test), each bad row or unreadable part is quarantined with file, line, column and reason, and damage that is more
 * than a row is also a report warning. STRICT: nothing is committed and the error names file, line and column. After
 * every file is fixed, a re-run of the QUARANTINE table gives the clean table (the fixed files applied to a fresh
 * table), read back both by Lakesmith's reader and by hudi-rs. Problems of the table's description rather than of a row (no Op, unknown columns, a column name Hudi
 * cannot hold, a type change, folders differing by case) fail the table in both modes.
 *
 * <p>To keep it fast, the row-level cases share one table (distinct keys per case) in QUARANTINE mode; STRICT runs
 * each case alone, where a failure commits nothing and so costs no Hudi write.
 */
class BadInputCorpusTest {

  static final String HEADER = "Op,ID,NAME,AMT,QTY,HIRED,SEEN,ACTIVE,TS";
  static final String[] COLUMNS = HEADER.split(",");
  static final String TABLE = "app/t/";
  static final String NULL = "-";

  @TempDir
  Path tmp;

  static TableSpec spec(String base) {
    return TableSpec.builder().database("app").table("t").recordKey("ID").basePath(base)
        .column("ID", ColumnType.LONG).column("NAME", ColumnType.STRING).column("AMT", ColumnType.decimal(10, 2))
        .column("QTY", ColumnType.INT).column("HIRED", ColumnType.DATE).column("SEEN", ColumnType.TIMESTAMP)
        .column("ACTIVE", ColumnType.BOOLEAN).column("TS", ColumnType.STRING).build();
  }

  static DmsApply apply(Path root, String base, ApplyMode mode) {
    return DmsApply.from(root.toString()).table(spec(base)).timestampColumn("TS").mode(mode);
  }

  // ---- the oracle: what a good row is and how it reads back

  /** The fields of a good change row for key {@code k} in case {@code c}, row {@code r}. */
  static String[] fields(String op, long k, int c, int r) {
    return new String[] {op, Long.toString(k), "n" + k, k + ".25", Long.toString(k),
        LocalDate.of(2024, 1, 1).plusDays(k % 300).toString(), "2024-01-01 10:00:00." + String.format("%06d", k),
        Boolean.toString(k % 2 == 0), ts(c, r)};
  }

  static String ts(int c, int r) {
    return String.format("2025-01-01 %02d:%02d:%02d.%06d", 10 + c / 3600, c / 60 % 60, c % 60, r);
  }

  /** How the oracle expects a row to read back: key|NAME|AMT|QTY|HIRED|SEEN|ACTIVE. */
  static String canonical(String[] f) {
    String name = f[2] == null ? NULL : f[2].length() > 64 ? "len=" + f[2].length() : f[2];
    return f[1] + "|" + name + "|" + f[3] + "|" + f[4] + "|" + f[5] + "|"
        + f[6].replace(' ', 'T') + "Z|" + f[7];
  }

  static String canonical(GenericRecord r) {
    Object name = r.get("NAME");
    String n = name == null ? NULL : name.toString().length() > 64 ? "len=" + name.toString().length() : name.toString();
    Object amt = r.get("AMT");
    String a = amt == null ? NULL
        : ColumnType.decimalValue(amt, r.getSchema().getField("AMT").schema()).toPlainString();
    Object hired = r.get("HIRED");
    Object seen = r.get("SEEN");
    String s = NULL;
    if (seen != null) {
      long micros = (Long) seen;
      s = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L).toString();
    }
    return r.get("ID") + "|" + n + "|" + a + "|" + r.get("QTY") + "|"
        + (hired == null ? NULL : LocalDate.ofEpochDay((Integer) hired).toString()) + "|" + s + "|" + r.get("ACTIVE");
  }

  /** The same canonical form from a row as an independent reader returns it (canonical strings, null for NULL). */
  static String canonical(Map<String, String> r) {
    String name = r.get("NAME") == null ? NULL : r.get("NAME").length() > 64 ? "len=" + r.get("NAME").length()
        : r.get("NAME");
    return r.get("ID") + "|" + name + "|" + orNull(r.get("AMT")) + "|" + orNull(r.get("QTY")) + "|"
        + orNull(r.get("HIRED")) + "|" + orNull(r.get("SEEN")) + "|" + orNull(r.get("ACTIVE"));
  }

  private static String orNull(String v) {
    return v == null ? NULL : v;
  }

  static Map<Long, String> table(String base) {
    Map<Long, String> rows = new TreeMap<>();
    for (GenericRecord r : HudiTableReader.of(base, AwsSettings.defaults()).withoutMetaColumns().read()) {
      String previous = rows.put((Long) r.get("ID"), canonical(r));
      assertThat(previous).as("duplicate key %s", r.get("ID")).isNull();
    }
    return rows;
  }

  // ---- the corpus

  /** A file of a case: path below the table folder (or the DMS root when it starts with '/'), content. */
  record F(String path, byte[] bytes) {
    static F csv(String path, String... lines) {
      return new F(path, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** What QUARANTINE sets aside, and what STRICT's error names. */
  record Bad(String file, long line, String column, String kind, String reason) {}

  static final class Case {
    final String name;
    final int index;
    final List<F> bad = new ArrayList<>();
    final List<F> fixed = new ArrayList<>();
    final Map<Long, String> good = new TreeMap<>();
    final Map<Long, String> fixedRows = new TreeMap<>();
    final List<Bad> quarantined = new ArrayList<>();
    /** A fragment of a report warning in QUARANTINE mode, or null. */
    String warning;
    /** STRICT's error: file, line, column, reason fragment; null when STRICT applies the file as it is. */
    Bad strict;
    /** For errors that name an object rather than a line (names that are not DMS names). */
    String strictFragment;

    Case(String name, int index) {
      this.name = name;
      this.index = index;
    }

    long key(int r) {
      return index * 1000L + r;
    }

    String cdc() {
      int c = index;
      return String.format("20250101-%02d%02d%02d000.csv", 10 + c / 3600, c / 60 % 60, c % 60);
    }

    /** A good row r: its line and the oracle's row. */
    String good(int r, Map<Long, String> into) {
      String[] f = fields("I", key(r), index, r);
      into.put(key(r), canonical(f));
      return String.join(",", f);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  final List<Case> corpus = new ArrayList<>();
  /** A bad full-load row: tested in a table of its own, since a rewritten LOAD file after CDC is a reload. */
  Case loadOp;

  Case add(String name) {
    Case c = new Case(name, corpus.size() + 1);
    corpus.add(c);
    return c;
  }

  /** Good row 1, the bad row on line 3, good row 3; the fix replaces the bad row by good row 2. */
  void rowCase(String name, BiFunction<Case, String[], String> badRow, String column, String kind, String reason) {
    Case c = add(name);
    String g1 = c.good(1, c.good);
    String g3 = c.good(3, c.good);
    String bad = badRow.apply(c, fields("I", c.key(2), c.index, 2));
    c.bad.add(F.csv(c.cdc(), HEADER, g1, bad, g3));
    c.fixedRows.putAll(c.good);
    c.fixed.add(F.csv(c.cdc(), HEADER, g1, c.good(2, c.fixedRows), g3));
    c.quarantined.add(new Bad(c.cdc(), 3, column, kind, reason));
    c.strict = new Bad(c.cdc(), 3, column, kind, reason);
  }

  static BiFunction<Case, String[], String> set(int field, String value) {
    return (c, f) -> {
      f[field] = value;
      return String.join(",", f);
    };
  }

  static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String ? ((String) p).getBytes(StandardCharsets.UTF_8) : (byte[]) p;
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  void buildCorpus() {
    // -- rows that cannot be split or converted: quarantined with line and column; STRICT names both
    rowCase("too few fields", (c, f) -> String.join(",", Arrays.copyOf(f, 8)), null, "COLUMN_COUNT",
        "has 8 fields, expected 9");
    rowCase("too many fields", (c, f) -> String.join(",", f) + ",extra", null, "COLUMN_COUNT",
        "has 10 fields, expected 9");
    rowCase("blank line", (c, f) -> "", null, "COLUMN_COUNT", "has 1 fields");
    rowCase("bad integer", set(4, "12x"), "QTY", "CONVERSION", "not an int: '12x'");
    rowCase("integer out of range", set(4, "3000000000"), "QTY", "CONVERSION", "out of range for int");
    rowCase("key not a number", set(1, "abc"), "ID", "CONVERSION", "not a long");
    rowCase("key with a fraction", set(1, "5.5"), "ID", "CONVERSION", "not an integer");
    rowCase("null key", set(1, ""), "ID", "MISSING_KEY", "record-key value is NULL");
    rowCase("bad decimal", set(3, "1.2.3"), "AMT", "CONVERSION", "not a decimal(10,2)");
    rowCase("decimal beyond precision", set(3, "123456789.00"), "AMT", "CONVERSION", "precision overflow");
    rowCase("decimal beyond scale", set(3, "1.234"), "AMT", "CONVERSION", "scale overflow");
    rowCase("decimal NaN", set(3, "NaN"), "AMT", "CONVERSION", "not a decimal");
    rowCase("bad timestamp", set(6, "2025-13-01 00:00:00"), "SEEN", "CONVERSION", "not a valid timestamp");
    rowCase("timestamp below microseconds", set(6, "2025-01-01 00:00:00.1234567"), "SEEN", "CONVERSION",
        "sub-microsecond");
    rowCase("timestamp as words", set(6, "yesterday"), "SEEN", "CONVERSION", "not a timestamp");
    rowCase("US date with time in a date column", set(5, "6/7/94 0:00"), "HIRED", "CONVERSION", "not a timestamp");
    rowCase("time of day in a date column", set(5, "2024-01-01 10:00:00"), "HIRED", "CONVERSION", "time of day");
    rowCase("impossible date", set(5, "2024-02-30"), "HIRED", "CONVERSION", "not a date");
    rowCase("bad boolean", set(7, "maybe"), "ACTIVE", "CONVERSION", "not a boolean");
    rowCase("unknown Op", set(0, "X"), null, "UNKNOWN_OP", "'X' is not I, U or D");
    rowCase("empty Op", set(0, ""), null, "UNKNOWN_OP", "Op is empty");
    rowCase("Op spelled out", set(0, "UPDATE"), null, "UNKNOWN_OP", "'UPDATE' is not I, U or D");
    rowCase("bad DMS timestamp (ordering column)", set(8, "not-a-time"), "TS", "SEQUENCE", "not-a-time");

    // -- bytes that are not text
    Case utf8 = add("invalid UTF-8");
    utf8.bad.add(new F(utf8.cdc(), concat(HEADER + "\n", utf8.good(1, utf8.good) + "\n",
        "I," + utf8.key(2) + ",caf", new byte[] {(byte) 0xE9}, "," + String.join(",",
            Arrays.copyOfRange(fields("I", utf8.key(2), utf8.index, 2), 3, 9)) + "\n", utf8.good(3, utf8.good) + "\n")));
    utf8.fixedRows.putAll(utf8.good);
    utf8.fixed.add(F.csv(utf8.cdc(), HEADER, utf8.good(1, utf8.fixedRows), utf8.good(2, utf8.fixedRows),
        utf8.good(3, utf8.fixedRows)));
    utf8.quarantined.add(new Bad(utf8.cdc(), 3, "NAME", "ENCODING", "invalid UTF-8 byte E9 at byte offset"));
    utf8.strict = utf8.quarantined.get(0);

    Case nul = add("NUL byte");
    nul.bad.add(new F(nul.cdc(), concat(HEADER + "\n", nul.good(1, nul.good) + "\n", "I," + nul.key(2) + ",n",
        new byte[] {0}, "," + String.join(",", Arrays.copyOfRange(fields("I", nul.key(2), nul.index, 2), 3, 9)) + "\n",
        nul.good(3, nul.good) + "\n")));
    nul.fixedRows.putAll(nul.good);
    nul.fixed.add(F.csv(nul.cdc(), HEADER, nul.good(1, nul.fixedRows), nul.good(2, nul.fixedRows),
        nul.good(3, nul.fixedRows)));
    nul.quarantined.add(new Bad(nul.cdc(), 3, "NAME", "ENCODING", "NUL byte 0x00"));
    nul.strict = nul.quarantined.get(0);

    // -- Op in a full-load file
    loadOp = add("update in a full-load file");
    String[] l1 = fields("I", loadOp.key(1), loadOp.index, 1);
    String[] l2 = fields("U", loadOp.key(2), loadOp.index, 2);
    String[] l3 = fields("I", loadOp.key(3), loadOp.index, 3);
    loadOp.bad.add(F.csv("LOAD00000001.csv", HEADER, String.join(",", l1), String.join(",", l2), String.join(",", l3)));
    loadOp.good.put(loadOp.key(1), canonical(l1));
    loadOp.good.put(loadOp.key(3), canonical(l3));
    l2[0] = "I";
    loadOp.fixed.add(F.csv("LOAD00000001.csv", HEADER, String.join(",", l1), String.join(",", l2), String.join(",", l3)));
    loadOp.fixedRows.putAll(loadOp.good);
    loadOp.fixedRows.put(loadOp.key(2), canonical(l2));
    loadOp.quarantined.add(new Bad("LOAD00000001.csv", 3, null, "UNKNOWN_OP", "in a full-load file"));
    loadOp.strict = loadOp.quarantined.get(0);

    // -- damage beyond a row: the readable rows apply, the rest is one entry and a warning
    Case quote = add("unterminated quote");
    String q1 = quote.good(1, quote.good);
    String[] q2 = fields("I", quote.key(2), quote.index, 2);
    String q3 = String.join(",", fields("D", quote.key(1), quote.index, 3));
    quote.bad.add(F.csv(quote.cdc(), HEADER, q1, q2[0] + "," + q2[1] + ",\"" + String.join(",",
        Arrays.copyOfRange(q2, 2, 9)), q3));
    quote.fixed.add(F.csv(quote.cdc(), HEADER, q1, String.join(",", q2), q3));
    quote.fixedRows.put(quote.key(2), canonical(q2)); // the delete behind the broken quote takes effect once fixed
    quote.quarantined.add(new Bad(quote.cdc(), 3, "NAME", "UNREADABLE", "unterminated quoted field"));
    quote.warning = "unterminated quoted field";
    quote.strict = quote.quarantined.get(0);

    Case truncated = add("truncated gzip");
    List<String> lines = new ArrayList<>(List.of(HEADER));
    Map<Long, String> all = new TreeMap<>();
    for (int r = 1; r <= 400; r++) {
      lines.add(truncated.good(r, all));
    }
    byte[] whole = DmsFixtures.gzip((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(whole, whole.length * 3 / 5);
    int complete = completeLines(cut);
    for (int r = 1; r < complete; r++) {
      truncated.good.put(truncated.key(r), all.get(truncated.key(r)));
    }
    String gz = truncated.cdc() + ".gz";
    truncated.bad.add(new F(gz, cut));
    truncated.fixed.add(new F(gz, whole));
    truncated.fixedRows.putAll(all);
    truncated.quarantined.add(new Bad(gz, complete + 1, null, "UNREADABLE", "truncated or damaged"));
    truncated.warning = "truncated or damaged";
    truncated.strict = truncated.quarantined.get(0);

    Case fakeGzip = add("named .gz but not gzip");
    String fg = fakeGzip.cdc() + ".gz";
    Map<Long, String> fgRows = new TreeMap<>();
    String fgText = String.join("\n", HEADER, fakeGzip.good(1, fgRows), fakeGzip.good(2, fgRows)) + "\n";
    fakeGzip.bad.add(new F(fg, fgText.getBytes(StandardCharsets.UTF_8)));
    fakeGzip.fixed.add(new F(fg, DmsFixtures.gzip(fgText.getBytes(StandardCharsets.UTF_8))));
    fakeGzip.fixedRows.putAll(fgRows);
    fakeGzip.quarantined.add(new Bad(fg, 1, null, "UNREADABLE", "gzip magic bytes"));
    fakeGzip.warning = "gzip magic bytes";
    fakeGzip.strict = fakeGzip.quarantined.get(0);

    Case hiddenGzip = add("gzip content named .csv");
    Map<Long, String> hgRows = new TreeMap<>();
    String hgText = String.join("\n", HEADER, hiddenGzip.good(1, hgRows), hiddenGzip.good(2, hgRows)) + "\n";
    hiddenGzip.bad.add(new F(hiddenGzip.cdc(), DmsFixtures.gzip(hgText.getBytes(StandardCharsets.UTF_8))));
    hiddenGzip.fixed.add(new F(hiddenGzip.cdc(), hgText.getBytes(StandardCharsets.UTF_8)));
    hiddenGzip.fixedRows.putAll(hgRows);
    hiddenGzip.quarantined.add(new Bad(hiddenGzip.cdc(), 1, null, "UNREADABLE", "gzip content in a file not named"));
    hiddenGzip.warning = "gzip content";
    hiddenGzip.strict = hiddenGzip.quarantined.get(0);

    Case dupHeader = add("duplicate header column");
    Map<Long, String> dhRows = new TreeMap<>();
    String dh1 = dupHeader.good(1, dhRows);
    String dh2 = dupHeader.good(2, dhRows);
    dupHeader.bad.add(F.csv(dupHeader.cdc(), HEADER.replace("QTY", "NAME"), dh1, dh2));
    dupHeader.fixed.add(F.csv(dupHeader.cdc(), HEADER, dh1, dh2));
    dupHeader.fixedRows.putAll(dhRows);
    dupHeader.quarantined.add(new Bad(dupHeader.cdc(), 1, null, "UNREADABLE", "'NAME' twice (fields 3 and 5)"));
    dupHeader.warning = "'NAME' twice";
    dupHeader.strict = dupHeader.quarantined.get(0);

    Case corrupt = add("corrupt Parquet");
    String cp = corrupt.cdc().replace(".csv", ".parquet");
    corrupt.bad.add(new F(cp, "PAR1 this is not a Parquet file PAR1".getBytes(StandardCharsets.UTF_8)));
    corrupt.fixed.add(new F(cp, parquet(corrupt, corrupt.fixedRows, 3, -1, null)));
    corrupt.quarantined.add(new Bad(cp, 1, null, "UNREADABLE", "not a readable Parquet file"));
    corrupt.warning = "not a readable Parquet file";
    corrupt.strict = corrupt.quarantined.get(0);

    Case pqValue = add("Parquet value that does not fit the declared type");
    String pv = pqValue.cdc().replace(".csv", ".parquet");
    pqValue.bad.add(new F(pv, parquet(pqValue, pqValue.good, 3, 2, f -> f.put("QTY", 3_000_000_000L))));
    pqValue.fixed.add(new F(pv, parquet(pqValue, pqValue.fixedRows, 3, -1, null)));
    pqValue.quarantined.add(new Bad(pv, 2, "QTY", "CONVERSION", "out of range for int"));
    pqValue.strict = pqValue.quarantined.get(0);

    Case pqSchema = add("schema-changed Parquet (decimal column as strings)");
    String ps = pqSchema.cdc().replace(".csv", ".parquet");
    pqSchema.bad.add(new F(ps, parquet(pqSchema, pqSchema.good, 3, 2, f -> f.put("AMT", "twelve"))));
    pqSchema.fixed.add(new F(ps, parquet(pqSchema, pqSchema.fixedRows, 3, -1, null)));
    pqSchema.quarantined.add(new Bad(ps, 2, "AMT", "CONVERSION", "not a decimal(10,2): 'twelve'"));
    pqSchema.strict = pqSchema.quarantined.get(0);

    // -- names that are not DMS names: a warning (the rows are not applied), STRICT fails naming the object
    nameCase("name with a space", c -> c.cdc().replace(".csv", " (1).csv"));
    nameCase("name with ..", c -> ".." + c.cdc());
    nameCase("full-width digit in the name", c -> c.cdc().replace("20250101", "2025010\uFF11"));
    nameCase("upper-case extension", c -> c.cdc().replace(".csv", ".CSV"));

    // -- shapes DMS output really has: applied exactly, nothing set aside, in both modes
    Case bom = add("byte order mark");
    bom.bad.add(new F(bom.cdc(), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        String.join("\n", HEADER, bom.good(1, bom.good), bom.good(2, bom.good)) + "\n")));
    accepted(bom);

    Case crlf = add("CRLF line ends and a quoted CRLF value");
    String[] cr2 = fields("I", crlf.key(2), crlf.index, 2);
    cr2[2] = "line one\r\nline two";
    crlf.good.put(crlf.key(2), canonical(cr2));
    cr2[2] = "\"line one\r\nline two\"";
    crlf.bad.add(new F(crlf.cdc(), (String.join("\r\n", HEADER, crlf.good(1, crlf.good), String.join(",", cr2),
        crlf.good(3, crlf.good)) + "\r\n").getBytes(StandardCharsets.UTF_8)));
    accepted(crlf);

    Case reordered = add("reordered columns");
    String[] hdr = HEADER.split(",");
    int[] order = {0, 2, 1, 8, 3, 4, 7, 6, 5};
    List<String> rl = new ArrayList<>();
    rl.add(pick(hdr, order));
    for (int r = 1; r <= 2; r++) {
      String[] f = fields("I", reordered.key(r), reordered.index, r);
      reordered.good.put(reordered.key(r), canonical(f));
      rl.add(pick(f, order));
    }
    reordered.bad.add(F.csv(reordered.cdc(), rl.toArray(new String[0])));
    accepted(reordered);

    Case renamed = add("renamed column (NAME as FULL_NAME)");
    String[] rn1 = fields("I", renamed.key(1), renamed.index, 1);
    renamed.bad.add(F.csv(renamed.cdc(), HEADER.replace("NAME", "FULL_NAME"), String.join(",", rn1)));
    renamed.fixed.add(F.csv(renamed.cdc(), HEADER, String.join(",", rn1)));
    renamed.fixedRows.put(renamed.key(1), canonical(rn1));
    rn1[2] = null; // a new column FULL_NAME is added; NAME is NULL in that file
    renamed.good.put(renamed.key(1), canonical(rn1));

    Case huge = add("10 MB field");
    String[] h1 = fields("I", huge.key(1), huge.index, 1);
    h1[2] = "x".repeat(10 * 1024 * 1024);
    huge.good.put(huge.key(1), canonical(h1));
    huge.bad.add(F.csv(huge.cdc(), HEADER, String.join(",", h1), huge.good(2, huge.good)));
    accepted(huge);

    Case empty = add("empty file");
    empty.bad.add(new F(empty.cdc(), new byte[0]));
    empty.fixed.add(F.csv(empty.cdc(), HEADER, empty.good(1, empty.fixedRows)));

    Case headerOnly = add("header-only file");
    headerOnly.bad.add(F.csv(headerOnly.cdc(), HEADER));
    headerOnly.fixed.add(F.csv(headerOnly.cdc(), HEADER, headerOnly.good(1, headerOnly.fixedRows)));
  }

  void nameCase(String name, java.util.function.Function<Case, String> badName) {
    Case c = add(name);
    String bad = badName.apply(c);
    Map<Long, String> rows = new TreeMap<>();
    String[] lines = {HEADER, c.good(1, rows), c.good(2, rows)};
    c.bad.add(F.csv(bad, lines));
    c.fixed.add(new F(bad, null)); // renamed: the bad name goes away
    c.fixed.add(F.csv(c.cdc(), lines));
    c.fixedRows.putAll(rows);
    c.warning = bad;
    c.strictFragment = bad;
  }

  static void accepted(Case c) {
    c.fixed.addAll(c.bad);
    c.fixedRows.putAll(c.good);
  }

  static String pick(String[] f, int[] order) {
    List<String> out = new ArrayList<>();
    for (int i : order) {
      out.add(f[i]);
    }
    return String.join(",", out);
  }

  /** Parquet as DMS writes it (strings but for QTY and ACTIVE); row {@code badRow} (1-based) altered by {@code bad}. */
  byte[] parquet(Case c, Map<Long, String> expected, int rows, int badRow,
      java.util.function.Consumer<GenericData.Record> bad) {
    Schema schema = SchemaBuilder.record("dms").fields().requiredString("Op").requiredLong("ID")
        .requiredString("NAME").name("AMT").type().stringType().noDefault().requiredLong("QTY")
        .requiredString("HIRED").requiredString("SEEN").requiredBoolean("ACTIVE").requiredString("TS").endRecord();
    try {
      Path p = Files.createTempFile(tmp, "corpus-", ".parquet");
      Files.delete(p);
      try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
          new DmsFixtures.FileOutputFile(p)).withSchema(schema).withDataModel(GenericData.get()).build()) {
        for (int r = 1; r <= rows; r++) {
          String[] f = fields("I", c.key(r), c.index, r);
          GenericData.Record rec = new GenericData.Record(schema);
          for (int i = 0; i < COLUMNS.length; i++) {
            rec.put(COLUMNS[i], f[i]);
          }
          rec.put("ID", c.key(r));
          rec.put("QTY", Long.parseLong(f[4]));
          rec.put("ACTIVE", Boolean.parseBoolean(f[7]));
          if (r == badRow) {
            bad.accept(rec);
          } else {
            expected.put(c.key(r), canonical(f));
          }
          w.write(rec);
        }
      }
      byte[] bytes = Files.readAllBytes(p);
      Files.delete(p);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines a gzip prefix decompresses to completely (the oracle for the truncated file). */
  static int completeLines(byte[] truncatedGzip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(truncatedGzip))) {
      int b;
      while ((b = in.read()) >= 0) {
        out.write(b);
      }
    } catch (EOFException expected) {
      // the truncation
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = 0;
    for (byte b : out.toByteArray()) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  // ---- writing a source folder

  static void write(Path root, List<F> files) {
    for (F f : files) {
      Path p = root.resolve(f.path().startsWith("/") ? f.path().substring(1) : TABLE + f.path());
      try {
        if (f.bytes() == null) {
          Files.deleteIfExists(p);
          continue;
        }
        Files.createDirectories(p.getParent());
        Files.write(p, f.bytes());
        // a later upload: a fixed file is always newer than the one it replaces
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(10)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The quarantine entries of a table: file key, line, column, field, kind, reason. */
  static List<String[]> quarantine(String base) throws IOException {
    List<String[]> out = new ArrayList<>();
    Path folder = Path.of(base, ".lakesmith", "quarantine");
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        try (CsvReader<CsvRecord> r = CsvReader.builder()
            .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE).ofCsvRecord(p)) {
          r.stream().skip(1).forEach(rec -> out.add(rec.getFields().subList(0, 6).toArray(new String[0])));
        }
      }
    }
    return out;
  }

  @Test
  void anUpdateInAFullLoadFileIsQuarantinedOrRefusedAndTheFixedFileAppliesIt() {
    buildCorpus();
    Path dms = tmp.resolve("load-op");
    write(dms, loadOp.bad);
    String base = tmp.resolve("lake/load-op").toString();
    ApplyResult q = apply(dms, base, ApplyMode.QUARANTINE).execute();
    assertThat(q.succeeded()).as(q.report().toJson()).isTrue();
    assertThat(q.table("app.t").counter(RunReport.ROWS_QUARANTINED)).isEqualTo(1);
    assertThat(table(base)).isEqualTo(new TreeMap<>(loadOp.good));

    Path strictRoot = tmp.resolve("load-op-strict");
    write(strictRoot, loadOp.bad);
    String strictBase = tmp.resolve("lake/load-op-strict").toString();
    ApplyResult strict = apply(strictRoot, strictBase, ApplyMode.STRICT).execute();
    assertThat(strict.succeeded()).isFalse();
    assertThat(strict.report().toJson()).contains("LOAD00000001.csv").contains("line 3");

    // only full-load files applied so far: the corrected file is upserted (no duplicates, nothing deleted)
    write(dms, loadOp.fixed);
    ApplyResult rerun = apply(dms, base, ApplyMode.QUARANTINE).execute();
    assertThat(rerun.succeeded()).as(rerun.report().toJson()).isTrue();
    assertThat(table(base)).isEqualTo(new TreeMap<>(loadOp.fixedRows));
  }

  @Test
  void everyMalformedInputIsAppliedExactlyQuarantinedOrRefusedAndAFixedRerunGivesTheCleanTable() throws IOException {
    buildCorpus();
    // fixing a LOAD file of a table that has CDC applied is, to DMS semantics, a reload (rows absent from it and
    // older changes go): that case has its own table below
    corpus.remove(loadOp);
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    Map<String, String> summary = new LinkedHashMap<>();
    corpus.forEach(c -> summary.put(c.name, ""));

    // QUARANTINE: every case in one table
    Path dms = tmp.resolve("dms");
    corpus.forEach(c -> write(dms, c.bad));
    String base = tmp.resolve("lake/quarantine").toString();
    long t0 = System.nanoTime();
    ApplyResult q = apply(dms, base, ApplyMode.QUARANTINE).execute();
    RunReport qt = q.table("app.t");
    assertThat(q.succeeded()).as(q.report().toJson()).isTrue();
    Map<Long, String> expected = new TreeMap<>();
    corpus.forEach(c -> expected.putAll(c.good));
    Map<Long, String> actual = table(base);
    for (Case c : corpus) {
      Map<Long, String> mine = new TreeMap<>();
      actual.forEach((k, v) -> {
        if (k / 1000 == c.index) {
          mine.put(k, v);
        }
      });
      assertThat(mine).as("QUARANTINE: good rows of '%s'", c).isEqualTo(c.good);
    }
    assertThat(actual).isEqualTo(expected);
    List<String[]> entries = quarantine(base);
    for (Case c : corpus) {
      List<String[]> mine = entries.stream().filter(e -> belongsTo(e[0], c)).toList();
      assertThat(mine).as("quarantined entries of '%s'", c).hasSameSizeAs(c.quarantined);
      for (int i = 0; i < mine.size(); i++) {
        String[] e = mine.get(i);
        Bad b = c.quarantined.get(i);
        assertThat(e[0]).as("'%s' file", c).endsWith(TABLE + b.file());
        assertThat(e[1]).as("'%s' line", c).isEqualTo(Long.toString(b.line()));
        assertThat(e[2]).as("'%s' column", c).isEqualTo(b.column() == null ? "" : b.column());
        assertThat(e[4]).as("'%s' kind", c).isEqualTo(b.kind());
        assertThat(e[5]).as("'%s' reason", c).contains(b.reason());
      }
      if (c.warning != null) {
        assertThat(qt.warnings()).as("warning of '%s'", c).anySatisfy(w -> assertThat(w).contains(c.warning));
      }
      summary.put(c.name, "QUARANTINE: " + (c.good.isEmpty() ? "nothing applied" : c.good.size() + " good rows applied")
          + (mine.isEmpty() ? "" : "; set aside " + mine.stream().map(e -> "line " + e[1]
              + (e[2].isEmpty() ? "" : " " + e[2]) + " " + e[4]).toList())
          + (c.warning != null ? "; warned" : ""));
    }
    assertThat(qt.counter(RunReport.ROWS_QUARANTINED)).isEqualTo(entries.size());

    // STRICT: each case alone; an error commits nothing and names file, line and column
    List<Case> acceptedInStrict = new ArrayList<>();
    for (Case c : corpus) {
      if (c.strict == null && c.strictFragment == null) {
        acceptedInStrict.add(c);
        continue;
      }
      Path root = tmp.resolve("strict/" + c.index);
      write(root, c.bad);
      String sb = tmp.resolve("lake/strict-" + c.index).toString();
      ApplyResult s = apply(root, sb, ApplyMode.STRICT).execute();
      assertThat(s.succeeded()).as("STRICT fails on '%s'", c).isFalse();
      String error = s.table("app.t").errors().get(0);
      if (c.strict != null) {
        assertThat(error).as("STRICT error of '%s'", c).contains(TABLE + c.strict.file() + " line " + c.strict.line())
            .contains(c.strict.reason());
        if (c.strict.column() != null) {
          assertThat(error).as("STRICT error of '%s'", c).contains("column " + c.strict.column() + " (field ");
        }
      } else {
        assertThat(error).as("STRICT error of '%s'", c).contains("strict mode").contains(c.strictFragment);
      }
      assertThat(HudiTables.exists(sb, AwsSettings.defaults())).as("STRICT committed nothing for '%s'", c).isFalse();
      summary.put(c.name, summary.get(c.name) + " | STRICT: fails, nothing committed: "
          + error.substring(error.indexOf(TABLE) + TABLE.length()));
    }
    // STRICT on the inputs that are not errors: applied exactly
    Path okRoot = tmp.resolve("strict/accepted");
    Map<Long, String> okRows = new TreeMap<>();
    acceptedInStrict.forEach(c -> {
      write(okRoot, c.bad);
      okRows.putAll(c.good);
      summary.put(c.name, summary.get(c.name) + " | STRICT: " + c.good.size() + " rows applied");
    });
    String okBase = tmp.resolve("lake/strict-accepted").toString();
    ApplyResult ok = apply(okRoot, okBase, ApplyMode.STRICT).execute();
    assertThat(ok.succeeded()).as(ok.report().toJson()).isTrue();
    assertThat(table(okBase)).isEqualTo(okRows);

    // fixed: the QUARANTINE table re-run equals the fixed files applied to a fresh table, and the oracle
    corpus.forEach(c -> write(dms, c.fixed));
    ApplyResult rerun = apply(dms, base, ApplyMode.QUARANTINE).execute();
    assertThat(rerun.succeeded()).as(rerun.report().toJson()).isTrue();
    assertThat(rerun.table("app.t").counter(RunReport.ROWS_QUARANTINED)).as(rerun.report().toJson()).isZero();
    Path cleanRoot = tmp.resolve("clean");
    corpus.forEach(c -> write(cleanRoot, c.fixed.stream().filter(f -> f.bytes() != null).toList()));
    String cleanBase = tmp.resolve("lake/clean").toString();
    ApplyResult clean = apply(cleanRoot, cleanBase, ApplyMode.STRICT).execute();
    assertThat(clean.succeeded()).as(clean.report().toJson()).isTrue();
    Map<Long, String> fixedExpected = new TreeMap<>();
    corpus.forEach(c -> fixedExpected.putAll(c.fixedRows));
    Map<Long, String> cleanTable = table(cleanBase);
    assertThat(cleanTable).isEqualTo(fixedExpected);
    assertThat(table(base)).isEqualTo(cleanTable);
    // and as a reader that is not Lakesmith's sees them (hudi-rs)
    Map<IndependentReaders.Read, IndependentReaders.Result> independent = IndependentReaders.hudiRs().read(
        List.of(IndependentReaders.Read.snapshot(base), IndependentReaders.Read.snapshot(cleanBase)));
    for (IndependentReaders.Result result : independent.values()) {
      Map<Long, String> rows = new TreeMap<>();
      result.rows().forEach(r -> rows.put(Long.parseLong(r.get("ID")), canonical(r)));
      assertThat(rows).as("%s", result).isEqualTo(fixedExpected);
    }

    System.out.println("bad-input corpus: " + corpus.size() + " cases, " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    summary.forEach((k, v) -> System.out.println("  " + k + ": " + v));
  }

  /** A problem of the table's description: fails the table in both modes; the fix makes the files apply. */
  record TableCase(String name, TableSpec.Builder spec, List<F> bad, List<F> fixed, List<String> error,
      Map<String, String> fixedNames) {}

  static byte[] parquetBytes(Path dir, Schema schema, List<GenericRecord> records) {
    try {
      Path p = Files.createTempFile(dir, "corpus-", ".parquet");
      Files.delete(p);
      try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new DmsFixtures.FileOutputFile(p))
          .withSchema(schema).withDataModel(GenericData.get()).build()) {
        for (GenericRecord r : records) {
          w.write(r);
        }
      }
      byte[] bytes = Files.readAllBytes(p);
      Files.delete(p);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<GenericRecord> extra(Schema schema, Object... idExtra) {
    List<GenericRecord> out = new ArrayList<>();
    for (int i = 0; i < idExtra.length; i += 2) {
      GenericData.Record r = new GenericData.Record(schema);
      r.put("Op", "I");
      r.put("ID", (long) (Integer) idExtra[i]);
      r.put("NAME", "n" + idExtra[i]);
      r.put("EXTRA", idExtra[i + 1]);
      out.add(r);
    }
    return out;
  }

  @Test
  void problemsOfTheTablesDescriptionFailBothModesNamingFileLineColumnAndAFixedRerunApplies() {
    TableSpec.Builder declared = TableSpec.builder().database("app").table("t").recordKey("ID")
        .column("ID", ColumnType.LONG).column("NAME", ColumnType.STRING);
    TableSpec.Builder undeclared = TableSpec.builder().database("app").table("t").recordKey("ID");
    Schema longExtra = SchemaBuilder.record("dms").fields().requiredString("Op").requiredLong("ID")
        .requiredString("NAME").requiredLong("EXTRA").endRecord();
    Schema stringExtra = SchemaBuilder.record("dms").fields().requiredString("Op").requiredLong("ID")
        .requiredString("NAME").requiredString("EXTRA").endRecord();
    List<TableCase> cases = List.of(
        new TableCase("CDC file without Op", declared,
            List.of(F.csv("LOAD00000001.csv", "ID,NAME", "1,a", "2,b"), F.csv("20250101-100000000.csv", "ID,NAME", "3,c")),
            List.of(F.csv("20250101-100000000.csv", "Op,ID,NAME", "I,3,c")),
            List.of("20250101-100000000.csv line 1", "without an Op column", "CdcInsertsOnly"),
            Map.of("1", "a", "2", "b", "3", "c")),
        new TableCase("headerless file, columns not declared", undeclared,
            List.of(F.csv("LOAD00000001.csv", "1,a", "2,b")),
            List.of(F.csv("LOAD00000001.csv", "ID,NAME", "1,a", "2,b")),
            List.of("LOAD00000001.csv line 1", "no header row (field 1 '1' is not a column name)", "declare the columns"),
            Map.of("1", "a", "2", "b")),
        new TableCase("column name Hudi cannot hold", declared,
            List.of(F.csv("20250101-100000000.csv", "Op,ID,NAME,FIRST NAME", "I,1,a,x")),
            List.of(F.csv("20250101-100000000.csv", "Op,ID,NAME,FIRST_NAME", "I,1,a,x")),
            List.of("20250101-100000000.csv line 1, field 4", "'FIRST NAME'"),
            Map.of("1", "a")),
        new TableCase("undeclared column changes type (Parquet)", declared,
            List.of(new F("20250101-100000000.parquet", parquetBytes(tmp, longExtra, extra(longExtra, 1, 10L))),
                new F("20250101-110000000.parquet", parquetBytes(tmp, stringExtra, extra(stringExtra, 2, "x")))),
            List.of(new F("20250101-110000000.parquet", parquetBytes(tmp, longExtra, extra(longExtra, 2, 20L)))),
            List.of("column EXTRA changes type from long to string", "20250101-110000000.parquet"),
            Map.of("1", "n1", "2", "n2")),
        new TableCase("folders that differ only by case", declared,
            List.of(F.csv("20250101-100000000.csv", "Op,ID,NAME", "I,1,a"),
                F.csv("/APP/T/20250101-110000000.csv", "Op,ID,NAME", "I,2,b")),
            List.of(new F("/APP/T/20250101-110000000.csv", null)),
            List.of("differ only by case", "[APP.T, app.t]"),
            Map.of("1", "a")));
    int n = 0;
    for (TableCase c : cases) {
      n++;
      Path root = tmp.resolve("table-cases/" + n);
      write(root, c.bad());
      for (ApplyMode mode : ApplyMode.values()) {
        String base = tmp.resolve("lake/table-case-" + n + "-" + mode).toString();
        ApplyResult r = DmsApply.from(root.toString()).table(c.spec().basePath(base).build()).mode(mode).execute();
        assertThat(r.succeeded()).as("%s fails in %s", c.name(), mode).isFalse();
        String error = r.table("app.t").errors().get(0);
        c.error().forEach(fragment -> assertThat(error).as("%s in %s", c.name(), mode).contains(fragment));
        assertThat(error).as("one line").doesNotContain("\n");
        assertThat(HudiTables.exists(base, AwsSettings.defaults())).as("%s committed nothing", c.name()).isFalse();
        System.out.println("  " + c.name() + " (" + mode + "): fails, nothing committed: " + error);
      }
      write(root, c.fixed());
      String base = tmp.resolve("lake/table-case-" + n + "-fixed").toString();
      ApplyResult fixed = DmsApply.from(root.toString()).table(c.spec().basePath(base).build())
          .mode(ApplyMode.QUARANTINE).execute();
      assertThat(fixed.succeeded()).as(fixed.report().toJson()).isTrue();
      Map<String, String> names = new TreeMap<>();
      HudiTableReader.of(base, AwsSettings.defaults()).withoutMetaColumns().read()
          .forEach(r -> names.put(String.valueOf(r.get("ID")), String.valueOf(r.get("NAME"))));
      assertThat(names).as("%s after the fix", c.name()).isEqualTo(c.fixedNames());
    }
  }

  private static boolean belongsTo(String key, Case c) {
    return c.bad.stream().anyMatch(f -> key.endsWith(TABLE + f.path()));
  }
}

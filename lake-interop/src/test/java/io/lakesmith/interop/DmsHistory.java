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

package io.lakesmith.interop;

import static io.lakesmith.testing.IndependentReaders.canonicalBoolean;
import static io.lakesmith.testing.IndependentReaders.canonicalBytes;
import static io.lakesmith.testing.IndependentReaders.canonicalDate;
import static io.lakesmith.testing.IndependentReaders.canonicalDecimal;
import static io.lakesmith.testing.IndependentReaders.canonicalDouble;
import static io.lakesmith.testing.IndependentReaders.canonicalFloat;
import static io.lakesmith.testing.IndependentReaders.canonicalLong;
import static io.lakesmith.testing.IndependentReaders.canonicalTimestampMicros;

import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated AWS DMS history of one source table, {@code shop.orders}, as DMS writes it to S3 with
 * {@code AddColumnName=true} and {@code TimestampColumnName=TS}: two full-load files, then CDC files with inserts,
 * full after-image updates, partition moves (REGION changes), key-only deletes (only ID and TS filled), full-image
 * deletes, re-inserts of deleted keys and several changes of one key in one file. Phase 2 adds a column
 * ({@code REMARK}, DDL mid-history). Every column type Lakesmith writes appears, NULL in every nullable column, and
 * edge values (extreme ints, NaN/infinite and subnormal floats, maximal decimals, strings with commas, quotes, CR LF,
 * newlines and non-Latin scripts, timestamps before 1970 with microseconds).
 *
 * <p>The expected rows are computed here, from the generated changes, by replaying them in order on a map (the last
 * change per key wins; a delete removes the key): independent of Lakesmith's reader and writer. Values are in
 * {@link io.lakesmith.testing.IndependentReaders}' canonical form.
 */
final class DmsHistory {

  static final String DATABASE = "shop";
  static final String TABLE = "orders";
  static final String ADDED_COLUMN = "REMARK";
  /** Columns compared with what readers return: source columns, then Lakesmith's op and Hudi's delete marker. */
  static final List<String> COMPARED;

  private static final Map<String, ColumnType> DECLARED = new LinkedHashMap<>();
  private static final List<String> REGIONS = List.of("emea", "amer", "apac");
  private static final DateTimeFormatter DMS_TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
  private static final List<String> NOTES = List.of("plain", "comma, inside", "quote \"q\" inside", "line1\nline2",
      "crlf\r\nline two", "unicode é ü ß 中文 кириллица 🚀", "", "  padded  ", "NULL", "tab\there", "\"", ",",
      "ends with newline\n");

  static {
    DECLARED.put("ID", ColumnType.LONG);
    DECLARED.put("REGION", ColumnType.STRING);
    DECLARED.put("QTY", ColumnType.INT);
    DECLARED.put("RATIO", ColumnType.FLOAT);
    DECLARED.put("SCORE", ColumnType.DOUBLE);
    DECLARED.put("PRICE", ColumnType.decimal(9, 2));
    DECLARED.put("AMT", ColumnType.decimal(18, 4));
    DECLARED.put("FEE", ColumnType.decimal(18, 4)); // same precision and scale as AMT: each needs its own fixed type
    DECLARED.put("TOTAL", ColumnType.decimal(38, 10));
    DECLARED.put("NOTE", ColumnType.STRING);
    DECLARED.put("BORN", ColumnType.DATE);
    DECLARED.put("UPDATED_AT", ColumnType.TIMESTAMP);
    DECLARED.put("ACTIVE", ColumnType.BOOLEAN);
    DECLARED.put("PAYLOAD", ColumnType.BYTES);
    DECLARED.put("TS", ColumnType.STRING);
    List<String> compared = new ArrayList<>(DECLARED.keySet());
    compared.add(ADDED_COLUMN);
    compared.add("_lake_op");
    compared.add("_hoodie_is_deleted");
    COMPARED = List.copyOf(compared);
  }

  /** One generated CSV field: its text in the file and its canonical value (null for NULL). */
  private record Field(String csv, String canonical) {
    static final Field NULL = new Field("", null);
  }

  /** A DMS file: relative path under the DMS root and its lines (header first). */
  record DmsFile(String path, List<String> lines) {}

  private final Random random;
  private final List<List<DmsFile>> phases = new ArrayList<>();
  private final List<Map<String, Map<String, String>>> expectedAfterPhase = new ArrayList<>();
  private final Map<Long, Map<String, Field>> live = new TreeMap<>();
  private final Map<Long, String> liveOp = new TreeMap<>();
  private final List<Long> deleted = new ArrayList<>();
  private long nextId = 1;
  private Instant clock = Instant.parse("2025-03-01T10:00:00Z");
  private boolean remarkAdded;

  private DmsHistory(long seed) {
    this.random = new Random(seed);
  }

  /** Phase 0: LOAD00000001/2; phase 1: two CDC files; phase 2: the column REMARK appears, two more CDC files. */
  static DmsHistory generate(long seed) {
    DmsHistory h = new DmsHistory(seed);
    List<DmsFile> phase1 = new ArrayList<>();
    List<DmsFile> load = new ArrayList<>();
    load.add(h.fullLoad("LOAD00000001.csv", 120));
    load.add(h.fullLoad("LOAD00000002.csv", 80));
    h.endPhase(load);
    phase1.add(h.cdc("20250301-100000000.csv", 60));
    phase1.add(h.cdc("20250301-110000000.csv", 60));
    h.endPhase(phase1);
    h.remarkAdded = true;
    List<DmsFile> phase2 = new ArrayList<>();
    phase2.add(h.cdc("20250302-090000000.csv", 60));
    phase2.add(h.cdc("20250302-100000000.csv", 60));
    h.endPhase(phase2);
    return h;
  }

  /** The spec of the target table: every source column declared except the one added mid-history. */
  static TableSpec.Builder spec(String basePath, TableType type) {
    TableSpec.Builder b = TableSpec.builder().database(DATABASE).table(TABLE).recordKey("ID").partitionBy("REGION")
        .type(type).basePath(basePath);
    DECLARED.forEach(b::column);
    return b;
  }

  int phases() {
    return phases.size();
  }

  /** Writes the files of phase {@code phase} (0-based) under {@code dmsRoot/shop/orders/}. */
  void writePhase(int phase, Path dmsRoot) {
    try {
      Path dir = Files.createDirectories(dmsRoot.resolve(DATABASE).resolve(TABLE));
      for (DmsFile f : phases.get(phase)) {
        Files.writeString(dir.resolve(f.path()), String.join("\n", f.lines()) + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table's rows after phase {@code phase}, by ID, as {@link #COMPARED} column to canonical value. */
  Map<String, Map<String, String>> expectedAfter(int phase) {
    return expectedAfterPhase.get(phase);
  }

  Map<String, Map<String, String>> expectedFinal() {
    return expectedAfterPhase.get(expectedAfterPhase.size() - 1);
  }

  /** Counts of what the history holds, for the test's log. */
  String summary() {
    int files = phases.stream().mapToInt(List::size).sum();
    return files + " DMS files, " + expectedFinal().size() + " rows at the end, " + deleted.size()
        + " keys deleted at some point";
  }

  // ---- generation ----

  private DmsFile fullLoad(String name, int rows) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", DECLARED.keySet()));
    String ts = DMS_TS.format(LocalDateTime.ofInstant(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    for (int i = 0; i < rows; i++) {
      long id = nextId++;
      Map<String, Field> row = randomRow(id, REGIONS.get(random.nextInt(REGIONS.size())), ts);
      live.put(id, row);
      liveOp.put(id, "L");
      lines.add(csv(row, false));
    }
    return new DmsFile(name, lines);
  }

  private DmsFile cdc(String name, int changes) {
    List<String> lines = new ArrayList<>();
    List<String> header = new ArrayList<>(DECLARED.keySet());
    if (remarkAdded) {
      header.add(ADDED_COLUMN);
    }
    lines.add("Op," + String.join(",", header));
    for (int i = 0; i < changes; i++) {
      clock = clock.plus(1 + random.nextInt(5_000_000), ChronoUnit.MICROS);
      String ts = DMS_TS.format(LocalDateTime.ofInstant(clock, ZoneOffset.UTC));
      int dice = random.nextInt(100);
      List<Long> keys = new ArrayList<>(live.keySet());
      if (dice < 30 && !keys.isEmpty()) { // update in place
        long id = keys.get(random.nextInt(keys.size()));
        Map<String, Field> row = randomRow(id, live.get(id).get("REGION").canonical(), ts);
        put(id, row, "U");
        lines.add("U," + csv(row, remarkAdded));
      } else if (dice < 45 && !keys.isEmpty()) { // partition move
        long id = keys.get(random.nextInt(keys.size()));
        String from = live.get(id).get("REGION").canonical();
        String to = REGIONS.get((REGIONS.indexOf(from) + 1 + random.nextInt(REGIONS.size() - 1)) % REGIONS.size());
        Map<String, Field> row = randomRow(id, to, ts);
        put(id, row, "U");
        lines.add("U," + csv(row, remarkAdded));
      } else if (dice < 60 && !keys.isEmpty()) { // key-only delete (e.g. PostgreSQL without REPLICA IDENTITY FULL)
        long id = keys.get(random.nextInt(keys.size()));
        Map<String, Field> row = new LinkedHashMap<>();
        for (String c : header) {
          row.put(c, c.equals("ID") ? text(Long.toString(id)) : c.equals("TS") ? text(ts) : Field.NULL);
        }
        delete(id);
        lines.add("D," + csv(row, remarkAdded));
      } else if (dice < 66 && !keys.isEmpty()) { // delete with the full before-image
        long id = keys.get(random.nextInt(keys.size()));
        Map<String, Field> row = new LinkedHashMap<>(live.get(id));
        row.put("TS", text(ts));
        delete(id);
        lines.add("D," + csv(row, remarkAdded));
      } else if (dice < 74 && !deleted.isEmpty()) { // a deleted key comes back
        long id = deleted.remove(random.nextInt(deleted.size()));
        Map<String, Field> row = randomRow(id, REGIONS.get(random.nextInt(REGIONS.size())), ts);
        put(id, row, "I");
        lines.add("I," + csv(row, remarkAdded));
      } else { // a new key
        long id = nextId++;
        Map<String, Field> row = randomRow(id, REGIONS.get(random.nextInt(REGIONS.size())), ts);
        put(id, row, "I");
        lines.add("I," + csv(row, remarkAdded));
      }
    }
    return new DmsFile(name, lines);
  }

  private void put(long id, Map<String, Field> row, String op) {
    live.put(id, row);
    liveOp.put(id, op);
    deleted.remove(id);
  }

  private void delete(long id) {
    live.remove(id);
    liveOp.remove(id);
    deleted.add(id);
  }

  private void endPhase(List<DmsFile> files) {
    phases.add(files);
    Map<String, Map<String, String>> rows = new TreeMap<>();
    live.forEach((id, fields) -> {
      Map<String, String> row = new LinkedHashMap<>();
      for (String c : COMPARED) {
        row.put(c, fields.containsKey(c) ? fields.get(c).canonical() : null);
      }
      row.put("_lake_op", liveOp.get(id));
      row.put("_hoodie_is_deleted", "false");
      rows.put(Long.toString(id), row);
    });
    expectedAfterPhase.add(rows);
  }

  private String csv(Map<String, Field> row, boolean withRemark) {
    List<String> fields = new ArrayList<>();
    DECLARED.keySet().forEach(c -> fields.add(row.get(c).csv()));
    if (withRemark) {
      fields.add(row.getOrDefault(ADDED_COLUMN, Field.NULL).csv());
    }
    return String.join(",", fields);
  }

  private Map<String, Field> randomRow(long id, String region, String ts) {
    Map<String, Field> row = new LinkedHashMap<>();
    row.put("ID", text(Long.toString(id)));
    row.put("REGION", text(region));
    row.put("QTY", nullable(this::anInt));
    row.put("RATIO", nullable(this::aFloat));
    row.put("SCORE", nullable(this::aDouble));
    row.put("PRICE", nullable(() -> aDecimal(9, 2)));
    row.put("AMT", nullable(() -> aDecimal(18, 4)));
    row.put("FEE", nullable(() -> aDecimal(18, 4)));
    row.put("TOTAL", nullable(() -> aDecimal(38, 10)));
    row.put("NOTE", nullable(this::aString));
    row.put("BORN", nullable(this::aDate));
    row.put("UPDATED_AT", nullable(this::aTimestamp));
    row.put("ACTIVE", nullable(this::aBoolean));
    row.put("PAYLOAD", nullable(this::someBytes));
    row.put("TS", text(ts));
    if (remarkAdded) {
      row.put(ADDED_COLUMN, nullable(this::aString));
    }
    return row;
  }

  private Field nullable(java.util.function.Supplier<Field> value) {
    return random.nextInt(100) < 12 ? Field.NULL : value.get();
  }

  private static Field text(String s) {
    return new Field(s, s);
  }

  private Field anInt() {
    int v = switch (random.nextInt(10)) {
      case 0 -> Integer.MIN_VALUE;
      case 1 -> Integer.MAX_VALUE;
      case 2 -> 0;
      default -> random.nextInt();
    };
    return new Field(Integer.toString(v), canonicalLong(v));
  }

  private Field aFloat() {
    float v = switch (random.nextInt(12)) {
      case 0 -> Float.MAX_VALUE;
      case 1 -> Float.MIN_VALUE; // subnormal
      case 2 -> 0.1f;
      case 3 -> Float.NaN;
      case 4 -> Float.NEGATIVE_INFINITY;
      default -> (random.nextFloat() - 0.5f) * 2000f;
    };
    return new Field(Float.toString(v), canonicalFloat(v));
  }

  private Field aDouble() {
    double v = switch (random.nextInt(12)) {
      case 0 -> Double.MAX_VALUE;
      case 1 -> -1e-300;
      case 2 -> 0.1;
      case 3 -> Double.NaN;
      case 4 -> Double.POSITIVE_INFINITY;
      default -> random.nextGaussian() * 1e6;
    };
    return new Field(Double.toString(v), canonicalDouble(v));
  }

  private Field aDecimal(int precision, int scale) {
    BigInteger bound = BigInteger.TEN.pow(precision);
    BigInteger unscaled = switch (random.nextInt(10)) {
      case 0 -> bound.subtract(BigInteger.ONE);
      case 1 -> bound.subtract(BigInteger.ONE).negate();
      case 2 -> BigInteger.ZERO;
      default -> new BigInteger(bound.bitLength() + 8, random).mod(bound).multiply(
          BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
    };
    BigDecimal v = new BigDecimal(unscaled, scale);
    // DMS writes trailing zeros or not depending on the source: both must land at the column's scale
    String csv = random.nextBoolean() ? v.toPlainString() : v.stripTrailingZeros().toPlainString();
    return new Field(csv, canonicalDecimal(v, scale));
  }

  private Field aString() {
    String s = random.nextInt(3) == 0 ? "text-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
        : NOTES.get(random.nextInt(NOTES.size()));
    // RFC 4180: quoted when needed, always when empty (an unquoted empty field is NULL)
    boolean quote = s.isEmpty() || s.matches("(?s).*[,\"\r\n].*") || random.nextInt(4) == 0;
    return new Field(quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s, s);
  }

  private Field aDate() {
    LocalDate d = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(47_000));
    // Oracle DATE columns arrive as a timestamp at midnight
    String csv = random.nextInt(4) == 0 ? d + " 00:00:00" : d.toString();
    return new Field(csv, canonicalDate(d));
  }

  private Field aTimestamp() {
    long micros = LocalDateTime.of(1950, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L
        + (random.nextLong() & Long.MAX_VALUE) % (4_100_000_000L * 1_000_000L);
    Instant t = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    return new Field(DMS_TS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)), canonicalTimestampMicros(micros));
  }

  private Field aBoolean() {
    boolean v = random.nextBoolean();
    String[] forms = v ? new String[] {"t", "true", "1"} : new String[] {"f", "false", "0"};
    return new Field(forms[random.nextInt(forms.length)], canonicalBoolean(v));
  }

  private Field someBytes() {
    byte[] b = new byte[1 + random.nextInt(24)];
    random.nextBytes(b);
    return new Field(HexFormat.of().withUpperCase().formatHex(b), canonicalBytes(b));
  }
}

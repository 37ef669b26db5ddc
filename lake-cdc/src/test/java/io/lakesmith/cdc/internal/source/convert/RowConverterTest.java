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

package io.lakesmith.cdc.internal.source.convert;

import io.lakesmith.cdc.internal.source.LocalStoreTest;
import static io.lakesmith.cdc.internal.source.DmsFixtures.file;
import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static io.lakesmith.cdc.internal.source.DmsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.cdc.internal.source.read.ExpectedColumns;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.cdc.RowError;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class RowConverterTest extends LocalStoreTest {
  private static final DmsFormat HEADER = DmsFormat.builder()
      .csv(CsvOptions.builder().header(HeaderMode.PRESENT).noSupValue("~").build()).build();

  int files;

  /** Rows of a CDC file with the given header and data lines. */
  private List<DmsRow> rows(String header, String... lines) {
    String rel = String.format("hr/t/20250101-1200%02d000.csv", files++);
    write(store, root, rel, header + "\n" + String.join("\n", lines) + "\n");
    DmsFile f = file(store, root, rel);
    return readAll(store, f, HEADER, ExpectedColumns.none());
  }

  private static RowConverter converter(Object... nameTypePairs) {
    Map<String, ColumnType> cols = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      cols.put((String) nameTypePairs[i], (ColumnType) nameTypePairs[i + 1]);
    }
    return RowConverter.of("t", cols, List.of((String) nameTypePairs[0]));
  }

  private static BigDecimal decimal(Object value, int p, int s) {
    Schema dec = ColumnType.decimal(p, s).toAvro();
    assertThat(value).isInstanceOf(org.apache.avro.generic.GenericFixed.class); // FIXED_LEN_BYTE_ARRAY in Parquet
    return ColumnType.decimalValue(value, dec);
  }

  private static long micros(String iso) {
    Instant i = Instant.parse(iso);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  @Test
  void textConvertsToEveryColumnType() {
    RowConverter c = converter("I", ColumnType.INT, "L", ColumnType.LONG, "F", ColumnType.FLOAT, "D", ColumnType.DOUBLE,
        "DEC", ColumnType.decimal(10, 4), "B", ColumnType.BOOLEAN, "S", ColumnType.STRING, "DT", ColumnType.DATE,
        "TS", ColumnType.TIMESTAMP, "BY", ColumnType.BYTES);
    List<DmsRow> rows = rows("Op,I,L,F,D,DEC,B,S,DT,TS,BY",
        "I,-2147483648,9223372036854775807,1.5,-2.5E-3,123456.7891,t, padded ,2024-02-29,2024-02-29 23:59:59.999999,CAFEbabe",
        "I,42,5.00,NaN,-Infinity,1E+2,N,\"a,b\",1987-06-17 00:00:00,1970-01-01T00:00:00.1Z,0x00ff",
        "I, 7 ,1E+3,3,4,-0.0001,1,,0001-01-01,2025-01-01 02:00:00+02:00,");

    GenericData.Record a = c.convert(rows.get(0)).record();
    GenericData.Record b = c.convert(rows.get(1)).record();
    GenericData.Record n = c.convert(rows.get(2)).record();

    assertThat(a.get("I")).isEqualTo(Integer.MIN_VALUE);
    assertThat(a.get("L")).isEqualTo(Long.MAX_VALUE);
    assertThat(a.get("F")).isEqualTo(1.5f);
    assertThat(a.get("D")).isEqualTo(-0.0025d);
    assertThat(decimal(a.get("DEC"), 10, 4)).isEqualTo(new BigDecimal("123456.7891"));
    assertThat(a.get("B")).isEqualTo(true);
    assertThat(a.get("S")).isEqualTo(" padded ");
    assertThat(a.get("DT")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(a.get("TS")).isEqualTo(micros("2024-02-29T23:59:59.999999Z"));
    assertThat(((ByteBuffer) a.get("BY")).array()).containsExactly(0xCA, 0xFE, 0xBA, 0xBE);
    assertThat(b.get("L")).isEqualTo(5L);
    assertThat((Float) b.get("F")).isNaN();
    assertThat(b.get("D")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(decimal(b.get("DEC"), 10, 4)).isEqualTo(new BigDecimal("100.0000"));
    assertThat(b.get("B")).isEqualTo(false);
    assertThat(b.get("S")).isEqualTo("a,b");
    assertThat(b.get("DT")).isEqualTo((int) LocalDate.of(1987, 6, 17).toEpochDay()); // Oracle DATE at midnight
    assertThat(b.get("TS")).isEqualTo(100_000L);
    assertThat(((ByteBuffer) b.get("BY")).array()).containsExactly(0x00, 0xFF);
    assertThat(n.get("I")).isEqualTo(7);
    assertThat(n.get("L")).isEqualTo(1000L);
    assertThat(decimal(n.get("DEC"), 10, 4)).isEqualTo(new BigDecimal("-0.0001"));
    assertThat(n.get("S")).isNull();
    assertThat(n.get("DT")).isEqualTo((int) LocalDate.of(1, 1, 1).toEpochDay());
    assertThat(n.get("TS")).isEqualTo(micros("2025-01-01T00:00:00Z"));
    assertThat(n.get("BY")).isNull();
  }

  @Test
  void booleansAcceptDmsAndSqlSpellingsInAnyCase() {
    RowConverter c = converter("K", ColumnType.INT, "B", ColumnType.BOOLEAN);
    List<DmsRow> rows = rows("Op,K,B", "I,1,t", "I,2,F", "I,3,TRUE", "I,4,false", "I,5,1", "I,6,0", "I,7,y", "I,8,N",
        "I,9,Yes", "I,10,no");

    assertThat(rows).extracting(r -> c.convert(r).record().get("B"))
        .containsExactly(true, false, true, false, true, false, true, false, true, false);
  }

  @Test
  void microsecondTimestampsAndDecimalsRoundTripExactly() {
    RowConverter c = converter("K", ColumnType.INT, "TS", ColumnType.TIMESTAMP, "AMT", ColumnType.decimal(38, 18));
    DateTimeFormatter dms = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    String[] timestamps = {"2025-01-01 12:34:56.123456", "1969-12-31 23:59:59.999999", "0001-01-01 00:00:00.000001",
        "9999-12-31 23:59:59.999999", "2024-02-29 00:00:00.000000"};
    String[] amounts = {"12345678901234567890.123456789012345678", "-0.000000000000000001", "0",
        "99999999999999999999.999999999999999999", "1.5"};
    String[] lines = new String[timestamps.length];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "I," + i + "," + timestamps[i] + "," + amounts[i];
    }

    List<DmsRow> rows = rows("Op,K,TS,AMT", lines);

    for (int i = 0; i < rows.size(); i++) {
      GenericData.Record r = c.convert(rows.get(i)).record();
      long m = (Long) r.get("TS");
      LocalDateTime back = LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000L),
          (int) Math.floorMod(m, 1_000_000L) * 1000, ZoneOffset.UTC);
      assertThat(back.format(dms)).isEqualTo(timestamps[i]);
      assertThat(decimal(r.get("AMT"), 38, 18).compareTo(new BigDecimal(amounts[i]))).isZero();
      assertThat(decimal(r.get("AMT"), 38, 18).scale()).isEqualTo(18);
    }
  }

  @Test
  void everyConversionErrorNamesFileLineAndColumn() {
    RowConverter c = converter("K", ColumnType.INT, "I", ColumnType.INT, "L", ColumnType.LONG, "F", ColumnType.FLOAT,
        "D", ColumnType.DOUBLE, "S2", ColumnType.decimal(5, 2), "P2", ColumnType.decimal(5, 2), "B", ColumnType.BOOLEAN,
        "DT", ColumnType.DATE, "DT2", ColumnType.DATE, "TS", ColumnType.TIMESTAMP, "NS", ColumnType.TIMESTAMP,
        "BY", ColumnType.BYTES, "X", ColumnType.INT);
    List<DmsRow> rows = rows("Op,K,I,L,F,D,S2,P2,B,DT,DT2,TS,NS,BY,X",
        "I,1,1,1,1,1,1,1,t,2024-01-01,2024-01-01,2024-01-01 00:00:00,2024-01-01 00:00:00,00,1",
        "U,\"1\",2147483648,9223372036854775808,3.5e39,1d,1.005,1234.5,maybe,2024-02-30,2024-01-01 10:00:00,"
            + "2024-13-01 00:00:00,2024-01-01 00:00:00.123456789,XYZ,1.5");
    DmsFile f = rows.get(0).file();

    assertThat(c.convert(rows.get(0)).record().get("X")).isEqualTo(1);
    DmsRowException e = catchThrowableOfType(DmsRowException.class, () -> c.convert(rows.get(1)));

    assertThat(e.errors()).allSatisfy(err -> {
      assertThat(err.fileKey()).isEqualTo(f.key());
      assertThat(err.line()).isEqualTo(3);
      assertThat(err.kind()).isEqualTo(RowError.Kind.CONVERSION);
    });
    assertThat(e.errors()).extracting(err -> err.column().orElseThrow()).containsExactly(
        "I", "L", "F", "D", "S2", "P2", "B", "DT", "DT2", "TS", "NS", "BY", "X");
    assertThat(e.errors()).extracting(err -> err.fieldNumber().getAsInt()).containsExactly(
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(e.errors()).extracting(RowError::reason).satisfiesExactly(
        r -> assertThat(r).contains("out of range for int"),
        r -> assertThat(r).contains("out of range for long"),
        r -> assertThat(r).contains("out of range for float"),
        r -> assertThat(r).contains("not a double: '1d'"),
        r -> assertThat(r).contains("scale overflow"),
        r -> assertThat(r).contains("precision overflow"),
        r -> assertThat(r).contains("not a boolean"),
        r -> assertThat(r).contains("not a date"),
        r -> assertThat(r).contains("time of day"),
        r -> assertThat(r).contains("not a valid timestamp"),
        r -> assertThat(r).contains("sub-microsecond"),
        r -> assertThat(r).contains("not hex"),
        r -> assertThat(r).contains("not an integer"));
    assertThat(e.getMessage()).contains(f.key() + " line 3, column I (field 3): CONVERSION");
  }

  @Test
  void recordKeyMustBePresentNotNullAndSupplied() {
    RowConverter c = RowConverter.of("t", Map.of("ID", ColumnType.INT, "NAME", ColumnType.STRING), List.of("ID"));
    List<DmsRow> rows = rows("Op,ID,NAME", "D,,x", "U,~,y");
    List<DmsRow> noKey = rows("Op,NAME", "D,z");

    assertThat(catchThrowableOfType(DmsRowException.class, () -> c.convert(rows.get(0))).error()).satisfies(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.MISSING_KEY);
      assertThat(e.column()).contains("ID");
      assertThat(e.reason()).contains("NULL");
    });
    assertThat(catchThrowableOfType(DmsRowException.class, () -> c.convert(rows.get(1))).error().reason())
        .contains("not supplied");
    assertThat(catchThrowableOfType(DmsRowException.class, () -> c.convert(noKey.get(0))).error()).satisfies(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.MISSING_KEY);
      assertThat(e.column()).isEmpty();
      assertThat(e.line()).isEqualTo(2);
    });
  }

  @Test
  void notSuppliedValuesAreReportedNotTurnedIntoNulls() {
    TableSpec spec = TableSpec.builder().database("hr").table("t").recordKey("ID").column("ID", ColumnType.LONG)
        .column("NAME", ColumnType.STRING).column("SALARY", ColumnType.decimal(8, 2)).basePath("/tmp/t").build();
    RowConverter c = RowConverter.forSpec(spec);
    DmsRow row = rows("Op,ID,NAME,SALARY", "U,1,~,").get(0);

    ConvertedRow converted = c.convert(row);

    assertThat(converted.notSupplied()).containsExactly("NAME");
    assertThat(converted.record().get("NAME")).isNull();
    assertThat(converted.record().get("SALARY")).isNull();
    assertThat(converted.op()).isEqualTo(row.op());
    assertThat(converted.row()).isSameAs(row);
  }

  @Test
  void columnsMatchByNameAndDriftIsVisible() {
    RowConverter c = converter("id", ColumnType.LONG, "name", ColumnType.STRING, "added_later", ColumnType.INT);
    DmsRow row = rows("Op,NAME,ID,DROPPED_COL", "I,Ann,1,x").get(0);

    GenericData.Record r = c.convert(row).record();

    assertThat(r.get("id")).isEqualTo(1L);
    assertThat(r.get("name")).isEqualTo("Ann");
    assertThat(r.get("added_later")).isNull();
    assertThat(c.missingColumns(row.columns())).containsExactly("added_later");
    assertThat(c.extraColumns(row.columns())).containsExactly("DROPPED_COL");
  }

  @Test
  void rowsWithReadErrorsAndBadTargetsAreRejected() {
    RowConverter c = converter("ID", ColumnType.INT);
    DmsRow bad = rows("Op,ID", "I,1,2").get(0);

    assertThatThrownBy(() -> c.convert(bad)).isInstanceOf(DmsRowException.class)
        .satisfies(e -> assertThat(((DmsRowException) e).error().kind()).isEqualTo(RowError.Kind.COLUMN_COUNT));
    Schema notOptional = org.apache.avro.SchemaBuilder.record("x").fields().requiredInt("ID").endRecord();
    assertThatThrownBy(() -> RowConverter.of(notOptional, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> converter("ID", ColumnType.INT).recordKey().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> RowConverter.of("t", Map.of("ID", ColumnType.INT), List.of("NOPE")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dmsTimestampsParseExactlyAndRejectSubMicroDigits() {
    assertThat(DmsTimestamps.parse("2025-01-01 12:34:56.123456789")).isEqualTo(Instant.parse("2025-01-01T12:34:56.123456789Z"));
    assertThat(DmsTimestamps.parse("2025-01-01T12:34")).isEqualTo(Instant.parse("2025-01-01T12:34:00Z"));
    assertThat(DmsTimestamps.parse("2025-01-01")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(DmsTimestamps.parse("2025-01-01 12:00:00-0130")).isEqualTo(Instant.parse("2025-01-01T13:30:00Z"));
    assertThat(DmsTimestamps.toMicros(DmsTimestamps.parse("2025-01-01 00:00:00.123456000"))).isEqualTo(
        micros("2025-01-01T00:00:00.123456Z"));
    assertThatThrownBy(() -> DmsTimestamps.toMicros(DmsTimestamps.parse("2025-01-01 00:00:00.0000001")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sub-microsecond");
    assertThatThrownBy(() -> DmsTimestamps.parse("2025-01-01 24:00:00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DmsTimestamps.parse("01/02/2025")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DmsTimestamps.parse("2025-01-01 00:00:00.1234567891"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

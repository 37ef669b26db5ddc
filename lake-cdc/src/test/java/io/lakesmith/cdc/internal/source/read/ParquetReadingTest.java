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
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.internal.source.LocalStoreTest;
import static io.lakesmith.cdc.internal.source.DmsFixtures.file;
import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.cdc.internal.source.convert.ConvertedRow;
import io.lakesmith.cdc.internal.source.convert.RowConverter;
import io.lakesmith.core.table.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParquetReadingTest extends LocalStoreTest {
  private static final Schema DECIMAL_10_2 = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
  private static final Schema TS_MICROS = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Schema TS_MILLIS = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  Path staging;
  Path scratch;

  @BeforeEach
  void setUp() throws IOException {
    staging = Files.createDirectories(dir.resolve("staging"));
    scratch = Files.createDirectories(dir.resolve("scratch"));
  }

  private static Schema schema(boolean withOp) {
    SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record("employees").fields();
    if (withOp) {
      f = f.requiredString("Op");
    }
    return f.requiredLong("ID")
        .name("SALARY").type().unionOf().nullType().and().type(DECIMAL_10_2).endUnion().nullDefault()
        .name("UPDATED").type().unionOf().nullType().and().type(TS_MICROS).endUnion().nullDefault()
        .name("HIRED").type(TS_MILLIS).noDefault()
        .requiredInt("DEPT")
        .requiredFloat("RATE")
        .optionalString("NAME")
        .endRecord();
  }

  private static GenericRecord record(Schema schema, String op, long id, String salary, long updatedMicros,
      long hiredMillis, String name) {
    GenericData.Record r = new GenericData.Record(schema);
    if (op != null) {
      r.put("Op", op);
    }
    r.put("ID", id);
    r.put("SALARY", salary == null ? null : DECIMALS.toBytes(new BigDecimal(salary), DECIMAL_10_2, DECIMAL_10_2.getLogicalType()));
    r.put("UPDATED", updatedMicros);
    r.put("HIRED", hiredMillis);
    r.put("DEPT", 60);
    r.put("RATE", 0.25f);
    r.put("NAME", name);
    return r;
  }

  private static long micros(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private DmsFormat format() {
    return DmsFormat.builder().tempDirectory(staging).build();
  }

  @Test
  void cdcParquetWithOpReadsTypedValuesAndDeletesItsStagedCopy() throws IOException {
    Schema s = schema(true);
    List<GenericRecord> records = List.of(
        record(s, "I", 1, "12345678.90", micros("2025-01-01T12:34:56.123456Z"), 1_700_000_000_123L, "Ann"),
        record(s, "U", 1, "-0.01", micros("1969-12-31T23:59:59.999999Z"), 0L, null),
        record(s, "D", 1, null, micros("2025-01-01T00:00:00Z"), 0L, "Ann"));
    DmsFixtures.writeParquet(store, root, "hr/employees/20250101-120000000.parquet", s, records, scratch, false);
    DmsFile f = file(store, root, "hr/employees/20250101-120000000.parquet");

    List<DmsRow> rows = readAll(store, f, format(), ExpectedColumns.none());

    assertThat(f.format()).isEqualTo(DmsFile.Format.PARQUET);
    assertThat(rows).extracting(DmsRow::op).containsExactly(DmsOp.INSERT, DmsOp.UPDATE, DmsOp.DELETE);
    assertThat(rows).extracting(DmsRow::line).containsExactly(1L, 2L, 3L);
    DmsRow first = rows.get(0);
    assertThat(first.columns().names()).containsExactly("ID", "SALARY", "UPDATED", "HIRED", "DEPT", "RATE", "NAME");
    assertThat(first.columns().fieldNumber(0)).isEqualTo(2);
    assertThat(first.value("ID")).isEqualTo(1L);
    assertThat(first.value("UPDATED")).isEqualTo(micros("2025-01-01T12:34:56.123456Z"));
    assertThat(first.value("NAME")).isEqualTo("Ann");
    assertThat(first.value("SALARY")).isInstanceOf(ByteBuffer.class);
    assertThat(first.columns().schema(1)).hasValueSatisfying(
        sc -> assertThat(ColumnType.fromAvro(sc)).isEqualTo(ColumnType.decimal(10, 2)));
    assertThat(rows.get(1).isNull(6)).isTrue();
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void fullLoadParquetWithoutOpAndGzippedParquetConvertExactly() {
    Schema s = schema(false);
    List<GenericRecord> records = new ArrayList<>();
    records.add(record(s, null, 7, "99999999.99", micros("2025-06-30T23:59:59.999999Z"), 1_700_000_000_123L, "Bo"));
    records.add(record(s, null, 8, "0.00", micros("0001-01-01T00:00:00Z"), -1L, "Cy"));
    DmsFixtures.writeParquet(store, root, "hr/employees/LOAD00000001.parquet", s, records, scratch, false);
    DmsFixtures.writeParquet(store, root, "hr/employees/LOAD00000002.parquet.gz", s, records, scratch, true);
    Map<String, ColumnType> target = new LinkedHashMap<>();
    target.put("ID", ColumnType.LONG);
    target.put("SALARY", ColumnType.decimal(12, 3));
    target.put("UPDATED", ColumnType.TIMESTAMP);
    target.put("HIRED", ColumnType.TIMESTAMP);
    target.put("DEPT", ColumnType.LONG);   // int widens to long
    target.put("RATE", ColumnType.DOUBLE); // float widens to double
    target.put("NAME", ColumnType.STRING);
    RowConverter converter = RowConverter.of("employees", target, List.of("ID"));

    for (String name : List.of("LOAD00000001.parquet", "LOAD00000002.parquet.gz")) {
      List<DmsRow> rows = readAll(store, file(store, root, "hr/employees/" + name), format(), ExpectedColumns.none());
      assertThat(rows).extracting(DmsRow::op).containsOnly(DmsOp.LOAD);
      ConvertedRow c = converter.convert(rows.get(0));
      GenericData.Record r = c.record();
      assertThat(r.get("ID")).isEqualTo(7L);
      Schema dec = ColumnType.decimal(12, 3).toAvro();
      assertThat(ColumnType.decimalValue(r.get("SALARY"), dec))
          .isEqualTo(new BigDecimal("99999999.990"));
      assertThat(r.get("UPDATED")).isEqualTo(micros("2025-06-30T23:59:59.999999Z"));
      assertThat(r.get("HIRED")).isEqualTo(1_700_000_000_123_000L); // millis to micros
      assertThat(r.get("DEPT")).isEqualTo(60L);
      assertThat(r.get("RATE")).isEqualTo(0.25d);
      assertThat(converter.convert(rows.get(1)).record().get("UPDATED")).isEqualTo(micros("0001-01-01T00:00:00Z"));
      assertThat(converter.convert(rows.get(1)).record().get("HIRED")).isEqualTo(-1000L);
    }
  }

  @Test
  void parquetWithoutAvroSchemaAsDmsWritesItReadsByParquetLogicalTypes() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message dms {\n"
        + "  required binary Op (STRING);\n"
        + "  required int64 ID;\n"
        + "  optional int32 SMALL_AMOUNT (DECIMAL(9,2));\n"
        + "  optional int64 BIG_AMOUNT (DECIMAL(18,4));\n"
        + "  optional fixed_len_byte_array(16) HUGE_AMOUNT (DECIMAL(38,10));\n"
        + "  optional int64 CHANGED (TIMESTAMP(MICROS,true));\n"
        + "  optional int32 BORN (DATE);\n"
        + "  optional binary PHOTO;\n"
        + "  optional binary TS_TEXT (STRING);\n"
        + "  optional int64 U64 (INTEGER(64,false));\n"
        + "  optional int32 U32 (INTEGER(32,false));\n"
        + "}");
    Path tmp = scratch.resolve("dms.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new DmsFixtures.FileOutputFile(tmp)).withType(type).build()) {
      byte[] huge = new java.math.BigInteger("12345678901234567890123456789").toByteArray();
      byte[] padded = new byte[16];
      System.arraycopy(huge, 0, padded, 16 - huge.length, huge.length);
      w.write(groups.newGroup().append("Op", "U").append("ID", 5L).append("SMALL_AMOUNT", 12345)
          .append("BIG_AMOUNT", 123456789L).append("HUGE_AMOUNT", Binary.fromConstantByteArray(padded))
          .append("CHANGED", micros("2024-02-29T01:02:03.000004Z")).append("BORN", 19_000)
          .append("PHOTO", Binary.fromConstantByteArray(new byte[] {(byte) 0xCA, (byte) 0xFE}))
          .append("TS_TEXT", "2024-02-29 01:02:03.000004").append("U64", -1L).append("U32", -1));
    }
    DmsFixtures.writeBytes(store, root, "hr/employees/20240229-010203000.parquet", Files.readAllBytes(tmp));
    Map<String, ColumnType> target = new LinkedHashMap<>();
    target.put("ID", ColumnType.LONG);
    target.put("SMALL_AMOUNT", ColumnType.decimal(9, 2));
    target.put("BIG_AMOUNT", ColumnType.decimal(18, 4));
    target.put("HUGE_AMOUNT", ColumnType.decimal(38, 10));
    target.put("CHANGED", ColumnType.TIMESTAMP);
    target.put("BORN", ColumnType.DATE);
    target.put("PHOTO", ColumnType.BYTES);
    target.put("TS_TEXT", ColumnType.TIMESTAMP);
    target.put("U64", ColumnType.decimal(20, 0));
    target.put("U32", ColumnType.LONG);

    DmsRow row = readAll(store, file(store, root, "hr/employees/20240229-010203000.parquet"), format(),
        ExpectedColumns.none()).get(0);
    GenericData.Record r = RowConverter.of("employees", target, List.of("ID")).convert(row).record();

    assertThat(row.op()).isEqualTo(DmsOp.UPDATE);
    assertThat(decimal(r, "SMALL_AMOUNT", 9, 2)).isEqualTo(new BigDecimal("123.45"));
    assertThat(decimal(r, "BIG_AMOUNT", 18, 4)).isEqualTo(new BigDecimal("12345.6789"));
    assertThat(decimal(r, "HUGE_AMOUNT", 38, 10)).isEqualTo(new BigDecimal("1234567890123456789.0123456789"));
    assertThat(r.get("CHANGED")).isEqualTo(micros("2024-02-29T01:02:03.000004Z"));
    assertThat(r.get("TS_TEXT")).isEqualTo(micros("2024-02-29T01:02:03.000004Z"));
    assertThat(r.get("BORN")).isEqualTo((int) LocalDate.of(2022, 1, 8).toEpochDay());
    assertThat(((ByteBuffer) r.get("PHOTO")).array()).containsExactly((byte) 0xCA, (byte) 0xFE);
    // unsigned values that parquet-avro would read as -1
    assertThat(decimal(r, "U64", 20, 0)).isEqualTo(new BigDecimal("18446744073709551615"));
    assertThat(r.get("U32")).isEqualTo(4294967295L);
    target.put("U64", ColumnType.LONG);
    assertThatThrownBy(() -> RowConverter.of("employees", target, List.of("ID")).convert(row))
        .isInstanceOf(DmsRowException.class).hasMessageContaining("U64").hasMessageContaining("does not fit long");
  }

  private static BigDecimal decimal(GenericData.Record r, String field, int p, int s) {
    Schema dec = ColumnType.decimal(p, s).toAvro();
    return ColumnType.decimalValue(r.get(field), dec);
  }

  @Test
  void corruptParquetIsOneUnreadableRowAndCleansUp() throws IOException {
    DmsFixtures.write(store, root, "hr/employees/LOAD00000001.parquet", "this is not parquet");
    DmsFile f = file(store, root, "hr/employees/LOAD00000001.parquet");

    assertThat(DmsFixtures.readAll(store, f, format(), ExpectedColumns.none())).singleElement()
        .satisfies(r -> assertThat(r.error()).hasValueSatisfying(e -> {
          assertThat(e.kind()).isEqualTo(RowError.Kind.UNREADABLE);
          assertThat(e.fileKey()).isEqualTo(f.key());
          assertThat(e.reason()).contains("not a readable Parquet file");
        }));
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).isEmpty();
    }
  }
}

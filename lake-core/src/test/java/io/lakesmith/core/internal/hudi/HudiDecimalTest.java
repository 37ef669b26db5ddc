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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.HudiWriteOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decimals are written as Parquet FIXED_LEN_BYTE_ARRAY of the fewest bytes for their precision (what Spark's
 * vectorized reader accepts), read back exactly, widen, and tables with older {@code bytes} decimals stay writable.
 */
class HudiDecimalTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  @TempDir
  Path dir;

  private TableSpec spec(TableType type, Map<String, ColumnType> columns) {
    return TableSpec.builder().database("shop").table("orders").recordKey("id").partitionBy("region").type(type)
        .basePath(dir.resolve("orders-" + type).toString()).schema(TableSpec.avroSchema("orders", columns)).build();
  }

  private static Map<String, ColumnType> columns(ColumnType small) {
    Map<String, ColumnType> c = new LinkedHashMap<>();
    c.put("id", ColumnType.LONG);
    c.put("region", ColumnType.STRING);
    c.put("seq", ColumnType.LONG);
    c.put("small", small);
    c.put("mid", ColumnType.decimal(18, 4));
    c.put("big", ColumnType.decimal(38, 10));
    c.put("small2", small); // the same decimal type twice in one schema: a fixed type per column
    return c;
  }

  private static GenericRecord row(Schema schema, long id, long seq, String small, String mid, String big) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("id", id);
    r.put("region", id >= 100 ? "ap" : id % 2 == 0 ? "eu" : "us");
    r.put("seq", seq);
    r.put("small", dec(schema, "small", small));
    r.put("mid", dec(schema, "mid", mid));
    r.put("big", dec(schema, "big", big));
    r.put("small2", dec(schema, "small2", small));
    return r;
  }

  private static Object dec(Schema schema, String column, String value) {
    if (value == null) {
      return null;
    }
    Schema s = ColumnType.nonNull(schema.getField(column).schema());
    BigDecimal v = new BigDecimal(value);
    return s.getType() == Schema.Type.FIXED ? DECIMALS.toFixed(v, s, s.getLogicalType())
        : DECIMALS.toBytes(v, s, s.getLogicalType());
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void decimalsAreFixedLengthInParquetAndReadBackExactly(TableType type) throws IOException {
    TableSpec spec = spec(type, columns(ColumnType.decimal(9, 2)));
    Schema schema = spec.schema().orElseThrow();
    // named as Spark's and Hudi's converters name them: one fixed type per column, no shared named references
    assertThat(schema.getFullName()).isEqualTo("hoodie.orders.orders_record");
    assertThat(ColumnType.nonNull(schema.getField("small").schema()).getFullName())
        .isEqualTo("hoodie.orders.orders_record.small.fixed");
    assertThat(ColumnType.nonNull(schema.getField("small2").schema()).getFullName())
        .isEqualTo("hoodie.orders.orders_record.small2.fixed");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(schema, 1, 1, "1234567.89", "12345678901234.5678",
          "1234567890123456789012345678.0123456789"), row(schema, 2, 1, "-0.01", "-99999999999999.9999", null),
          row(schema, 3, 1, null, "0.0001", "-9999999999999999999999999999.9999999999")), Map.of());
      table.upsert(List.of(row(schema, 2, 2, "-9999999.99", "1.5", "2.25")), Map.of()); // log file on MOR
      Map<Long, String> expected = new TreeMap<>(Map.of(
          1L, "1234567.89|12345678901234.5678|1234567890123456789012345678.0123456789|1234567.89",
          2L, "-9999999.99|1.5000|2.2500000000|-9999999.99",
          3L, "null|0.0001|-9999999999999999999999999999.9999999999|null"));
      assertThat(values(table.newReader().read())).isEqualTo(expected);
      if (type == TableType.MERGE_ON_READ) {
        table.compact().orElseThrow();
        assertThat(values(table.newReader().read())).isEqualTo(expected);
      }
    }
    List<Path> parquet = parquetFiles(spec);
    assertThat(parquet).isNotEmpty();
    for (Path p : parquet) {
      MessageType footer = footer(p);
      assertFixed(footer, "small", 4, 9, 2);
      assertFixed(footer, "small2", 4, 9, 2);
      assertFixed(footer, "mid", 8, 18, 4);
      assertFixed(footer, "big", 16, 38, 10);
    }
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void decimalWideningOfFixedColumnsReadsOldRowsRight(TableType type) throws IOException {
    TableSpec spec = spec(type, columns(ColumnType.decimal(9, 2)));
    Schema narrow = spec.schema().orElseThrow();
    Schema wide = TableSpec.avroSchema("orders", columns(ColumnType.decimal(18, 4)));
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(narrow, 1, 1, "1234567.89", "1", "1"), row(narrow, 2, 1, "-0.05", "2", "2"),
          row(narrow, 101, 1, "-7654321.98", "3", "3")), Map.of());
      // an update of row 2 (its file is rewritten, or logged, with the wider schema), a new row elsewhere; row 101's
      // partition is never rewritten: its old 4-byte file is read with the 8-byte schema
      table.upsert(List.of(row(wide, 2, 2, "-0.0625", "2", "2"), row(wide, 5, 1, "-5.5", "5", "5"),
          row(wide, 4, 1, "99999999999999.9999", "4", "4")), Map.of());
      assertThat(ColumnType.fromAvro(table.schema().getField("small").schema())).isEqualTo(ColumnType.decimal(18, 4));
      Map<Long, String> got = values(table.newReader().read());
      assertThat(got).containsEntry(1L, "1234567.8900|1.0000|1.0000000000|1234567.8900")
          .containsEntry(2L, "-0.0625|2.0000|2.0000000000|-0.0625")
          .containsEntry(4L, "99999999999999.9999|4.0000|4.0000000000|99999999999999.9999")
          .containsEntry(5L, "-5.5000|5.0000|5.0000000000|-5.5000")
          .containsEntry(101L, "-7654321.9800|3.0000|3.0000000000|-7654321.9800").hasSize(5);
      if (type == TableType.MERGE_ON_READ) {
        table.compact().orElseThrow();
        assertThat(values(table.newReader().read())).isEqualTo(got);
      }
    }
    // the untouched partition still holds the 4-byte file it was written with
    assertThat(parquetFiles(spec)).filteredOn(p -> p.toString().contains("region=ap")).isNotEmpty()
        .allSatisfy(p -> assertThat(footer(p).getType("small").asPrimitiveType().getTypeLength()).isEqualTo(4));
  }

  @Test
  void tablesWithBytesDecimalsStayWritableAndKeepBinary() throws IOException {
    TableSpec spec = spec(TableType.MERGE_ON_READ, columns(ColumnType.decimal(9, 2)));
    Schema fixed = spec.schema().orElseThrow();
    Schema bytes = withBytesDecimals(fixed);
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();
    try (HudiTable table = HudiTables.create(spec, bytes, options, LOCAL)) {
      table.insert(List.of(row(bytes, 1, 1, "1.25", "2.5", "3.75")), Map.of());
    }
    try (HudiTable table = HudiTables.open(spec, options, LOCAL)) {
      Schema current = table.schema();
      assertThat(ColumnType.nonNull(current.getField("small").schema()).getType()).isEqualTo(Schema.Type.BYTES);
      table.upsert(List.of(row(current, 1, 2, "1.26", "2.6", "3.8"), row(current, 2, 1, "7", "8", "9")), Map.of());
      table.compact().orElseThrow();
      assertThat(values(table.newReader().read())).containsExactly(
          Map.entry(1L, "1.26|2.6000|3.8000000000|1.26"), Map.entry(2L, "7.00|8.0000|9.0000000000|7.00"));
    }
    for (Path p : parquetFiles(spec)) {
      PrimitiveType small = footer(p).getType("small").asPrimitiveType();
      assertThat(small.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
    }
  }

  static Schema withBytesDecimals(Schema schema) {
    List<Schema.Field> fields = new java.util.ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      Schema s = ColumnType.nonNull(f.schema());
      Schema t = s.getLogicalType() instanceof LogicalTypes.Decimal
          ? TableSpec.optional(s.getLogicalType().addToSchema(Schema.create(Schema.Type.BYTES))) : f.schema();
      fields.add(new Schema.Field(f.name(), t, f.doc(), f.defaultVal()));
    }
    return Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, fields);
  }

  private static void assertFixed(MessageType footer, String column, int length, int precision, int scale) {
    PrimitiveType t = footer.getType(column).asPrimitiveType();
    assertThat(t.getPrimitiveTypeName()).as(column).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
    assertThat(t.getTypeLength()).as(column).isEqualTo(length);
    assertThat(t.getLogicalTypeAnnotation()).as(column)
        .isEqualTo(LogicalTypeAnnotation.decimalType(scale, precision));
  }

  static MessageType footer(Path parquet) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(parquet.toUri()), new Configuration()))) {
      return r.getFileMetaData().getSchema();
    }
  }

  static List<Path> parquetFiles(TableSpec spec) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(spec.basePath()))) {
      return s.filter(p -> !p.toString().contains("/.hoodie") && p.toString().endsWith(".parquet")).toList();
    }
  }

  /** id -> "small|mid|big|small2" as plain decimal strings. */
  private static Map<Long, String> values(List<GenericRecord> rows) {
    Map<Long, String> out = new TreeMap<>();
    for (GenericRecord r : rows) {
      StringBuilder sb = new StringBuilder();
      for (String c : List.of("small", "mid", "big", "small2")) {
        BigDecimal v = ColumnType.decimalValue(r.get(c), r.getSchema().getField(c).schema());
        sb.append(sb.length() == 0 ? "" : "|").append(v == null ? "null" : v.toPlainString());
      }
      String previous = out.put((Long) r.get("id"), sb.toString());
      assertThat(previous).as("duplicate id %s", r.get("id")).isNull();
    }
    return out;
  }
}

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

package io.lakesmith.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.core.table.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** Avro to Glue column types (every kind, nullable unions, logical types, nesting), Hive type parsing and widening. */
class TypeMappingTest {

  private static String hive(Schema s) {
    return AvroTypes.toHive(s).toString();
  }

  private static Schema logical(org.apache.avro.LogicalType t, Schema.Type base) {
    return t.addToSchema(Schema.create(base));
  }

  @Test
  void primitivesAndLogicalTypes() {
    assertThat(hive(Schema.create(Schema.Type.INT))).isEqualTo("int");
    assertThat(hive(Schema.create(Schema.Type.LONG))).isEqualTo("bigint");
    assertThat(hive(Schema.create(Schema.Type.DOUBLE))).isEqualTo("double");
    assertThat(hive(Schema.create(Schema.Type.FLOAT))).isEqualTo("float");
    assertThat(hive(Schema.create(Schema.Type.BOOLEAN))).isEqualTo("boolean");
    assertThat(hive(Schema.create(Schema.Type.STRING))).isEqualTo("string");
    assertThat(hive(Schema.create(Schema.Type.BYTES))).isEqualTo("binary");
    assertThat(hive(Schema.createFixed("md5", null, "x", 16))).isEqualTo("binary");
    assertThat(hive(Schema.createEnum("color", null, "x", List.of("RED", "GREEN")))).isEqualTo("string");
    assertThat(hive(logical(LogicalTypes.date(), Schema.Type.INT))).isEqualTo("date");
    assertThat(hive(logical(LogicalTypes.timestampMillis(), Schema.Type.LONG))).isEqualTo("timestamp");
    assertThat(hive(logical(LogicalTypes.timestampMicros(), Schema.Type.LONG))).isEqualTo("timestamp");
    assertThat(hive(logical(LogicalTypes.localTimestampMicros(), Schema.Type.LONG))).isEqualTo("timestamp");
    assertThat(hive(logical(LogicalTypes.timeMillis(), Schema.Type.INT))).isEqualTo("int");
    assertThat(hive(logical(LogicalTypes.timeMicros(), Schema.Type.LONG))).isEqualTo("bigint");
    assertThat(hive(logical(LogicalTypes.uuid(), Schema.Type.STRING))).isEqualTo("string");
    assertThat(hive(logical(LogicalTypes.decimal(12, 2), Schema.Type.BYTES))).isEqualTo("decimal(12,2)");
    assertThat(hive(LogicalTypes.decimal(38, 10).addToSchema(Schema.createFixed("d", null, "x", 16))))
        .isEqualTo("decimal(38,10)");
  }

  @Test
  void nullableUnionsAreUnwrappedAndOtherUnionsBecomeMemberStructs() {
    assertThat(hive(SchemaBuilder.unionOf().nullType().and().longType().endUnion())).isEqualTo("bigint");
    assertThat(hive(SchemaBuilder.unionOf().stringType().and().nullType().endUnion())).isEqualTo("string");
    assertThat(hive(SchemaBuilder.unionOf().nullType().and().intType().and().stringType().endUnion()))
        .isEqualTo("struct<member0:int,member1:string>");
    assertThatThrownBy(() -> hive(Schema.create(Schema.Type.NULL))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nestedArraysMapsAndStructs() {
    Schema address = SchemaBuilder.record("address").fields().requiredString("street").optionalInt("zip")
        .name("geo").type().optional().array().items().doubleType().endRecord();
    Schema order = SchemaBuilder.record("order").fields()
        .name("tags").type().array().items().stringType().noDefault()
        .name("attrs").type().map().values().unionOf().nullType().and().longType().endUnion().noDefault()
        .name("address").type(address).noDefault()
        .name("lines").type().array().items(SchemaBuilder.record("line").fields().requiredString("sku")
            .name("price").type(LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES))).noDefault()
            .name("at").type(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .endRecord()).noDefault()
        .name("matrix").type().map().values().array().items().intType().noDefault()
        .endRecord();
    List<String> cols = new ArrayList<>();
    for (Schema.Field f : order.getFields()) {
      cols.add(CatalogColumn.fromAvro(f).toString());
    }
    assertThat(cols).containsExactly("tags array<string>", "attrs map<string,bigint>",
        "address struct<street:string,zip:int,geo:array<double>>",
        "lines array<struct<sku:string,price:decimal(10,2),at:timestamp>>", "matrix map<string,array<int>>");
  }

  @Test
  void recursiveRecordsAreRejected() {
    Schema node = SchemaBuilder.record("node").fields().requiredString("v").name("next").type().optional()
        .type("node").endRecord();
    assertThatThrownBy(() -> AvroTypes.toHive(node)).hasMessageContaining("recursive");
  }

  @Test
  void lakesmithColumnTypesMap() {
    assertThat(CatalogColumn.of("a", ColumnType.LONG).type()).isEqualTo("bigint");
    assertThat(CatalogColumn.of("a", ColumnType.TIMESTAMP).type()).isEqualTo("timestamp");
    assertThat(CatalogColumn.of("a", ColumnType.DATE).type()).isEqualTo("date");
    assertThat(CatalogColumn.of("a", ColumnType.BYTES).type()).isEqualTo("binary");
    assertThat(CatalogColumn.of("a", ColumnType.decimal(18, 4)).type()).isEqualTo("decimal(18,4)");
  }

  @Test
  void hiveTypesParseInAnySpellingToGluesCanonicalForm() {
    assertThat(HiveType.parse("STRUCT< `a` : INT, b:ARRAY< Decimal(10 , 2) > >").toString())
        .isEqualTo("struct<a:int,b:array<decimal(10,2)>>");
    assertThat(HiveType.parse("map<string,struct<x:bigint>>").toString()).isEqualTo("map<string,struct<x:bigint>>");
    assertThat(HiveType.parse("VARCHAR(20)").toString()).isEqualTo("varchar(20)");
    assertThat(HiveType.parse("decimal").toString()).isEqualTo("decimal(10,0)");
    assertThatThrownBy(() -> HiveType.parse("array<int")).hasMessageContaining("array<int");
    assertThatThrownBy(() -> HiveType.parse("strin")).hasMessageContaining("unknown type");
  }

  @Test
  void wideningRules() {
    Map<String, String> widen = Map.of("int", "bigint", "float", "double", "decimal(10,2)", "decimal(12,2)",
        "smallint", "int", "varchar(10)", "string", "struct<a:int>", "struct<a:bigint,b:string>",
        "array<float>", "array<double>", "map<string,int>", "map<string,bigint>");
    widen.forEach((from, to) -> assertThat(HiveType.parse(from).canWidenTo(HiveType.parse(to))).as(from + "->" + to).isTrue());
    String[][] narrow = {{"bigint", "int"}, {"double", "float"}, {"decimal(12,2)", "decimal(10,2)"},
        {"decimal(10,2)", "decimal(10,1)"}, {"string", "int"}, {"struct<a:int,b:int>", "struct<a:int>"},
        {"bigint", "double"}, {"array<int>", "map<string,int>"}, {"timestamp", "date"}};
    for (String[] n : narrow) {
      assertThat(HiveType.parse(n[0]).canWidenTo(HiveType.parse(n[1]))).as(n[0] + "->" + n[1]).isFalse();
    }
  }

  @Test
  void sparkSchemaIsSplitIntoFourThousandCharacterParts() throws Exception {
    List<CatalogColumn> cols = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      cols.add(CatalogColumn.of("column_with_a_rather_long_name_" + i, i % 2 == 0 ? "bigint" : "array<struct<x:int>>"));
    }
    Map<String, String> p = GlueShapes.sparkTableProperties(cols, List.of(CatalogColumn.of("dt", "date")));
    int parts = Integer.parseInt(p.get("spark.sql.sources.schema.numParts"));
    assertThat(parts).isGreaterThan(1);
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      assertThat(p.get("spark.sql.sources.schema.part." + i).length()).isLessThanOrEqualTo(4000);
      json.append(p.get("spark.sql.sources.schema.part." + i));
    }
    JsonNode schema = new ObjectMapper().readTree(json.toString());
    assertThat(schema.get("fields")).hasSize(201);
    assertThat(schema.get("fields").get(0).get("type").asText()).isEqualTo("long");
    assertThat(schema.get("fields").get(1).get("type").get("elementType").get("fields").get(0).get("type").asText())
        .isEqualTo("integer");
    assertThat(schema.get("fields").get(200).get("name").asText()).isEqualTo("dt");
    assertThat(p).containsEntry("spark.sql.sources.schema.numPartCols", "1").containsEntry("spark.sql.sources.schema.partCol.0", "dt");
  }

  @Test
  void definitionsValidate() {
    assertThatThrownBy(() -> TableDefinition.builder().database("d").name("t").kind(TableKind.PARQUET).location("s3://b/t")
        .column("a", "int").partitionKey("A", "string").build()).hasMessageContaining("partition key 'A'");
    assertThatThrownBy(() -> TableDefinition.builder().database("d").name("t").kind(TableKind.PARQUET).location("s3://b/t")
        .column("a", "int").dmsOpColumn(true).build()).hasMessageContaining("Op column");
    assertThatThrownBy(() -> TableDefinition.builder().database("d").name("t").kind(TableKind.PARQUET).location("s3://b/t")
        .column("a", "int").partitionKey("p", "map<string,int>").build()).hasMessageContaining("primitive");
    TableDefinition d = TableDefinition.builder().database("Bronze").name("HR_Employees").kind(TableKind.DMS_CSV)
        .location("s3n://bucket/dms/hr/employees/").column("id", "int").build();
    assertThat(d.identifier()).isEqualTo("bronze.hr_employees");
    assertThat(d.location()).isEqualTo("s3://bucket/dms/hr/employees");
  }
}

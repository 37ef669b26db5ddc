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

package io.lakesmith.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TableSpecTest {

  private TableSpec.Builder valid() {
    return TableSpec.builder().database("hr").table("employees").recordKey("employee_id")
        .partitionBy("department_id").basePath("s3://lake/hr/employees")
        .column("employee_id", ColumnType.LONG).column("department_id", ColumnType.INT)
        .column("salary", ColumnType.decimal(8, 2)).column("hired_at", ColumnType.TIMESTAMP);
  }

  @Test
  void buildsAvroSchemaWithOptionalTypedColumnsInOrder() {
    TableSpec spec = valid().build();
    Schema s = spec.schema().orElseThrow();
    assertThat(s.getFields()).extracting(Schema.Field::name)
        .containsExactly("employee_id", "department_id", "salary", "hired_at");
    assertThat(s.getField("salary").schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    assertThat(spec.columns()).containsEntry("salary", ColumnType.decimal(8, 2))
        .containsEntry("hired_at", ColumnType.TIMESTAMP);
    assertThat(spec.identifier()).isEqualTo("hr.employees");
    assertThat(spec.type()).isEqualTo(TableType.COPY_ON_WRITE);
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }

  @Test
  void validationNamesTheBadField() {
    assertThatThrownBy(() -> valid().recordKey("nope").build())
        .hasMessageContaining("recordKey").hasMessageContaining("nope");
    assertThatThrownBy(() -> valid().partitionBy("region").build())
        .hasMessageContaining("partitionBy").hasMessageContaining("region");
    assertThatThrownBy(() -> valid().table("bad table").build()).hasMessageContaining("'table'");
    assertThatThrownBy(() -> valid().basePath(" ").build()).hasMessageContaining("'basePath'");
    assertThatThrownBy(() -> TableSpec.builder().database("a").table("b").basePath("/x").build())
        .hasMessageContaining("'recordKey'");
    assertThatThrownBy(() -> valid().column("salary", ColumnType.INT)).hasMessageContaining("salary");
  }

  @Test
  void schemaIsOptional() {
    TableSpec spec = TableSpec.builder().database("a").table("b").recordKey("id").basePath("/x").build();
    assertThat(spec.schema()).isEmpty();
    assertThat(spec.columns()).isEmpty();
  }

  @Test
  void columnTypesParseAndWidenSafely() {
    assertThat(ColumnType.parse("DECIMAL(10, 2)")).isEqualTo(ColumnType.decimal(10, 2));
    assertThat(ColumnType.parse("bigint")).isEqualTo(ColumnType.LONG);
    assertThat(ColumnType.fromAvro(ColumnType.TIMESTAMP.toAvro())).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(ColumnType.fromAvro(ColumnType.decimal(5, 1).toAvro())).isEqualTo(ColumnType.decimal(5, 1));
    assertThat(ColumnType.INT.canWidenTo(ColumnType.LONG)).isTrue();
    assertThat(ColumnType.FLOAT.canWidenTo(ColumnType.DOUBLE)).isTrue();
    assertThat(ColumnType.decimal(8, 2).canWidenTo(ColumnType.decimal(10, 2))).isTrue();
    assertThat(ColumnType.decimal(8, 2).canWidenTo(ColumnType.decimal(8, 3))).isFalse();
    assertThat(ColumnType.LONG.canWidenTo(ColumnType.INT)).isFalse();
    assertThat(ColumnType.STRING.canWidenTo(ColumnType.LONG)).isFalse();
    assertThatThrownBy(() -> ColumnType.parse("varchar2")).hasMessageContaining("varchar2");
    assertThatThrownBy(() -> ColumnType.parse("decimal(40,2)")).hasMessageContaining("precision");
  }
}

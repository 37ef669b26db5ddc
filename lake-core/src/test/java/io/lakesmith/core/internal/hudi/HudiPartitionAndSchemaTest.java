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
import static io.lakesmith.core.internal.hudi.HudiTestTables.contents;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HudiPartitionAndSchemaTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TableType.class)
  void globalSimpleIndexMovesARecordToItsNewPartition(TableType type) {
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq")
        .indexType(HudiWriteOptions.IndexType.GLOBAL_SIMPLE).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "eu", 1)), Map.of());
      table.upsert(List.of(row(1, "ann", "us", 2)), Map.of());

      List<GenericRecord> rows = table.newReader().read();
      assertThat(contents(rows)).containsExactly(Map.entry(1L, "ann/us/2"), Map.entry(2L, "bob/eu/1"));
      assertThat(rows).filteredOn(r -> (Long) r.get("id") == 1L).singleElement()
          .satisfies(r -> assertThat(r.get("_hoodie_partition_path").toString()).isEqualTo("region=us"));
      // a late change carrying the old partition value loses against the newer row and does not move it back
      table.upsert(List.of(row(1, "ann-old", "eu", 1)), Map.of());
      assertThat(contents(table.newReader().read())).containsExactly(
          Map.entry(1L, "ann/us/2"), Map.entry(2L, "bob/eu/1"));
    }
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void globalIndexDeletesByKeyWithoutPartitionValue(TableType type) {
    // DMS deletes from sources without full before-images carry only the primary key
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq")
        .indexType(HudiWriteOptions.IndexType.GLOBAL_SIMPLE).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1)), Map.of());
      table.upsert(List.of(HudiTestTables.delete(table, 1, null, 2), HudiTestTables.delete(table, 2, null, 0)),
          Map.of());
      assertThat(contents(table.newReader().read())).containsExactly(Map.entry(2L, "bob/us/1"));
    }
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void addedNullableColumnReadsNullForOldRows(TableType type) {
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "eu", 1)), Map.of());

      Schema wider = withColumn(HudiTestTables.SCHEMA, "email");
      GenericRecord r3 = new GenericData.Record(wider);
      r3.put("id", 3L);
      r3.put("name", "cid");
      r3.put("region", "eu");
      r3.put("seq", 1L);
      r3.put("email", "cid@example.com");
      GenericRecord r2 = new GenericData.Record(wider);
      r2.put("id", 2L);
      r2.put("name", "bob");
      r2.put("region", "eu");
      r2.put("seq", 2L);
      r2.put("email", "bob@example.com");
      table.upsert(List.of(r3, r2), Map.of());

      assertThat(table.schema().getFields()).extracting(Schema.Field::name)
          .containsExactly("id", "name", "region", "seq", HudiSchemas.IS_DELETED, "email");
      Map<Long, String> emails = new java.util.TreeMap<>();
      table.newReader().withoutMetaColumns().read().forEach(r -> emails.put((Long) r.get("id"),
          String.valueOf(r.get("email"))));
      assertThat(emails).containsExactly(Map.entry(1L, "null"), Map.entry(2L, "bob@example.com"),
          Map.entry(3L, "cid@example.com"));

      // records in the old schema still write (email null) after the evolution
      table.upsert(List.of(row(1, "ann2", "eu", 2)), Map.of());
      assertThat(contents(table.newReader().read())).containsEntry(1L, "ann2/eu/2");
      if (type == TableType.MERGE_ON_READ) {
        table.compact().orElseThrow();
        assertThat(table.newReader().withoutMetaColumns().read()).hasSize(3);
      }
    }
    try (HudiTable reopened = HudiTables.open(spec, options, LOCAL)) {
      assertThat(reopened.schema().getField("email")).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TableType.class, names = "COPY_ON_WRITE")
  void nonAdditiveSchemaChangesAreRejected(TableType type) {
    TableSpec spec = HudiTestTables.spec(dir, type);
    try (HudiTable table = HudiTables.createOrOpen(spec, null, HudiWriteOptions.defaults(), LOCAL)) {
      List<Schema.Field> fields = new ArrayList<>();
      HudiTestTables.SCHEMA.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
      fields.add(new Schema.Field("required", Schema.create(Schema.Type.STRING)));
      Schema withRequired = Schema.createRecord("customers", null, "io.lakesmith", false, fields);
      assertThatThrownBy(() -> table.writerSchema(withRequired)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("new column 'required' must be nullable");

      List<Schema.Field> narrowed = new ArrayList<>();
      HudiTestTables.SCHEMA.getFields().forEach(f -> narrowed.add(f.name().equals("seq")
          ? new Schema.Field("seq", io.lakesmith.core.table.TableSpec.optional(Schema.create(Schema.Type.INT)), null,
              JsonProperties.NULL_VALUE)
          : new Schema.Field(f, f.schema())));
      Schema narrowSeq = Schema.createRecord("customers", null, "io.lakesmith", false, narrowed);
      assertThatThrownBy(() -> table.writerSchema(narrowSeq)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column 'seq' cannot change type from long to int");
    }
  }

  static Schema withColumn(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field(name, TableSpec.optional(Schema.create(Schema.Type.STRING)), null,
        JsonProperties.NULL_VALUE));
    return Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, fields);
  }
}

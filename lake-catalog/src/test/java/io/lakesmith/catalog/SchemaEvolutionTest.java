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

import io.lakesmith.testing.AwsEmulatorExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/** Columns appended, types widened, narrowing rejected with nothing written, comments and foreign parameters kept. */
@ExtendWith(AwsEmulatorExtension.class)
class SchemaEvolutionTest {

  private static TableDefinition.Builder base(String name) {
    return TableDefinition.builder().database("evo").name(name).kind(TableKind.HUDI_COW).location("s3://lake/evo/" + name)
        .column("id", "int").column("score", "float").column("price", "decimal(10,2)")
        .column("address", "struct<street:string,zip:int>").column("tags", "array<int>")
        .partitionKey("dt", "string");
  }

  private static SyncResult register(GlueCatalog catalog, TableDefinition def) {
    return catalog.registerTable(def).discoverPartitions(false).execute();
  }

  @Test
  void columnsAreAppendedAndWidenedInPlace() {
    try (GlueCatalog catalog = TestCatalogs.catalog(new GlueRecorder())) {
      register(catalog, base("widen").build());
      TableDefinition evolved = TableDefinition.builder().database("evo").name("widen").kind(TableKind.HUDI_COW)
          .location("s3://lake/evo/widen")
          .column("id", "bigint").column("score", "double").column("price", "decimal(14,2)")
          .column("address", "struct<street:string,zip:bigint,city:string>").column("tags", "array<bigint>")
          .column("added_at", "timestamp").partitionKey("dt", "string").build();
      SyncResult r = register(catalog, evolved);
      Table t = TestCatalogs.table("evo", "widen");
      assertThat(t.storageDescriptor().columns()).extracting(c -> c.name() + " " + c.type()).containsExactly(
          "id bigint", "score double", "price decimal(14,2)", "address struct<street:string,zip:bigint,city:string>",
          "tags array<bigint>", "added_at timestamp");
      assertThat(r.schemaChanges()).extracting(SchemaChange::toString).containsExactly(
          "evo.widen.id WIDENED int -> bigint", "evo.widen.score WIDENED float -> double",
          "evo.widen.price WIDENED decimal(10,2) -> decimal(14,2)",
          "evo.widen.address WIDENED struct<street:string,zip:int> -> struct<street:string,zip:bigint,city:string>",
          "evo.widen.tags WIDENED array<int> -> array<bigint>", "evo.widen.added_at ADDED timestamp");
      assertThat(r.report().counter("schemaChanges")).isEqualTo(6);

      // a column missing from the new data stays (Hive tables are a superset of their files)
      SyncResult dropped = register(catalog, evolved.toBuilder().columns(evolved.columns().subList(0, 2)).build());
      assertThat(TestCatalogs.columnNames(TestCatalogs.table("evo", "widen")))
          .containsExactly("id", "score", "price", "address", "tags", "added_at");
      assertThat(dropped.schemaChanges()).isEmpty();
    }
  }

  @Test
  void narrowingIsRejectedNamingTableColumnAndTypesAndNothingIsWritten() {
    GlueRecorder rec = new GlueRecorder();
    try (GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      register(catalog, base("narrow").build());
      int versions = TestCatalogs.versions("evo", "narrow");
      rec.reset();
      for (String[] bad : new String[][] {{"id", "smallint"}, {"score", "int"}, {"price", "decimal(8,2)"},
          {"price", "decimal(10,1)"}, {"id", "string"}, {"address", "struct<street:string>"},
          {"address", "struct<zip:int,street:string>"}, {"tags", "array<string>"}}) {
        List<CatalogColumn> cols = new ArrayList<>();
        for (CatalogColumn c : base("narrow").build().columns()) {
          cols.add(c.name().equals(bad[0]) ? CatalogColumn.of(bad[0], bad[1]) : c);
        }
        TableDefinition def = base("narrow").columns(cols).build();
        String old = base("narrow").build().columns().stream().filter(c -> c.name().equals(bad[0])).findFirst().get().type();
        assertThatThrownBy(() -> register(catalog, def))
            .isInstanceOf(SchemaEvolutionException.class)
            .hasMessageContaining("evo.narrow").hasMessageContaining("'" + bad[0] + "'")
            .hasMessageContaining(old).hasMessageContaining(HiveType.parse(bad[1]).toString())
            .satisfies(e -> {
              SchemaEvolutionException s = (SchemaEvolutionException) e;
              assertThat(s.table()).isEqualTo("evo.narrow");
              assertThat(s.column()).isEqualTo(bad[0]);
              assertThat(s.oldType()).isEqualTo(old);
              assertThat(s.newType()).isEqualTo(HiveType.parse(bad[1]).toString());
            });
      }
      assertThatThrownBy(() -> register(catalog, base("narrow").partitionKeys(List.of(CatalogColumn.of("day", "string")))
          .build())).isInstanceOf(SchemaEvolutionException.class).hasMessageContaining("partition keys");
      assertThat(rec.writeCalls()).isZero();
      assertThat(TestCatalogs.versions("evo", "narrow")).isEqualTo(versions);
    }
  }

  @Test
  void existingCommentsDescriptionAndForeignParametersArePreserved() {
    GlueClient raw = TestCatalogs.glue();
    try (GlueCatalog catalog = TestCatalogs.catalog(new GlueRecorder())) {
      register(catalog, base("comments").build());
      // a data steward documents columns and tags the table in the console
      Table t = TestCatalogs.table("evo", "comments");
      List<Column> documented = new ArrayList<>();
      for (Column c : t.storageDescriptor().columns()) {
        documented.add(c.name().equals("price") ? c.toBuilder().comment("net price in EUR").build() : c);
      }
      Map<String, String> params = new HashMap<>(t.parameters());
      params.put("data_owner", "finance");
      raw.updateTable(r -> r.databaseName("evo").tableInput(TableInput.builder().name("comments")
          .description("Orders as booked").tableType(t.tableType()).partitionKeys(t.partitionKeys()).parameters(params)
          .storageDescriptor(t.storageDescriptor().toBuilder().columns(documented).build()).build()));

      SyncResult same = register(catalog, base("comments").build());
      assertThat(same.writeCalls()).isZero();

      SyncResult r = register(catalog, base("comments").column("currency", "string").build());
      Table after = TestCatalogs.table("evo", "comments");
      assertThat(after.storageDescriptor().columns()).filteredOn(c -> c.name().equals("price"))
          .extracting(Column::comment).containsExactly("net price in EUR");
      assertThat(after.description()).isEqualTo("Orders as booked");
      assertThat(after.parameters()).containsEntry("data_owner", "finance");
      assertThat(r.schemaChanges()).extracting(SchemaChange::kind).containsExactly(SchemaChange.Kind.ADDED);

      // a comment given by the definition replaces the old one
      List<CatalogColumn> cols = new ArrayList<>();
      for (CatalogColumn c : base("comments").column("currency", "string").build().columns()) {
        cols.add(c.name().equals("price") ? c.withComment("gross price") : c);
      }
      SyncResult c = register(catalog, base("comments").columns(cols).build());
      assertThat(c.schemaChanges()).extracting(SchemaChange::kind).containsExactly(SchemaChange.Kind.COMMENT_CHANGED);
      assertThat(TestCatalogs.table("evo", "comments").storageDescriptor().columns())
          .filteredOn(x -> x.name().equals("price")).extracting(Column::comment).containsExactly("gross price");
    }
  }
}

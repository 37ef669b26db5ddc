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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/** Create and update for each table kind; the exact Glue shapes Athena, Spark and Hive read. */
@ExtendWith(AwsEmulatorExtension.class)
class TableKindsTest {

  @TempDir
  Path dir;

  @Test
  void hudiCopyOnWriteTableHasHudiSyncShape() throws Exception {
    GlueRecorder rec = new GlueRecorder();
    try (GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      TableDefinition def = TableDefinition.builder().database("Sales").name("Orders").kind(TableKind.HUDI_COW)
          .location("s3a://lake/sales/orders/").column("id", "bigint").column("amount", "decimal(12,2)")
          .partitionKey("dt", "string").build();
      SyncResult r = catalog.registerTable(def).discoverPartitions(false).execute();
      assertThat(r.tables()).containsExactly(Map.entry("sales.orders", SyncResult.TableOutcome.CREATED));
      assertThat(rec.calls("CreateDatabase")).hasSize(1);

      Table t = TestCatalogs.table("sales", "orders");
      assertThat(t.tableType()).isEqualTo("EXTERNAL_TABLE");
      StorageDescriptor sd = t.storageDescriptor();
      assertThat(sd.location()).isEqualTo("s3://lake/sales/orders");
      assertThat(sd.inputFormat()).isEqualTo("org.apache.hudi.hadoop.HoodieParquetInputFormat");
      assertThat(sd.outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
      assertThat(sd.serdeInfo().serializationLibrary()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
      assertThat(sd.serdeInfo().parameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "serialization.format", "1", "path", "s3://lake/sales/orders", "hoodie.query.as.ro.table", "false"));
      assertThat(sd.columns()).extracting(c -> c.name() + " " + c.type()).containsExactly("id bigint", "amount decimal(12,2)");
      assertThat(t.partitionKeys()).extracting(c -> c.name() + " " + c.type()).containsExactly("dt string");
      assertThat(t.parameters()).containsEntry("EXTERNAL", "TRUE").containsEntry("spark.sql.sources.provider", "hudi")
          .containsEntry("spark.sql.sources.schema.numParts", "1").containsEntry("spark.sql.sources.schema.numPartCols", "1")
          .containsEntry("spark.sql.sources.schema.partCol.0", "dt").containsEntry("hudi.metadata-listing-enabled", "FALSE")
          .containsEntry("lakesmith.table.kind", "HUDI_COW");
      JsonNode spark = new ObjectMapper().readTree(t.parameters().get("spark.sql.sources.schema.part.0"));
      assertThat(spark.get("type").asText()).isEqualTo("struct");
      assertThat(spark.get("fields").findValuesAsText("name")).containsExactly("id", "amount", "dt");
      assertThat(spark.get("fields").get(0).get("type").asText()).isEqualTo("long");
      assertThat(spark.get("fields").get(1).get("type").asText()).isEqualTo("decimal(12,2)");

      // update: a column added in the definition
      SyncResult u = catalog.registerTable(def.toBuilder().column("status", "string").build()).discoverPartitions(false).execute();
      assertThat(u.tables()).containsExactly(Map.entry("sales.orders", SyncResult.TableOutcome.UPDATED));
      assertThat(TestCatalogs.columnNames(TestCatalogs.table("sales", "orders"))).containsExactly("id", "amount", "status");
      assertThat(new ObjectMapper().readTree(TestCatalogs.table("sales", "orders").parameters()
          .get("spark.sql.sources.schema.part.0")).get("fields").findValuesAsText("name"))
          .containsExactly("id", "amount", "status", "dt");
    }
  }

  @Test
  void hudiMergeOnReadGetsReadOptimizedAndRealtimeTables() {
    try (GlueCatalog catalog = TestCatalogs.catalog(new GlueRecorder())) {
      TableDefinition def = TableDefinition.builder().database("sales").name("events").kind(TableKind.HUDI_MOR)
          .location("s3://lake/sales/events").column("id", "bigint").build();
      SyncResult r = catalog.registerTable(def).execute();
      assertThat(r.tables().keySet()).containsExactly("sales.events_ro", "sales.events_rt");
      Table ro = TestCatalogs.table("sales", "events_ro");
      Table rt = TestCatalogs.table("sales", "events_rt");
      assertThat(ro.storageDescriptor().inputFormat()).isEqualTo("org.apache.hudi.hadoop.HoodieParquetInputFormat");
      assertThat(rt.storageDescriptor().inputFormat())
          .isEqualTo("org.apache.hudi.hadoop.realtime.HoodieParquetRealtimeInputFormat");
      assertThat(ro.storageDescriptor().serdeInfo().parameters()).containsEntry("hoodie.query.as.ro.table", "true");
      assertThat(rt.storageDescriptor().serdeInfo().parameters()).containsEntry("hoodie.query.as.ro.table", "false");
      assertThat(ro.storageDescriptor().location()).isEqualTo("s3://lake/sales/events");
      assertThat(rt.parameters()).containsEntry("spark.sql.sources.provider", "hudi").doesNotContainKey(
          "spark.sql.sources.schema.numPartCols");
      assertThat(GlueRecorder.notFound(() -> TestCatalogs.table("sales", "events"))).isTrue();
      SyncResult again = catalog.registerTable(def).execute();
      assertThat(again.writeCalls()).isZero();
      assertThat(again.tables().values()).containsOnly(SyncResult.TableOutcome.UNCHANGED);
    }
  }

  @Test
  void plainParquetTableWithHiveStylePartitions() {
    Path root = dir.resolve("tier2/customers");
    TestCatalogs.touch(root.resolve("region=eu/year=2024/part-0001.snappy.parquet"));
    TestCatalogs.touch(root.resolve("region=eu/year=2024/part-0002.snappy.parquet"));
    TestCatalogs.touch(root.resolve("region=us%2Feast/year=2023/part-0001.snappy.parquet"));
    TestCatalogs.touch(root.resolve("region=us/year=2023/_SUCCESS"));
    TestCatalogs.touch(root.resolve("_temporary/0/region=xx/year=1/part.parquet"));
    TestCatalogs.touch(root.resolve("stray.parquet"));
    try (GlueCatalog catalog = TestCatalogs.catalog(new GlueRecorder())) {
      TableDefinition def = TableDefinition.builder().database("tier2").name("customers").kind(TableKind.PARQUET)
          .location(root.toString()).column("id", "bigint").column("name", "string")
          .partitionKey("region", "string").partitionKey("year", "int").build();
      SyncResult r = catalog.registerTable(def).execute();
      assertThat(r.partitionsAdded()).isEqualTo(2);
      assertThat(r.report().counter("filesOutsidePartitions")).isEqualTo(1);
      Table t = TestCatalogs.table("tier2", "customers");
      assertThat(t.storageDescriptor().inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
      assertThat(t.storageDescriptor().outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
      assertThat(t.storageDescriptor().serdeInfo().serializationLibrary())
          .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
      assertThat(t.parameters()).containsEntry("classification", "parquet").containsEntry("EXTERNAL", "TRUE")
          .doesNotContainKey("spark.sql.sources.provider");
      assertThat(t.storageDescriptor().location()).isEqualTo("file:" + root.toAbsolutePath());
      Map<List<String>, String> parts = TestCatalogs.partitions("tier2", "customers").stream()
          .collect(Collectors.toMap(Partition::values, p -> p.storageDescriptor().location()));
      assertThat(parts).containsOnly(
          Map.entry(List.of("eu", "2024"), "file:" + root.toAbsolutePath() + "/region=eu/year=2024"),
          Map.entry(List.of("us/east", "2023"), "file:" + root.toAbsolutePath() + "/region=us%2Feast/year=2023"));
    }
  }

  @Test
  void dmsCsvRawTierOnS3WithHeaderOpColumnAndDateFolders() {
    AwsEmulator aws = AwsEmulator.get();
    String bucket = aws.uniqueBucket("bronze");
    for (String key : List.of("dms/hr/employees/LOAD00000001.csv", "dms/hr/employees/2024/01/31/20240131-1134010000.csv",
        "dms/hr/employees/2024/01/31/20240131-1200000000.csv.gz", "dms/hr/employees/2024/02/01/20240201-0000000000.csv")) {
      aws.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("Op,id,name\nI,1,a\n"));
    }
    try (GlueCatalog catalog = TestCatalogs.catalog(new GlueRecorder())) {
      TableDefinition def = TableDefinition.builder().database("bronze").name("hr_employees").kind(TableKind.DMS_CSV)
          .location("s3://" + bucket + "/dms/hr/employees").dmsOpColumn(true)
          .column("id", "int").column("name", "string")
          .csvFormat(CsvFormat.builder().header(true).build())
          .partitionLayout(PartitionLayout.VALUES_ONLY)
          .partitionKey("year", "string").partitionKey("month", "string").partitionKey("day", "string").build();
      SyncResult r = catalog.registerTable(def).execute();
      assertThat(r.partitionsAdded()).isEqualTo(2);
      assertThat(r.report().counter("filesOutsidePartitions")).isEqualTo(1); // the full-load file at the root
      Table t = TestCatalogs.table("bronze", "hr_employees");
      assertThat(TestCatalogs.columnNames(t)).containsExactly("Op", "id", "name");
      assertThat(t.storageDescriptor().inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
      assertThat(t.storageDescriptor().outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
      assertThat(t.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.apache.hadoop.hive.serde2.OpenCSVSerde");
      assertThat(t.storageDescriptor().serdeInfo().parameters()).containsEntry("separatorChar", ",")
          .containsEntry("quoteChar", "\"").containsEntry("escapeChar", "\\");
      assertThat(t.parameters()).containsEntry("classification", "csv").containsEntry("skip.header.line.count", "1")
          .containsEntry("delimiter", ",").containsEntry("EXTERNAL", "TRUE");
      assertThat(TestCatalogs.partitions("bronze", "hr_employees")).extracting(p -> p.values().toString() + " "
          + p.storageDescriptor().location()).containsExactlyInAnyOrder(
          "[2024, 01, 31] s3://" + bucket + "/dms/hr/employees/2024/01/31",
          "[2024, 02, 01] s3://" + bucket + "/dms/hr/employees/2024/02/01");

      // unquoted, pipe-delimited, explicit null token, no header: LazySimpleSerDe; the kind of serde changes in place
      TableDefinition plain = def.toBuilder().csvFormat(CsvFormat.builder().quoted(false).delimiter('|').nullValue("NULL")
          .build()).build();
      SyncResult u = catalog.registerTable(plain).execute();
      assertThat(u.tables()).containsEntry("bronze.hr_employees", SyncResult.TableOutcome.UPDATED);
      assertThat(u.partitionsUpdated()).isEqualTo(2); // partitions follow the new serde
      Table t2 = TestCatalogs.table("bronze", "hr_employees");
      assertThat(t2.storageDescriptor().serdeInfo().serializationLibrary())
          .isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
      assertThat(t2.storageDescriptor().serdeInfo().parameters()).containsEntry("field.delim", "|")
          .containsEntry("serialization.format", "|").containsEntry("serialization.null.format", "NULL")
          .doesNotContainKeys("separatorChar", "quoteChar", "escapeChar");
      assertThat(t2.parameters()).containsEntry("delimiter", "|").containsEntry("areColumnsQuoted", "false")
          .doesNotContainKey("skip.header.line.count");
    }
  }
}

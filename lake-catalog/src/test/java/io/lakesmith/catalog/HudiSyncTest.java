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

import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.config.HoodieMetadataConfig;
import org.apache.hudi.common.model.HoodieAvroPayload;
import org.apache.hudi.common.model.HoodieAvroRecord;
import org.apache.hudi.common.model.HoodieKey;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.model.HoodieTableType;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.config.HoodieIndexConfig;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;
import org.apache.hudi.index.HoodieIndex;
import org.apache.hudi.storage.StorageConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionRequest;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Real Hudi tables written with the Hudi Java client on a temp dir, registered in Glue (moto), their partitions read
 * back; then more commits and an incremental sync that touches only the partitions those commits wrote.
 */
@ExtendWith(AwsEmulatorExtension.class)
class HudiSyncTest {

  private static final Schema V1 = SchemaBuilder.record("order").namespace("io.lakesmith.test").fields()
      .requiredString("id").optionalDouble("amount").requiredLong("ts").requiredString("dt").endRecord();
  private static final Schema V2 = SchemaBuilder.record("order").namespace("io.lakesmith.test").fields()
      .requiredString("id").optionalDouble("amount").requiredLong("ts").requiredString("dt").optionalString("status")
      .endRecord();

  @TempDir
  Path dir;

  /** A small Hudi table and a writer for it, with the settings the shared field guide gives for 1.2.x. */
  private static final class HudiWriter implements AutoCloseable {
    private final String basePath;
    private final StorageConfiguration<Configuration> conf = HadoopFSUtils.getStorageConf(new Configuration());
    private HoodieJavaWriteClient<HoodieAvroPayload> client;
    private Schema schema;

    HudiWriter(Path path, HoodieTableType type) throws Exception {
      this.basePath = path.toUri().toString();
      HoodieTableMetaClient.newTableBuilder().setTableType(type).setTableName("orders").setRecordKeyFields("id")
          .setPartitionFields("dt").setOrderingFields("ts").setHiveStylePartitioningEnable(true)
          .setKeyGeneratorClassProp("org.apache.hudi.keygen.SimpleKeyGenerator").initTable(conf, basePath);
      schema(V1);
    }

    void schema(Schema s) {
      if (client != null) {
        client.close();
      }
      this.schema = s;
      Properties props = new Properties();
      props.setProperty("hoodie.datasource.write.recordkey.field", "id");
      props.setProperty("hoodie.datasource.write.partitionpath.field", "dt");
      props.setProperty("hoodie.datasource.write.hive_style_partitioning", "true");
      props.setProperty("hoodie.write.markers.type", "DIRECT");
      props.setProperty("hoodie.parquet.compression.codec", "snappy");
      props.setProperty("hoodie.parquet.small.file.limit", "0");
      HoodieWriteConfig cfg = HoodieWriteConfig.newBuilder().withPath(basePath).withSchema(s.toString()).forTable("orders")
          .withEmbeddedTimelineServerEnabled(false)
          .withIndexConfig(HoodieIndexConfig.newBuilder().withIndexType(HoodieIndex.IndexType.INMEMORY).build())
          .withMetadataConfig(HoodieMetadataConfig.newBuilder().enable(false).build())
          .withProps(props).build();
      client = new HoodieJavaWriteClient<>(new HoodieJavaEngineContext(conf), cfg);
    }

    /** Upserts one row per (id, dt) pair and commits; returns the instant time. */
    String upsert(String... idAndDt) {
      List<HoodieRecord<HoodieAvroPayload>> records = new ArrayList<>();
      for (int i = 0; i < idAndDt.length; i += 2) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", idAndDt[i]);
        r.put("amount", 1.5 * i);
        long ts = System.currentTimeMillis();
        r.put("ts", ts);
        r.put("dt", idAndDt[i + 1]);
        records.add(new HoodieAvroRecord<>(new HoodieKey(idAndDt[i], "dt=" + idAndDt[i + 1]),
            new HoodieAvroPayload(r, ts)));
      }
      String instant = client.startCommit();
      List<WriteStatus> statuses = client.upsert(records, instant);
      client.commit(instant, statuses);
      return instant;
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private static TableSpec spec(String db, Path base, TableType type) {
    return TableSpec.builder().database(db).table("orders").recordKey("id").partitionBy("dt").type(type)
        .basePath(base.toString()).build();
  }

  private static Map<List<String>, String> partitionsOf(String db, String table) {
    return TestCatalogs.partitions(db, table).stream()
        .collect(Collectors.toMap(Partition::values, p -> p.storageDescriptor().location()));
  }

  @Test
  void copyOnWriteTableRegisteredThenSyncedIncrementally() throws Exception {
    Path base = dir.resolve("orders_cow");
    GlueRecorder rec = new GlueRecorder();
    try (HudiWriter writer = new HudiWriter(base, HoodieTableType.COPY_ON_WRITE);
        GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      String c1 = writer.upsert("o1", "2024-01-01", "o2", "2024-01-02", "o3", "2024-01-02");

      SyncResult first = catalog.syncHudiTable(spec("shop", base, TableType.COPY_ON_WRITE)).execute();
      assertThat(first.mode()).isEqualTo(SyncResult.Mode.FULL);
      assertThat(first.tables()).containsExactly(Map.entry("shop.orders", SyncResult.TableOutcome.CREATED));
      assertThat(first.partitionsAdded()).isEqualTo(2);
      assertThat(first.lastSyncedCommit()).contains(c1);
      String loc = "file:" + base.toAbsolutePath();
      assertThat(partitionsOf("shop", "orders")).containsOnly(
          Map.entry(List.of("2024-01-01"), loc + "/dt=2024-01-01"), Map.entry(List.of("2024-01-02"), loc + "/dt=2024-01-02"));
      Table t = TestCatalogs.table("shop", "orders");
      assertThat(TestCatalogs.columnNames(t)).containsExactly("_hoodie_commit_time", "_hoodie_commit_seqno",
          "_hoodie_record_key", "_hoodie_partition_path", "_hoodie_file_name", "id", "amount", "ts");
      assertThat(t.storageDescriptor().columns()).extracting(c -> c.type())
          .containsExactly("string", "string", "string", "string", "string", "string", "double", "bigint");
      assertThat(t.partitionKeys()).extracting(c -> c.name() + " " + c.type()).containsExactly("dt string");
      assertThat(t.storageDescriptor().location()).isEqualTo(loc);
      assertThat(t.storageDescriptor().serdeInfo().parameters()).containsEntry("path", loc);
      assertThat(t.parameters()).containsEntry("last_commit_time_sync", c1).containsKey("last_commit_completion_time_sync")
          .containsEntry("spark.sql.sources.schema.partCol.0", "dt");

      // nothing new: only reads, no new table version
      int versions = TestCatalogs.versions("shop", "orders");
      rec.reset();
      SyncResult idle = catalog.syncHudiTable(spec("shop", base, TableType.COPY_ON_WRITE)).execute();
      assertThat(idle.mode()).isEqualTo(SyncResult.Mode.UP_TO_DATE);
      assertThat(idle.writeCalls()).isZero();
      assertThat(rec.writeCalls()).isZero();
      assertThat(rec.calls("GetPartitions")).isEmpty();
      assertThat(TestCatalogs.versions("shop", "orders")).isEqualTo(versions);

      // two more commits: one updates 2024-01-02, the other writes the new 2024-01-03 and adds a column
      writer.upsert("o3", "2024-01-02");
      writer.schema(V2);
      String c3 = writer.upsert("o4", "2024-01-03");
      rec.reset();
      SyncResult inc = catalog.syncHudiTable(spec("shop", base, TableType.COPY_ON_WRITE)).execute();
      assertThat(inc.mode()).isEqualTo(SyncResult.Mode.INCREMENTAL);
      assertThat(inc.lastSyncedCommit()).contains(c3);
      assertThat(inc.partitionsAdded()).isEqualTo(1);
      assertThat(inc.partitionsUpdated()).isZero();
      assertThat(inc.partitionsDropped()).isZero();
      assertThat(inc.report().counter("commitsSynced")).isEqualTo(2);
      assertThat(rec.calls("GetPartitions")).isEmpty();
      assertThat(rec.calls("BatchGetPartition")).hasSize(1).allSatisfy(c -> assertThat(
          ((BatchGetPartitionRequest) c.request).partitionsToGet()).extracting(v -> v.values())
          .containsExactlyInAnyOrder(List.of("2024-01-02"), List.of("2024-01-03")));
      assertThat(rec.calls("BatchCreatePartition")).hasSize(1).allSatisfy(c -> assertThat(
          ((BatchCreatePartitionRequest) c.request).partitionInputList()).extracting(p -> p.values())
          .containsExactly(List.of("2024-01-03")));
      assertThat(inc.schemaChanges()).extracting(SchemaChange::toString).containsExactly("shop.orders.status ADDED string");
      assertThat(TestCatalogs.columnNames(TestCatalogs.table("shop", "orders"))).endsWith("ts", "status");
      assertThat(partitionsOf("shop", "orders")).hasSize(3).containsEntry(List.of("2024-01-03"), loc + "/dt=2024-01-03");
      assertThat(TestCatalogs.table("shop", "orders").parameters()).containsEntry("last_commit_time_sync", c3);

      // the recorded commit is no longer on the active timeline (archived, rolled back): full diff, drops strays
      GlueClient raw = TestCatalogs.glue();
      setParameter(raw, "shop", "orders", "last_commit_time_sync", "19990101000000000");
      raw.createPartition(r -> r.databaseName("shop").tableName("orders").partitionInput(p -> p.values("1999-12-31")
          .storageDescriptor(s -> s.location(loc + "/dt=1999-12-31"))));
      rec.reset();
      SyncResult full = catalog.syncHudiTable(spec("shop", base, TableType.COPY_ON_WRITE)).execute();
      assertThat(full.mode()).isEqualTo(SyncResult.Mode.FULL);
      assertThat(full.partitionsDropped()).isEqualTo(1);
      assertThat(full.partitionsAdded()).isZero();
      assertThat(rec.calls("GetPartitions")).isNotEmpty();
      assertThat(partitionsOf("shop", "orders")).hasSize(3).doesNotContainKey(List.of("1999-12-31"));
      assertThat(TestCatalogs.table("shop", "orders").parameters()).containsEntry("last_commit_time_sync", c3);
    }
  }

  @Test
  void mergeOnReadTableGetsReadOptimizedAndRealtimeTablesWithPartitions() throws Exception {
    Path base = dir.resolve("orders_mor");
    try (HudiWriter writer = new HudiWriter(base, HoodieTableType.MERGE_ON_READ);
        GlueCatalog catalog = TestCatalogs.catalog(new GlueRecorder())) {
      String c1 = writer.upsert("o1", "2024-02-01", "o2", "2024-02-02");
      SyncResult r = catalog.syncHudiTable(spec("mor", base, TableType.MERGE_ON_READ)).execute();
      assertThat(r.tables()).containsOnlyKeys("mor.orders_ro", "mor.orders_rt");
      assertThat(r.partitionsAdded()).isEqualTo(4);
      for (String name : List.of("orders_ro", "orders_rt")) {
        assertThat(partitionsOf("mor", name)).containsOnlyKeys(List.of("2024-02-01"), List.of("2024-02-02"));
        assertThat(TestCatalogs.table("mor", name).parameters()).containsEntry("last_commit_time_sync", c1);
      }
      assertThat(TestCatalogs.table("mor", "orders_ro").storageDescriptor().inputFormat())
          .isEqualTo("org.apache.hudi.hadoop.HoodieParquetInputFormat");
      assertThat(TestCatalogs.table("mor", "orders_rt").storageDescriptor().inputFormat())
          .isEqualTo("org.apache.hudi.hadoop.realtime.HoodieParquetRealtimeInputFormat");
      assertThat(TestCatalogs.table("mor", "orders_ro").storageDescriptor().serdeInfo().parameters())
          .containsEntry("hoodie.query.as.ro.table", "true");

      String c2 = writer.upsert("o1", "2024-02-01", "o3", "2024-02-03");
      SyncResult inc = catalog.syncHudiTable(spec("mor", base, TableType.MERGE_ON_READ)).execute();
      assertThat(inc.mode()).isEqualTo(SyncResult.Mode.INCREMENTAL);
      assertThat(inc.partitionsAdded()).isEqualTo(2); // 2024-02-03 in _ro and _rt
      assertThat(partitionsOf("mor", "orders_rt")).hasSize(3);
      assertThat(TestCatalogs.table("mor", "orders_rt").parameters()).containsEntry("last_commit_time_sync", c2);
      assertThat(catalog.syncHudiTable(spec("mor", base, TableType.MERGE_ON_READ)).execute().writeCalls()).isZero();
    }
  }

  private static void setParameter(GlueClient raw, String db, String table, String key, String value) {
    Table t = raw.getTable(r -> r.databaseName(db).name(table)).table();
    Map<String, String> params = new HashMap<>(t.parameters());
    params.put(key, value);
    raw.updateTable(r -> r.databaseName(db).tableInput(TableInput.builder().name(t.name()).tableType(t.tableType())
        .storageDescriptor(t.storageDescriptor()).partitionKeys(t.partitionKeys()).parameters(params).build()));
  }
}

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

import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

/**
 * Faults moto does not produce, injected by {@link GlueRecorder}: throttling and 5xx before a request is sent,
 * throttling answers to requests that were executed, and a concurrent writer racing our UpdateTable under an
 * enforced VersionId lock. Also: VersionId, SkipArchive and the catalog id are on the wire.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ResilienceTest {

  @TempDir
  Path dir;

  private TableDefinition.Builder definition(String name, Path root, int partitions) {
    for (int i = 0; i < partitions; i++) {
      TestCatalogs.touch(root.resolve("day=" + (1000 + i) + "/f.parquet"));
    }
    return TableDefinition.builder().database("faults").name(name).kind(TableKind.PARQUET).location(root.toString())
        .column("id", "bigint").partitionKey("day", "int");
  }

  @Test
  void throttlingAndServerErrorsBeforeSendingAreRetried() {
    GlueRecorder rec = new GlueRecorder()
        .failBeforeSending("GetTable", 2, 400)
        .failBeforeSending("CreateTable", 1, 500)
        .failBeforeSending("BatchCreatePartition", 3, 400);
    try (GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      SyncResult r = catalog.registerTable(definition("throttled", dir.resolve("t"), 150).build()).execute();
      assertThat(rec.injectedFaults()).isEqualTo(6);
      assertThat(r.partitionsAdded()).isEqualTo(150);
      assertThat(r.calls("BatchCreatePartition")).isEqualTo(2);
      assertThat(r.attempts().get("BatchCreatePartition")).isEqualTo(5L);
      assertThat(r.attempts().get("GetTable")).isEqualTo(r.calls("GetTable") + 2);
      assertThat(r.attempts().get("CreateTable")).isEqualTo(2L);
      assertThat(r.report().counter("glueAttempts.BatchCreatePartition")).isEqualTo(5);
      assertThat(TestCatalogs.partitions("faults", "throttled")).hasSize(150);
    }
  }

  @Test
  void executedRequestsWhoseAnswerWasLostAreReconciled() {
    GlueRecorder rec = new GlueRecorder().loseResponses("BatchCreatePartition", 1);
    Path root = dir.resolve("lost");
    try (GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      // the first batch of 100 is created by the server, its answer replaced by ThrottlingException: the retry then
      // reports AlreadyExists for all 100, which the catalog turns into (harmless) updates
      SyncResult r = catalog.registerTable(definition("lost", root, 150).build()).execute();
      assertThat(rec.injectedFaults()).isEqualTo(1);
      assertThat(r.partitionsAdded()).isEqualTo(50);
      assertThat(r.partitionsUpdated()).isEqualTo(100);
      List<Partition> ps = TestCatalogs.partitions("faults", "lost");
      assertThat(ps).hasSize(150);
      assertThat(ps).allSatisfy(p -> assertThat(p.storageDescriptor().location())
          .isEqualTo("file:" + root.toAbsolutePath() + "/day=" + p.values().get(0)));

      rec.loseResponses("BatchDeletePartition", 1);
      for (int i = 0; i < 30; i++) {
        deleteTree(root.resolve("day=" + (1000 + i)));
      }
      SyncResult d = catalog.registerTable(definition("lost", root, 0).build()).execute();
      assertThat(d.partitionsDropped()).isEqualTo(30);
      assertThat(TestCatalogs.partitions("faults", "lost")).hasSize(120);
    }
  }

  @Test
  void concurrentModificationIsReappliedOnTopOfTheOtherWriter() {
    GlueClient raw = TestCatalogs.glue();
    GlueRecorder rec = new GlueRecorder().enforceVersionIds(raw);
    Path root = dir.resolve("raced");
    try (GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      catalog.registerTable(definition("raced", root, 3).build()).execute();
      rec.reset();
      rec.beforeNextUpdate(() -> otherWriterSets(raw, "raced", "owner_team", "payments"));
      SyncResult r = catalog.registerTable(definition("raced", root, 3).column("amount", "decimal(12,2)").build()).execute();

      assertThat(rec.concurrentModifications()).isEqualTo(1);
      List<UpdateTableRequest> updates = rec.calls("UpdateTable").stream().map(c -> (UpdateTableRequest) c.request)
          .collect(Collectors.toList());
      assertThat(updates).hasSize(2);
      assertThat(updates.get(0).versionId()).isNotEqualTo(updates.get(1).versionId());
      Table t = TestCatalogs.table("faults", "raced");
      assertThat(t.parameters()).containsEntry("owner_team", "payments");
      assertThat(TestCatalogs.columnNames(t)).containsExactly("id", "amount");
      assertThat(r.tables()).containsEntry("faults.raced", SyncResult.TableOutcome.UPDATED);
      assertThat(r.schemaChanges()).extracting(SchemaChange::column).containsExactly("amount");
    }
  }

  @Test
  void updatesCarryVersionIdSkipArchiveAndEveryCallTheCatalogId() {
    GlueClient raw = TestCatalogs.glue();
    GlueRecorder rec = new GlueRecorder().enforceVersionIds(raw);
    Path root = dir.resolve("versioned");
    try (GlueCatalog catalog = TestCatalogs.catalog(rec)) {
      catalog.registerTable(definition("versioned", root, 2).build()).execute();
      String before = TestCatalogs.table("faults", "versioned").versionId();
      catalog.registerTable(definition("versioned", root, 2).column("note", "string").build()).execute();
      List<UpdateTableRequest> updates = rec.calls("UpdateTable").stream().map(c -> (UpdateTableRequest) c.request)
          .collect(Collectors.toList());
      assertThat(updates).hasSize(1);
      assertThat(updates.get(0).versionId()).isEqualTo(before);
      assertThat(updates.get(0).skipArchive()).isTrue();
      assertThat(rec.concurrentModifications()).isZero();
      assertThat(rec.calls()).isNotEmpty().allSatisfy(c ->
          assertThat(c.request.getValueForField("CatalogId", String.class)).contains(TestCatalogs.ACCOUNT));
    }
    GlueRecorder rec2 = new GlueRecorder();
    try (GlueCatalog archiving = TestCatalogs.builder(rec2).skipArchive(false).build()) {
      archiving.registerTable(definition("versioned", root, 2).column("note", "string").column("more", "int").build())
          .execute();
      assertThat(rec2.calls("UpdateTable")).hasSize(1)
          .allSatisfy(c -> assertThat(((UpdateTableRequest) c.request).skipArchive()).isFalse());
    }
  }

  static void otherWriterSets(GlueClient raw, String table, String key, String value) {
    Table t = raw.getTable(r -> r.databaseName("faults").name(table)).table();
    Map<String, String> params = new HashMap<>(t.parameters());
    params.put(key, value);
    raw.updateTable(r -> r.databaseName("faults").tableInput(TableInput.builder().name(t.name()).tableType(t.tableType())
        .storageDescriptor(t.storageDescriptor()).partitionKeys(t.partitionKeys()).parameters(params).build()));
  }

  private static void deleteTree(Path p) {
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
        java.nio.file.Files.delete(x);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

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

import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.hudi.HudiWriteOptions;
import static io.lakesmith.core.internal.hudi.HudiTestTables.contents;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.common.util.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HudiCopyOnWriteTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();
  private static final HudiWriteOptions OPTIONS = HudiWriteOptions.builder().orderingField("seq").build();

  @TempDir
  Path dir;

  @Test
  void insertUpsertDeleteAndReadBack() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)), Map.of());
      table.upsert(List.of(row(2, "bob2", "us", 2), row(4, "dan", "us", 1)), Map.of());
      table.upsert(List.of(HudiTestTables.delete(table, 3, "eu", 2)), Map.of());

      List<GenericRecord> rows = table.newReader().withoutMetaColumns().read();
      assertThat(contents(rows)).containsExactly(
          Map.entry(1L, "ann/eu/1"), Map.entry(2L, "bob2/us/2"), Map.entry(4L, "dan/us/1"));
      assertThat(rows.get(0).getSchema().getFields()).extracting(f -> f.name())
          .containsExactly("id", "name", "region", "seq");

      List<GenericRecord> withMeta = table.newReader().read();
      assertThat(withMeta).allSatisfy(r -> {
        assertThat(r.get("_hoodie_record_key").toString()).isEqualTo(r.get("id").toString());
        assertThat(r.get("_hoodie_partition_path").toString()).isEqualTo("region=" + r.get("region"));
      });
      assertThat(table.commits()).hasSize(3);
    }
  }

  @Test
  void lowLevelWriteClientWithManualCommitAndTimeTravelRead() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      HudiCommit first = table.insert(List.of(row(1, "ann", "eu", 1)), Map.of());
      HoodieJavaWriteClient<IndexedRecord> client = table.writeClient(HudiTestTables.SCHEMA);
      String instant = client.startCommit();
      List<WriteStatus> statuses = client.upsert(List.of(table.toHoodieRecord(row(1, "ann2", "eu", 2)),
          table.toHoodieRecord(row(2, "bob", "us", 1))), instant);
      assertThat(statuses).noneMatch(WriteStatus::hasErrors);
      assertThat(client.commit(instant, statuses, Option.of(Map.of("lakesmith.checkpoint", "f2")))).isTrue();

      assertThat(table.latestCommit().orElseThrow().instantTime()).isEqualTo(instant);
      assertThat(table.latestCommit().orElseThrow().extraMetadata()).containsEntry("lakesmith.checkpoint", "f2");
      assertThat(contents(table.newReader().read())).containsExactly(
          Map.entry(1L, "ann2/eu/2"), Map.entry(2L, "bob/us/1"));
      assertThat(contents(table.newReader().asOfInstant(first.instantTime()).read()))
          .containsExactly(Map.entry(1L, "ann/eu/1"));
    }
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void uncommittedWriteIsInvisibleAndRolledBackByTheNextWrite(TableType type) {
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    String crashed;
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1)), Map.of("lakesmith.checkpoint", "f1"));
      // a writer that dies between write and commit
      HoodieJavaWriteClient<IndexedRecord> client = table.writeClient();
      crashed = client.startCommit();
      client.upsert(List.of(table.toHoodieRecord(row(1, "lost", "eu", 2)), table.toHoodieRecord(row(2, "x", "eu", 1))),
          crashed);
    }
    try (HudiTable table = HudiTables.open(spec, OPTIONS, LOCAL)) {
      assertThat(contents(table.newReader().read())).containsExactly(Map.entry(1L, "ann/eu/1"));
      assertThat(table.latestCommit().orElseThrow().extraMetadata()).containsEntry("lakesmith.checkpoint", "f1");
      HudiCommit next = table.upsert(List.of(row(3, "cid", "eu", 1)), Map.of("lakesmith.checkpoint", "f2"));
      assertThat(table.commits()).extracting(HudiCommit::instantTime).doesNotContain(crashed)
          .endsWith(next.instantTime());
      assertThat(contents(table.newReader().read())).containsExactly(
          Map.entry(1L, "ann/eu/1"), Map.entry(3L, "cid/eu/1"));
    }
  }

  @Test
  void commitTimeOrderingLetsTheLastWriteWinAndDeletesUnconditionally() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    HudiWriteOptions commitTime = HudiWriteOptions.builder()
        .mergeMode(HudiWriteOptions.MergeMode.COMMIT_TIME_ORDERING).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, commitTime, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 5), row(2, "bob", "eu", 5)), Map.of());
      table.upsert(List.of(row(1, "older-but-last", "eu", 1), HudiTestTables.delete(table, 2, "eu", 0)), Map.of());
      assertThat(contents(table.newReader().read())).containsExactly(Map.entry(1L, "older-but-last/eu/1"));
    }
  }

  @Test
  void reopenExistingTable() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1)), Map.of());
    }
    assertThat(HudiTables.exists(spec.basePath(), LOCAL)).isTrue();
    try (HudiTable table = HudiTables.open(spec, OPTIONS, LOCAL)) {
      assertThat(table.schema().getField(HudiSchemas.IS_DELETED)).isNotNull();
      table.upsert(List.of(row(1, "ann2", "eu", 2)), Map.of());
      assertThat(contents(table.newReader().read())).containsExactly(Map.entry(1L, "ann2/eu/2"));
      assertThat(table.commits()).hasSize(2);
    }
  }

  @Test
  void reopenWithMismatchingSpecNamesTheMismatch() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1)), Map.of());
    }
    TableSpec otherType = spec.toBuilder().type(TableType.MERGE_ON_READ).build();
    assertThatThrownBy(() -> HudiTables.open(otherType, OPTIONS, LOCAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table type is COPY_ON_WRITE, spec says MERGE_ON_READ");
    TableSpec otherKeys = spec.toBuilder().recordKey("id", "name").partitionBy().build();
    assertThatThrownBy(() -> HudiTables.createOrOpen(otherKeys, null, OPTIONS, LOCAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("record key is [id], spec says [id, name]")
        .hasMessageContaining("partition columns are [region], spec says []");
    HudiWriteOptions commitTime = HudiWriteOptions.builder()
        .mergeMode(HudiWriteOptions.MergeMode.COMMIT_TIME_ORDERING).build();
    assertThatThrownBy(() -> HudiTables.open(spec, commitTime, LOCAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("merge mode is EVENT_TIME_ORDERING, options say COMMIT_TIME_ORDERING");
  }

  @Test
  void commitExtraMetadataRoundTrip() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE);
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      HudiCommit first = table.insert(List.of(row(1, "ann", "eu", 1)),
          Map.of("lakesmith.checkpoint", "LOAD00000001.csv", "lakesmith.rows", "1"));
      HudiCommit second = table.upsert(List.of(), Map.of("lakesmith.checkpoint", "20240101-000000000.csv"));
      assertThat(first.extraMetadata()).containsExactlyInAnyOrderEntriesOf(
          Map.of("lakesmith.checkpoint", "LOAD00000001.csv", "lakesmith.rows", "1"));
      assertThat(table.commits()).extracting(HudiCommit::instantTime)
          .containsExactly(first.instantTime(), second.instantTime());
      assertThat(table.latestCommit().orElseThrow().extraMetadata())
          .containsExactly(Map.entry("lakesmith.checkpoint", "20240101-000000000.csv"));
    }
    try (HudiTable reopened = HudiTables.open(spec, OPTIONS, LOCAL)) {
      assertThat(reopened.commits()).extracting(c -> c.extraMetadata().get("lakesmith.checkpoint"))
          .containsExactly("LOAD00000001.csv", "20240101-000000000.csv");
      assertThat(reopened.commits().get(0).recordsWritten()).isEqualTo(1);
    }
    assertThatThrownBy(() -> {
      try (HudiTable t = HudiTables.open(spec, OPTIONS, LOCAL)) {
        t.upsert(List.of(), Map.of("schema", "x"));
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
  }

  @Test
  void insertPathsRejectDeletes() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    try (HudiTable table = HudiTables.createOrOpen(spec, null, OPTIONS, LOCAL)) {
      assertThatThrownBy(() -> table.bulkInsert(List.of(HudiTestTables.delete(table, 1, "eu", 1)), Map.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BULK_INSERT cannot apply deletes");
      assertThat(table.commits()).isEmpty();
    }
  }
}

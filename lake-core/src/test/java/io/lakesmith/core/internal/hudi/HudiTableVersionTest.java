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
import io.lakesmith.core.hudi.TableVersion;
import static io.lakesmith.core.internal.hudi.HudiTestTables.contents;
import static io.lakesmith.core.internal.hudi.HudiTestTables.delete;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables are created at the requested Hudi table version (6 by default) and every later write keeps the table's
 * own version: never an upgrade, never a downgrade.
 */
class HudiTableVersionTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TableType.class)
  void version6ByDefaultWithWhatZeroFifteenReadersNeed(TableType type) throws IOException {
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq")
        .indexType(HudiWriteOptions.IndexType.GLOBAL_SIMPLE).build();
    assertThat(options.tableVersion()).isEqualTo(TableVersion.V6);
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      Properties created = props(spec);
      assertThat(created.getProperty("hoodie.table.version")).isEqualTo("6");
      assertThat(created.getProperty("hoodie.timeline.layout.version")).isEqualTo("1");
      // what a Hudi 0.14/0.15 reader merges merge-on-read logs with: highest seq wins, _hoodie_is_deleted deletes
      assertThat(created.getProperty("hoodie.compaction.payload.class"))
          .isEqualTo("org.apache.hudi.common.model.DefaultHoodieRecordPayload");
      assertThat(created.getProperty("hoodie.table.precombine.field")).isEqualTo("seq");
      assertThat(created.getProperty("hoodie.table.keygenerator.class"))
          .isEqualTo("org.apache.hudi.keygen.SimpleKeyGenerator");
      assertThat(created.getProperty("hoodie.table.type")).isEqualTo(type.name());

      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)), Map.of("k", "1"));
      table.upsert(List.of(row(1, "ann2", "us", 2), delete(table, 2, "us", 2), row(3, "old", "eu", 0),
          row(4, "dan", "eu", 1)), Map.of("k", "2"));
      assertThat(contents(table.newReader().read())).containsExactly(
          Map.entry(1L, "ann2/us/2"), Map.entry(3L, "cid/eu/1"), Map.entry(4L, "dan/eu/1"));
      assertThat(table.latestCommit().orElseThrow().extraMetadata()).containsEntry("k", "2");
      if (type == TableType.MERGE_ON_READ) {
        table.compact().orElseThrow();
        assertThat(contents(table.newReader().read())).containsExactly(
            Map.entry(1L, "ann2/us/2"), Map.entry(3L, "cid/eu/1"), Map.entry(4L, "dan/eu/1"));
      }
    }
    assertThat(props(spec).getProperty("hoodie.table.version")).isEqualTo("6");
    // version-6 timeline layout: instants directly under .hoodie, no metadata table
    assertThat(Path.of(spec.basePath(), ".hoodie", "metadata")).doesNotExist();
    try (var s = Files.list(Path.of(spec.basePath(), ".hoodie"))) {
      assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".commit") || n.endsWith(".deltacommit"));
    }

    // asking for another version does not upgrade an existing table
    try (HudiTable table = HudiTables.open(spec, options.toBuilder().tableVersion(TableVersion.V9).build(), LOCAL)) {
      assertThat(table.options().tableVersion()).isEqualTo(TableVersion.V6);
      table.upsert(List.of(row(3, "cid2", "us", 5)), Map.of());
      assertThat(contents(table.newReader().read())).containsEntry(3L, "cid2/us/5").hasSize(3);
    }
    assertThat(props(spec).getProperty("hoodie.table.version")).isEqualTo("6");
  }

  @Test
  void versions8And9OnRequestAndNeverDowngraded() throws IOException {
    for (TableVersion v : List.of(TableVersion.V8, TableVersion.V9)) {
      TableSpec spec = HudiTestTables.spec(dir.resolve("v" + v.code()), TableType.MERGE_ON_READ, "region");
      HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").tableVersion(v).build();
      try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
        table.insert(List.of(row(1, "ann", "eu", 1)), Map.of());
        table.upsert(List.of(row(1, "ann2", "eu", 2)), Map.of());
      }
      Properties p = props(spec);
      assertThat(p.getProperty("hoodie.table.version")).as("%s", v).isEqualTo(Integer.toString(v.code()));
      // Hudi 1.0 readers (version 8) know the ordering field as the precombine field only
      assertThat(p.getProperty("hoodie.table.precombine.field")).as("%s", v)
          .isEqualTo(v == TableVersion.V8 ? "seq" : null);
      try (HudiTable table = HudiTables.open(spec, HudiWriteOptions.builder().orderingField("seq").build(), LOCAL)) {
        assertThat(table.options().tableVersion()).isEqualTo(v);
        table.upsert(List.of(row(1, "ann3", "eu", 3)), Map.of());
        assertThat(contents(table.newReader().read())).containsExactly(Map.entry(1L, "ann3/eu/3"));
      }
      assertThat(props(spec).getProperty("hoodie.table.version")).as("%s", v).isEqualTo(Integer.toString(v.code()));
    }
  }

  @Test
  void tableVersionParsesHudiNumbers() {
    assertThat(TableVersion.of(6)).isEqualTo(TableVersion.V6);
    assertThat(TableVersion.of(9).code()).isEqualTo(9);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableVersion.of(7))
        .hasMessageContaining("unsupported Hudi table version 7");
  }

  static Properties props(TableSpec spec) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(spec.basePath(), ".hoodie", "hoodie.properties"))) {
      p.load(r);
    }
    return p;
  }
}

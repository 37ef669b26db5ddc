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
import static io.lakesmith.core.internal.hudi.HudiTestTables.delete;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HudiMergeOnReadTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();

  @TempDir
  Path dir;

  @Test
  void updatesLandInLogFilesAndCompactionKeepsTheSnapshot() throws IOException {
    TableSpec spec = HudiTestTables.spec(dir, TableType.MERGE_ON_READ, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)), Map.of());
      assertThat(files(spec, ".log.")).isEmpty();
      table.upsert(List.of(row(1, "ann2", "eu", 2), delete(table, 2, "us", 2), row(4, "dan", "eu", 1)), Map.of());

      assertThat(files(spec, ".log.")).isNotEmpty();
      assertThat(table.latestCommit().orElseThrow().action()).isEqualTo("deltacommit");
      Map<Long, String> merged = contents(table.newReader().read());
      assertThat(merged).containsExactly(
          Map.entry(1L, "ann2/eu/2"), Map.entry(3L, "cid/eu/1"), Map.entry(4L, "dan/eu/1"));

      String compaction = table.compact().orElseThrow();
      assertThat(table.latestCommit().orElseThrow().instantTime()).isEqualTo(compaction);
      assertThat(table.latestCommit().orElseThrow().action()).isEqualTo("commit");
      assertThat(contents(table.newReader().read())).isEqualTo(merged);
      // nothing left to compact
      assertThat(table.compact()).isEmpty();
    }
  }

  /**
   * Regression for a lost update in Hudi 1.2's Java MOR writer: with a small-file limit > 0 an insert routed to a
   * small file group rewrote its base file without the updates in its log files. Lakesmith forces the limit to 0
   * on MOR tables, even when asked otherwise.
   */
  @Test
  void insertsNextToLoggedUpdatesDoNotLoseThem() throws IOException {
    TableSpec spec = HudiTestTables.spec(dir, TableType.MERGE_ON_READ, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq")
        .smallFileLimitBytes(HudiWriteOptions.DEFAULT_SMALL_FILE_LIMIT)
        .extraOptions(Map.of("hoodie.parquet.small.file.limit", "104857600")).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "eu", 1)), Map.of());
      table.upsert(List.of(row(1, "ann2", "eu", 2)), Map.of());
      assertThat(files(spec, ".log.")).isNotEmpty();
      table.upsert(List.of(row(2, "bob2", "eu", 2), row(3, "cid", "eu", 1)), Map.of());
      assertThat(contents(table.newReader().read())).containsExactly(
          Map.entry(1L, "ann2/eu/2"), Map.entry(2L, "bob2/eu/2"), Map.entry(3L, "cid/eu/1"));
      table.compact().orElseThrow();
      assertThat(contents(table.newReader().read())).containsExactly(
          Map.entry(1L, "ann2/eu/2"), Map.entry(2L, "bob2/eu/2"), Map.entry(3L, "cid/eu/1"));
    }
  }

  private static List<Path> files(TableSpec spec, String contains) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(spec.basePath()))) {
      return s.filter(p -> !p.toString().contains("/.hoodie"))
          .filter(p -> p.getFileName().toString().contains(contains)).toList();
    }
  }
}

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

import static io.lakesmith.core.internal.hudi.HudiTestTables.contents;
import static io.lakesmith.core.internal.hudi.HudiTestTables.delete;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.IndependentReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.hudi.config.HoodieWriteConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upserts whose file groups are written in parallel ({@link FileGroupWrites}) give the same table as the same upserts
 * written one file group after another, read back with Lakesmith's reader and with hudi-rs.
 */
class FileGroupWritesTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();
  private static final String[] REGIONS = {"eu", "us", "ap", "sa", "af"};

  @TempDir
  Path sequentialDir;
  @TempDir
  Path parallelDir;

  @ParameterizedTest
  @EnumSource(TableType.class)
  void parallelUpsertOfManyFileGroupsGivesTheSequentialTable(TableType type) {
    Map<Long, String> expected = new TreeMap<>();
    long pooledBefore = FileGroupWrites.pooledWrites();
    Map<Long, String> sequential = write(sequentialDir, type, 1, expected);
    assertThat(FileGroupWrites.pooledWrites()).as("parallelism 1 writes in the calling thread")
        .isEqualTo(pooledBefore);
    long estimatesBefore = RecordSizeEstimator.estimates();

    Map<Long, String> parallel = write(parallelDir, type, 4, new TreeMap<>());

    // every upsert touched 4 or 5 file groups (one per region, new regions as inserts)
    assertThat(FileGroupWrites.pooledWrites() - pooledBefore).isGreaterThanOrEqualTo(2 * 4);
    if (type == TableType.MERGE_ON_READ) {
      // log appends size records with Lakesmith's estimator (at least the first record of each file group's log)
      assertThat(RecordSizeEstimator.estimates() - estimatesBefore).isGreaterThanOrEqualTo(2 * 4);
    }
    assertThat(sequential).isEqualTo(expected);
    assertThat(parallel).isEqualTo(expected);

    String seqBase = sequentialDir.resolve("customers").toString();
    String parBase = parallelDir.resolve("customers").toString();
    Map<IndependentReaders.Read, IndependentReaders.Result> read = IndependentReaders.hudiRs().read(
        List.of(IndependentReaders.Read.snapshot(seqBase), IndependentReaders.Read.snapshot(parBase)));
    List<IndependentReaders.Result> results = new ArrayList<>(read.values());
    assertThat(results).noneMatch(IndependentReaders.Result::failed);
    assertThat(independent(results.get(0).rows())).isEqualTo(expected);
    assertThat(independent(results.get(1).rows())).isEqualTo(expected);
  }

  /** Loads 5 regions (4 partitions, one left for inserts), then upserts twice into all of them. */
  private static Map<Long, String> write(Path dir, TableType type, int parallelism, Map<Long, String> expected) {
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").fileGroupParallelism(parallelism)
        // without Hudi's fallback to its own handle, a handle Hudi cannot construct fails the write
        .extraOptions(Map.of(HoodieWriteConfig.MERGE_HANDLE_PERFORM_FALLBACK.key(), "false")).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      List<GenericRecord> load = new ArrayList<>();
      for (long id = 1; id <= 800; id++) {
        String region = REGIONS[(int) (id % 4)];
        load.add(row(id, "n" + id, region, 10));
        expected.put(id, "n" + id + "/" + region + "/10");
      }
      table.insert(load, Map.of());
      for (int round = 1; round <= 2; round++) {
        List<GenericRecord> changes = new ArrayList<>();
        for (long id = round; id <= 800; id += 3) {
          String region = REGIONS[(int) (id % 4)];
          if (id % 7 == 0) {
            changes.add(delete(table, id, region, 10 + round));
            expected.remove(id);
          } else if (id % 11 == 0) {
            changes.add(row(id, "late" + id, region, 1)); // older than the stored row: loses
          } else if (expected.containsKey(id)) {
            changes.add(row(id, "u" + round + "-" + id, region, 10 + round));
            expected.put(id, "u" + round + "-" + id + "/" + region + "/" + (10 + round));
          }
        }
        for (long id = 1000L * round; id < 1000L * round + 200; id++) {
          String region = REGIONS[(int) (id % 5)]; // "af" is a new partition
          changes.add(row(id, "i" + id, region, 5));
          expected.put(id, "i" + id + "/" + region + "/5");
        }
        table.upsert(changes, Map.of());
      }
      return contents(table.newReader().read());
    }
  }

  private static Map<Long, String> independent(List<Map<String, String>> rows) {
    Map<Long, String> m = new LinkedHashMap<>();
    for (Map<String, String> r : rows) {
      String previous = m.put(Long.parseLong(r.get("id")), r.get("name") + "/" + r.get("region") + "/" + r.get("seq"));
      assertThat(previous).as("duplicate id %s", r.get("id")).isNull();
    }
    return new TreeMap<>(m);
  }
}

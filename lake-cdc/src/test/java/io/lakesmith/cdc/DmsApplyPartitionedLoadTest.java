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

package io.lakesmith.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.IndependentReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned full load whose rows are not grouped by partition (the normal DMS case: LOAD files follow the
 * source's primary-key order) must write files sized by the file-size settings, not one file per run of rows. The
 * table reads back the same through Lakesmith's reader and through hudi-rs.
 */
class DmsApplyPartitionedLoadTest {

  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(TableType.class)
  void unsortedLoadAcross50PartitionsWritesAtMostTwoFilesPerPartition(TableType type) throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    Random random = new Random(7);
    int rows = 20_000;
    List<String> lines = new ArrayList<>(rows + 1);
    lines.add(Specs.HEADER);
    Map<String, Integer> perDept = new TreeMap<>();
    Map<String, Map<String, String>> expected = new TreeMap<>();
    for (int id = 1; id <= rows; id++) {
      String dept = "d" + random.nextInt(50);
      perDept.merge("DEPT=" + dept, 1, Integer::sum);
      lines.add(id + ",name-" + id + "," + (id % 1000) + ".25," + dept + ",2025-03-01 10:00:00.000000");
      expected.put(Integer.toString(id), Map.of("ID", Integer.toString(id), "NAME", "name-" + id,
          "AMT", (id % 1000) + ".25", "DEPT", dept, "TS", "2025-03-01 10:00:00.000000"));
    }
    dms.write("app/people/LOAD00000001.csv", lines.toArray(String[]::new));
    String base = tmp.resolve("lake/people").toString();

    ApplyResult result = Specs.apply(dms, Specs.partitioned(base, type)).execute();

    assertThat(result.succeeded()).as(result.report().toJson()).isTrue();
    assertThat(perDept).hasSize(50);
    Map<String, Long> filesPerPartition = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of(base))) {
      files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("/.hoodie/"))
          .forEach(p -> filesPerPartition.merge(p.getParent().getFileName().toString(), 1L, Long::sum));
    }
    assertThat(filesPerPartition).hasSize(50);
    assertThat(filesPerPartition.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
    assertThat(DmsFixture.read(base, "ID")).hasSize(rows);
    Map<String, Integer> readPerDept = new TreeMap<>();
    DmsFixture.read(base, "ID").values().forEach(r -> readPerDept.merge("DEPT=" + r.get("DEPT"), 1, Integer::sum));
    assertThat(readPerDept).isEqualTo(perDept);
    // and so does a reader that is not Lakesmith's (hudi-rs)
    List<Map<String, String>> independent = IndependentReaders.hudiRs().snapshot(base);
    assertThat(independent).hasSize(rows);
    assertThat(IndependentReaders.differences(expected, independent, "ID", List.of("ID", "NAME", "AMT", "DEPT", "TS")))
        .isEmpty();
  }
}

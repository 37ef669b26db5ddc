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

package io.lakesmith.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the benchmark main runnable: a tiny run end to end, with its own correctness check. */
class ApplyBenchmarkTest {

  @TempDir
  Path tmp;

  @Test
  void tinyRunAppliesVerifiesAndReports() throws Exception {
    Path results = tmp.resolve("results.csv");
    ApplyBenchmark.Result r = ApplyBenchmark.run("--load-rows", "2000", "--cdc-rows", "2000", "--cdc-files", "20",
        "--max-rows-per-commit", "1500", "--dir", tmp.resolve("work").toString(), "--results", results.toString(),
        "--label", "tiny", "--quiet");

    assertThat(r.fullLoad().commits()).isEqualTo(2); // 2,000 rows at 1,500 per commit
    assertThat(r.cdc().commits()).isEqualTo(2);
    assertThat(r.inserts() + r.updates() + r.deletes()).isEqualTo(2000);
    assertThat(r.deletes()).isPositive();
    assertThat(r.finalRows()).isEqualTo(2000 + r.inserts() - r.deletes());
    assertThat(r.verification().sampled()).isEqualTo(r.finalRows()); // small tables are compared in full
    assertThat(r.fullLoadRowsPerSecond()).isPositive();
    assertThat(r.cdcRowsPerSecond()).isPositive();
    assertThat(r.baselineRowsPerSecond()).isPositive();
    assertThat(r.fullLoad().heap().peakUsed()).isPositive();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo(ApplyBenchmark.CSV_HEADER);
    assertThat(lines.get(1)).startsWith("tiny,2000,2000,COPY_ON_WRITE,false,1500,SNAPPY,false,SIMPLE,");
    assertThat(tmp.resolve("work")).isEmptyDirectory(); // cleaned up without --keep
  }

  @Test
  void partitionedRunReportsFilesPerPartition() throws Exception {
    ApplyBenchmark.Result r = ApplyBenchmark.run("--load-rows", "4000", "--cdc-rows", "500", "--cdc-files", "5",
        "--partitioned", "--dir", tmp.resolve("work").toString(), "--quiet");

    assertThat(r.fullLoad().commits()).isEqualTo(1);
    assertThat(r.afterLoad().partitions()).isEqualTo(8);
    // rows arrive in key order, not region order: grouping must still give one file per partition for one commit
    assertThat(r.afterLoad().files()).isEqualTo(8);
    assertThat(r.afterLoad().bytes()).isPositive();
    assertThat(r.finalRows()).isEqualTo(4000 + r.inserts() - r.deletes());
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> ApplyBenchmark.run("--delete-pct", "50", "--update-pct", "60"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed 100");
    assertThatThrownBy(() -> ApplyBenchmark.run("--no-such-option", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option");
  }
}

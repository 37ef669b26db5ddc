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

package io.lakesmith.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.core.report.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {

  @TempDir
  Path tmp;

  @Test
  void quickstartAppliesTheSampleAndPrintsTheSummary() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ApplyResult result = Quickstart.run(tmp.resolve("qs"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(result.succeeded()).as(out).isTrue();
    RunReport t = result.table("hr.employees");
    assertThat(t.counter("rowsLoad")).isEqualTo(10);
    assertThat(t.counter("rowsInsert")).isEqualTo(3);
    assertThat(t.counter("rowsUpdate")).isEqualTo(6);
    assertThat(t.counter("rowsDelete")).isEqualTo(2);
    assertThat(t.counter(RunReport.ROWS_QUARANTINED)).isZero();
    assertThat(out).contains("The table now holds 11 employees")
        .contains("Applied again: 0 new commits, 5 files already applied")
        .containsPattern("101 +Neena +Kochhar-Smith")
        .containsPattern("150 +Peter +Tucker +10500.00 +110 .*DEPARTMENT_ID=110")
        .containsPattern("208 +Susan +Mavris +6500.00 +40 +250.50")
        .doesNotContain("105  ").contains("partition keys: DEPARTMENT_ID string").contains("Maintenance plan");
    assertThat(Files.readString(tmp.resolve("qs/report.json"))).contains("\"hr.employees\"");
  }
}

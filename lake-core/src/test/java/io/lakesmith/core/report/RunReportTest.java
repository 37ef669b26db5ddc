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

package io.lakesmith.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.core.LakesmithVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void jsonRoundTripKeepsEverything() throws Exception {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("appliedFiles", 7);
    after.put("partialFile", "20250101-120000123.csv");
    after.put("partialRows", 500_000L);
    RunReport child = RunReport.builder("apply", "s3://lake/hr/employees").name("hr.employees")
        .source("s3://dms/root/hr/employees").add(RunReport.ROWS_READ, 10)
        .add(RunReport.ROWS_READ, 5).add(RunReport.COMMITS, 1).commitInstant("20250101120000123")
        .input("s3://dms/root/hr/employees/LOAD00000001.csv").checkpointBefore(Map.of("appliedFiles", 6))
        .checkpointAfter(after).detail("schemaChanges", "added X").finish();
    RunReport warned = RunReport.builder("apply", "/lake/hr/jobs").name("hr.jobs")
        .warning("hr/jobs/LOAD00000002.CSV: not a DMS file").finish();
    RunReport failed = RunReport.builder("apply", "/lake/hr/x").name("hr.x").error("hr/x/x.csv line 3: bad").finish();
    RunReport all = RunReport.builder("apply").source("s3://dms/root").child(child).child(warned).child(failed)
        .finish();

    assertThat(child.status()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(warned.status()).as("a warning does not fail the run").isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(warned.status().isSuccess()).isTrue();
    assertThat(child.counter(RunReport.ROWS_READ)).isEqualTo(15);
    assertThat(child.counter(RunReport.ROWS_QUARANTINED)).isZero();
    assertThat(child.name()).isEqualTo("hr.employees");
    assertThat(child.checkpointAfter()).containsEntry("appliedFiles", 7L);
    assertThat(failed.status()).isEqualTo(RunReport.Status.FAILED);
    assertThat(all.status()).isEqualTo(RunReport.Status.PARTIAL);
    assertThat(all.target()).isNull();
    assertThat(all.name()).isNull();
    assertThat(all.versions()).containsEntry("lakesmith", LakesmithVersion.lakesmith())
        .containsEntry("hudi", LakesmithVersion.hudi());
    assertThat(LakesmithVersion.hudi()).isEqualTo("1.2.0");
    assertThat(LakesmithVersion.lakesmith()).isNotEqualTo("unknown").contains(".");

    String json = all.toJson();
    assertThat(json).contains("\"rowsRead\" : 15").contains("\"durationMillis\"").contains("\"schemaVersion\" : 1");
    JsonNode doc = new ObjectMapper().readTree(json);
    assertThat(doc.get("source").asText()).isEqualTo("s3://dms/root");
    JsonNode c = doc.get("children").get(0);
    assertThat(c.get("checkpointAfter").get("partialRows").asLong()).isEqualTo(500_000L);
    assertThat(c.get("commitInstants").get(0).asText()).isEqualTo("20250101120000123");
    assertThat(doc.get("children").get(1).get("status").asText()).isEqualTo("SUCCEEDED_WITH_WARNINGS");
    assertThat(RunReport.fromJson(json)).isEqualTo(all);
  }

  @Test
  void quarantinedRowsAndChildWarningsMakeSucceededWithWarnings() {
    RunReport q = RunReport.builder("apply", "/t").add(RunReport.ROWS_QUARANTINED, 1).finish();
    assertThat(q.status()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    RunReport parent = RunReport.builder("apply").child(q).child(RunReport.builder("apply", "/u").finish()).finish();
    assertThat(parent.status()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    RunReport allFailed = RunReport.builder("apply").child(RunReport.builder("apply", "/v").error("x").finish())
        .finish();
    assertThat(allFailed.status()).isEqualTo(RunReport.Status.FAILED);
  }

  @Test
  void aReportWithoutVersionReadsAsVersionZeroAndUnknownFieldsAreIgnored() {
    RunReport old = RunReport.fromJson("{\"operation\":\"apply\",\"target\":\"s3://dms/root\",\"status\":\"SUCCEEDED\","
        + "\"startedAt\":\"2025-01-01T00:00:00Z\",\"finishedAt\":\"2025-01-01T00:00:01Z\",\"futureField\":{\"a\":1}}");
    assertThat(old.schemaVersion()).isZero();
    assertThat(old.durationMillis()).isEqualTo(1000);
    assertThat(old.name()).isEqualTo("s3://dms/root");
  }
}

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

import io.lakesmith.cdc.internal.apply.TableSchemas;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report's v1 JSON form of an apply, and the state log listener, on a real apply. */
class RunReportV1Test {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private DmsFixture twoFilesOneBadRow() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a2,2.00,d,2025-01-01 10:00:00.000000",
        "U,2,b2,not-a-number,d,2025-01-01 10:00:01.000000",
        "I,3,c,3.00,d,2025-01-01 10:00:02.000000");
    return dms;
  }

  @Test
  void applyReportHasSchemaVersionSourcesTargetsInstantsAndStructuredCheckpoints() throws Exception {
    DmsFixture dms = twoFilesOneBadRow();
    String base = tmp.resolve("lake/people").toString();
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();

    RunReport all = r.report();
    String root = "file:" + dms.root.toAbsolutePath();
    assertThat(all.schemaVersion()).isEqualTo(RunReport.SCHEMA_VERSION).isEqualTo(1);
    assertThat(all.source()).as("the overall source is the DMS root").isEqualTo(root);
    assertThat(all.target()).as("a run over many tables has no single target").isNull();
    assertThat(all.versions()).containsEntry("hudi", "1.2.0").containsKey("lakesmith");
    assertThat(all.versions().get("lakesmith")).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(all.status()).as("a quarantined row is a warning").isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(r.succeeded()).isTrue();

    RunReport t = r.table("app.people");
    assertThat(t.name()).isEqualTo("app.people");
    assertThat(t.source()).isEqualTo(root + "/app/people");
    assertThat(t.target()).isEqualTo(base);
    assertThat(t.status()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(t.warnings()).anyMatch(w -> w.startsWith("1 row(s) quarantined under " + base));
    assertThat(t.inputs()).as("inputs are full URIs, with their leading /").containsExactly(
        root + "/app/people/LOAD00000001.csv", root + "/app/people/20250101-100000000.csv");
    assertThat(t.inputs()).allMatch(i -> i.startsWith("file:/") && Files.exists(Path.of(i.substring(5))));
    List<String> onTimeline = new ArrayList<>();
    DmsFixture.commitList(base, "ID").stream().map(HudiCommit::instantTime).forEach(onTimeline::add);
    assertThat(t.commitInstants()).isNotEmpty().isEqualTo(onTimeline);
    assertThat(t.counter(RunReport.COMMITS)).isEqualTo(t.commitInstants().size());
    assertThat(t.checkpointBefore()).containsEntry("appliedFiles", 0L);
    assertThat(t.checkpointAfter()).containsEntry("appliedFiles", 2L)
        .doesNotContainKey("partialFile");
    assertThat(t.duration()).isPositive();

    // the JSON shape: structured objects, not toString() text, and a lossless round trip
    String json = all.toJson();
    JsonNode doc = JSON.readTree(json);
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.get("source").asText()).isEqualTo(root);
    assertThat(doc.has("target")).isFalse();
    JsonNode table = doc.get("children").get(0);
    assertThat(table.get("name").asText()).isEqualTo("app.people");
    assertThat(table.get("target").asText()).isEqualTo(base);
    assertThat(table.get("status").asText()).isEqualTo("SUCCEEDED_WITH_WARNINGS");
    assertThat(table.get("checkpointAfter").isObject()).isTrue();
    assertThat(table.get("checkpointAfter").get("appliedFiles").asLong()).isEqualTo(2);
    assertThat(table.get("commitInstants").isArray()).isTrue();
    assertThat(table.get("durationMillis").isNumber()).isTrue();
    assertThat(json).doesNotContain("SourceCheckpoint{");
    assertThat(RunReport.fromJson(json)).isEqualTo(all);

    // again: nothing new, no warnings, nothing committed
    ApplyResult again = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    RunReport t2 = again.table("app.people");
    assertThat(t2.status()).as(t2.toJson()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(t2.commitInstants()).isEmpty();
    assertThat(t2.checkpointBefore()).isEqualTo(t.checkpointAfter());
    assertThat(again.report().status()).isEqualTo(RunReport.Status.SUCCEEDED);
  }

  @Test
  void typedCountsAndTheActionContract() {
    assertThat(List.of(ApplyCounts.ROWS_LOAD, ApplyCounts.ROWS_INSERT, ApplyCounts.ROWS_UPDATE, ApplyCounts.ROWS_DELETE,
        ApplyCounts.LATE_FILES, ApplyCounts.CHANGED_FILES, ApplyCounts.RELOAD_FILES, ApplyCounts.ROWS_OLDER_THAN_DELETE,
        ApplyCounts.ROWS_OLDER_THAN_RELOAD, ApplyCounts.ROWS_REPLACED_BY_RELOAD))
        .as("the public names are the ones the applier counts under")
        .containsExactly(TableApplier.ROWS_LOAD, TableApplier.ROWS_INSERT, TableApplier.ROWS_UPDATE,
            TableApplier.ROWS_DELETE, TableApplier.LATE_FILES, TableApplier.CHANGED_FILES, TableApplier.RELOAD_FILES,
            TableApplier.ROWS_OLDER_THAN_DELETE, TableApplier.ROWS_OLDER_THAN_RELOAD,
            TableApplier.ROWS_REPLACED_BY_RELOAD);
    assertThat(DmsApply.ORDERING_FIELD).isEqualTo("_lake_seq").isEqualTo(TableSchemas.SEQ);

    DmsFixture dms = twoFilesOneBadRow();
    String base = tmp.resolve("lake/counted").toString();
    io.lakesmith.core.action.Action<ApplyResult> action =
        Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE);
    ApplyResult r = action.execute();
    ApplyCounts c = r.counts("app.people");
    assertThat(c.filesRead()).isEqualTo(2);
    assertThat(c.rowsLoad()).isEqualTo(2);
    assertThat(c.rowsUpdate()).isEqualTo(1);
    assertThat(c.rowsInsert()).isEqualTo(1);
    assertThat(c.rowsQuarantined()).isEqualTo(1);
    assertThat(c.commits()).isEqualTo(1);
    assertThat(c.rowsRead()).isEqualTo(r.table("app.people").counter(RunReport.ROWS_READ)).isEqualTo(5);
    assertThat(r.totals().rowsQuarantined()).isEqualTo(1);
    assertThat(r.status()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(r.duration()).isEqualTo(r.report().duration()).isPositive();
    assertThat(ApplyCounts.of(RunReport.fromJson(r.report().toJson())).rowsQuarantined()).isEqualTo(1);
  }

  @Test
  void aLateFileIsAWarning() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms-late"));
    String base = tmp.resolve("lake/late").toString();
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-120000000.csv", Specs.CDC_HEADER, "U,1,a3,3.00,d,2025-01-01 12:00:00.000000");
    assertThat(Specs.apply(dms, Specs.cow(base)).execute().report().status()).isEqualTo(RunReport.Status.SUCCEEDED);
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a2,2.00,d,2025-01-01 10:00:00.000000");

    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    RunReport t = r.table("app.people");
    assertThat(t.status()).as(t.toJson()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(t.warnings()).anyMatch(w -> w.contains("/app/people/20250101-100000000.csv arrived after later files"));
    assertThat(DmsFixture.s(DmsFixture.read(base, "ID").get("1"), "NAME")).as("the later change still wins")
        .isEqualTo("a3");
  }

  @Test
  void stateLogListenerAppendsOneJsonLinePerStateAndTable() throws Exception {
    DmsFixture dms = twoFilesOneBadRow();
    String base = tmp.resolve("lake/logged").toString();
    Path logs = tmp.resolve("state");
    try (StateLogListener log = StateLogListener.to(logs)) {
      ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).listener(log).execute();
      assertThat(r.succeeded()).isTrue();
      assertThat(log.logOf("app.people")).isEqualTo(logs.resolve("app.people.jsonl"));
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(logs.resolve("app.people.jsonl"))) {
      lines.add(JSON.readTree(l));
    }
    assertThat(lines).extracting(n -> n.get("state").asText())
        .containsExactly("read", "convert", "read", "convert", "write", "commit", "finished");
    assertThat(lines).allSatisfy(n -> {
      assertThat(n.get("table").asText()).isEqualTo("app.people");
      assertThat(java.time.Instant.parse(n.get("time").asText())).isNotNull();
    });
    assertThat(lines.get(0).get("file").asText()).endsWith("app/people/LOAD00000001.csv");
    assertThat(lines.get(1).get("rows").asLong()).isEqualTo(2);
    String instant = lines.get(4).get("instant").asText();
    assertThat(lines.get(5).get("instant").asText()).isEqualTo(instant);
    assertThat(lines.get(5).get("quarantined").asLong()).isEqualTo(1);
    assertThat(lines.get(5).get("files").size()).isEqualTo(2);
    assertThat(DmsFixture.commitList(base, "ID")).extracting(HudiCommit::instantTime).containsExactly(instant);
    assertThat(lines.get(6).get("status").asText()).isEqualTo("SUCCEEDED_WITH_WARNINGS");
    assertThat(lines.get(6).get("commits").asInt()).isEqualTo(1);

    // a second run appends: read, convert? no, nothing is pending: only its end
    try (StateLogListener log = StateLogListener.to(logs)) {
      Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).listener(log).execute();
    }
    List<String> all = Files.readAllLines(logs.resolve("app.people.jsonl"));
    assertThat(all).hasSize(8);
    JsonNode last = JSON.readTree(all.get(7));
    assertThat(last.get("state").asText()).isEqualTo("finished");
    assertThat(last.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(last.get("commits").asInt()).isZero();
  }
}

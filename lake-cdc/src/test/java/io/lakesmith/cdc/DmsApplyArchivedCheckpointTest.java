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
import io.lakesmith.cdc.internal.apply.SourceCheckpoint;
import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.internal.hudi.HudiTableServices;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.hudi.TableVersion;
import io.lakesmith.core.report.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The source checkpoint survives Hudi's archival: when other writers or table services made enough commits for
 * archival to move every checkpoint-carrying commit off the active timeline, the apply finds the checkpoint on the
 * archived timeline instead of applying everything again.
 */
class DmsApplyArchivedCheckpointTest {

  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(value = TableVersion.class, names = {"V6", "V8"}) // two archived-timeline layouts (v1 files, LSM)
  void checkpointIsReadFromTheArchivedTimeline(TableVersion version) {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a2,2.00,d,2025-01-01 10:00:00.000000",
        "D,2,b,1.00,d,2025-01-01 10:00:01.000000");
    String base = tmp.resolve("lake").resolve("people").toString();
    HudiWriteOptions options = HudiWriteOptions.builder().tableVersion(version).build();
    ApplyResult first = Specs.apply(dms, Specs.cow(base)).writeOptions(options).execute();
    assertThat(first.succeeded()).as(first.report().toJson()).isTrue();

    // another writer commits 6 times without a checkpoint (rewriting row 1 as it is), then archival keeps 2
    try (HudiTable t = HudiTables.open(Specs.cow(base).toBuilder().recordKey("ID").schema(null).build(),
        options.toBuilder().orderingField(TableSchemas.SEQ)
            .mergeMode(HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING).build(), AwsSettings.defaults())) {
      GenericRecord row = HudiTableReader.of(t).withoutMetaColumns().read().get(0);
      for (int i = 0; i < 6; i++) {
        t.upsert(List.of(row), Map.of("writer", "other"));
      }
      int archived = HudiTableServices.of(t).archive(2, 3);
      assertThat(archived).isPositive();
      List<HudiCommit> active = t.commits();
      assertThat(active).as("no checkpoint left on the active timeline")
          .noneMatch(c -> c.extraMetadata().containsKey(SourceCheckpoint.METADATA_KEY));
      assertThat(t.latestCommitWith(SourceCheckpoint.METADATA_KEY)).as("found on the archived timeline")
          .hasValueSatisfying(c -> assertThat(c.extraMetadata().get(SourceCheckpoint.METADATA_KEY))
              .contains("20250101-100000000.csv"));
    }
    int commitsBefore = DmsFixture.commits(base, "ID");

    // a re-run applies nothing; a new file is applied on its own
    ApplyResult again = Specs.apply(dms, Specs.cow(base)).writeOptions(options).execute();
    assertThat(again.succeeded()).as(again.report().toJson()).isTrue();
    RunReport r = again.table("app.people");
    assertThat(r.counter(RunReport.FILES_SKIPPED)).isEqualTo(2);
    assertThat(r.counter(RunReport.FILES_READ)).isZero();
    assertThat(DmsFixture.commits(base, "ID")).isEqualTo(commitsBefore);

    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "I,3,c,3.00,d,2025-01-01 11:00:00.000000");
    ApplyResult next = Specs.apply(dms, Specs.cow(base)).writeOptions(options).execute();
    assertThat(next.succeeded()).as(next.report().toJson()).isTrue();
    assertThat(next.table("app.people").counter(RunReport.FILES_READ)).isEqualTo(1);
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "3"); // the deleted row 2 was not loaded again
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a2");
  }
}

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

package io.lakesmith.examples.tutorials;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.compaction.ExpireObjectVersionsResult;
import io.lakesmith.compaction.hudi.HudiService;
import io.lakesmith.compaction.hudi.HudiServiceResult;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.examples.Quickstart;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Tutorial (c): Tier-2 compaction on S3 (emulator), Hudi maintenance of a merge-on-read table (local). */
@ExtendWith(AwsEmulatorExtension.class)
class MaintenanceTutorialTest {

  @TempDir
  Path tmp;

  @Test
  void tier2CompactionOnS3KeepsTheNewestObjectPerKeyAfterAnExactDryRun() {
    String bucket = AwsEmulator.get().uniqueBucket("tier2");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<ExpireObjectVersionsResult> r = MaintenanceTutorial.tier2Compaction(AwsEmulator.get().settings(),
        "s3://" + bucket + "/Tier-2/employee", new PrintStream(bytes, true, StandardCharsets.UTF_8));
    ExpireObjectVersionsResult dry = r.get(0);
    ExpireObjectVersionsResult real = r.get(1);
    assertThat(dry.isDryRun()).isTrue();
    assertThat(dry.objectsDeleted()).isEqualTo(4); // 2 older versions of 100, both objects of deleted 105
    assertThat(real.deletions()).isEqualTo(dry.deletions());
    assertThat(real.removedKeys()).extracting(k -> k.recordKey()).containsExactly("employee_id=105");
    List<String> left = AwsEmulator.get().s3().listObjectsV2(b -> b.bucket(bucket).prefix("Tier-2/employee/"))
        .contents().stream().map(S3Object::key).filter(k -> !k.contains("_lakesmith/")).toList();
    assertThat(left).containsExactly("Tier-2/employee/employee_id=100/20250301-120000.csv",
        "Tier-2/employee/employee_id=206/20250301-100000.csv");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("dry run: would delete 4");
  }

  @Test
  void hudiMaintenanceCompactsAndCleansWithoutChangingTheContents() throws Exception {
    Path dms = tmp.resolve("dms");
    Quickstart.copySample(dms);
    String base = tmp.resolve("lake/hr/employees").toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MaintenanceRun run = MaintenanceTutorial.hudiMaintenance(AwsSettings.defaults(), dms.toString(), base,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(run.results()).extracting(HudiServiceResult::service).startsWith(HudiService.COMPACT);
    assertThat(run.results().get(0).didWork()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
    assertThat(HudiTableReader.of(base, AwsSettings.defaults()).read()).hasSize(11);
  }
}

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

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Continuous mode on an S3 source (the emulator): polls list from the newest applied date folder with StartAfter, so a
 * file arriving late in an older folder is applied by the next full sweep, not by the polls in between.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ContinuousApplyS3Test {

  @TempDir
  Path tmp;

  private static void put(String bucket, String key, String... lines) {
    AwsEmulator.get().s3().putObject(r -> r.bucket(bucket).key(key),
        RequestBody.fromString(String.join("\n", lines) + "\n", StandardCharsets.UTF_8));
  }

  private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  private static boolean applied(ContinuousApply c, String key) {
    return c.status("app.people").lastReport().map(r -> r.inputs().stream().anyMatch(i -> i.endsWith("/" + key))).orElse(false);
  }

  @Test
  void pollsListFromTheNewestDateFolderAndASweepFindsLateFiles() throws Exception {
    AwsSettings aws = AwsEmulator.get().settings();
    String source = AwsEmulator.get().uniqueBucket("dms");
    put(source, "raw/app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    put(source, "raw/app/people/2025/01/01/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a2,2.00,d,2025-01-01 10:00:00.000000");
    String base = tmp.resolve("people").toString();
    DmsApply apply = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.cow(base)).timestampColumn("TS")
        .csv(CsvOptions.builder().header(HeaderMode.PRESENT).build());
    ContinuousOptions options = ContinuousOptions.builder().pollInterval(Duration.ofMillis(300))
        .fullSweepInterval(Duration.ofSeconds(6)).build();
    try (ContinuousApply c = apply.continuous(options)) {
      waitFor("the backlog", () -> c.status("app.people").commits() >= 1 && c.status("app.people").pendingFiles() == 0
          && c.status("app.people").listingStartsAfter().isPresent());
      assertThat(c.status("app.people").listingStartsAfter()).hasValue("raw/app/people/2025/01/01");

      // S3 lists only complete objects: a new file is applied by the next poll
      put(source, "raw/app/people/2025/01/02/20250102-100000000.csv", Specs.CDC_HEADER,
          "I,3,c,3.00,d,2025-01-02 10:00:00.000000");
      waitFor("the new file", () -> applied(c, "raw/app/people/2025/01/02/20250102-100000000.csv"));
      assertThat(c.status("app.people").listingStartsAfter()).hasValue("raw/app/people/2025/01/02");
      long sweeps = c.sweeps();

      // a late file in the older folder: not listed by polls, applied after the next sweep
      put(source, "raw/app/people/2025/01/01/20250101-110000000.csv", Specs.CDC_HEADER,
          "U,2,b-late,2.00,d,2025-01-01 11:00:00.000000");
      long polls = c.status("app.people").polls();
      waitFor("two more polls", () -> c.status("app.people").polls() >= polls + 2);
      if (c.sweeps() == sweeps) {
        assertThat(DmsFixture.read(base, "ID").get("2").get("NAME").toString()).isEqualTo("b");
        assertThat(c.status("app.people").lastListedObjects()).as("objects a poll listed").isEqualTo(2);
      }
      waitFor("the sweep to apply the late file",
          () -> applied(c, "raw/app/people/2025/01/01/20250101-110000000.csv"));
      assertThat(c.sweeps()).isGreaterThan(sweeps);
      assertThat(c.status("app.people").lastReport().orElseThrow().counter(TableApplier.LATE_FILES)).isEqualTo(1);
    }
    var rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "2", "3");
    assertThat(DmsFixture.s(rows.get("1"), "NAME")).isEqualTo("a2");
    assertThat(DmsFixture.s(rows.get("2"), "NAME")).isEqualTo("b-late");
  }
}

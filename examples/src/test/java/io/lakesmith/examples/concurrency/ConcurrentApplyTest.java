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

package io.lakesmith.examples.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.examples.concurrency.People.DmsFile;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: four {@code lakesmith apply} runs started at once on one table, each a separate JVM, on the local file
 * system and on S3 (the emulator). Two runs fail fast when the table is locked, two wait for it. In "same files"
 * trials every run sees the same DMS output (a fresh table: full load and CDC); in "different files" trials each run
 * sees the shared history plus a file of its own. Every run must exit 0 or 1 with the one-line lock message, and the
 * table must equal the model's serial application of the files of the runs that exited 0: exact rows, no duplicate
 * key, nothing left pending on the timeline, the lock released.
 *
 * <p>Runs are separate JVMs ({@link Run.Mode#PROCESS}: what a scheduler retry or a second operator does) in one
 * trial per test and in every trial of the {@code stress} profile; the other default trials run the four CLI runs
 * on threads of the test JVM, each with its own clients and lease, which exercises the same lock objects for a
 * fraction of the cost. Trials per test: {@code -Dlake.concurrency.local.trials} / {@code .s3.trials} (default 3
 * and 2; {@code -Pstress}: 20 and 20, all processes, {@code -Dlake.concurrency.processes=all}).
 */
@ExtendWith(AwsEmulatorExtension.class)
class ConcurrentApplyTest {

  /** The SDK's default credential chain of in-process runs reads these (child JVMs get AWS_* variables). */
  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_KEY);
  }

  @AfterAll
  static void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  static final int RUNNERS = 4;
  static final int ROWS = 120;

  @TempDir
  Path tmp;

  @Test
  void fourAppliersOnTheLocalFileSystem() {
    int trials = Trials.count("local", 3);
    for (int t = 0; t < trials; t++) {
      String dms = tmp.resolve("dms-" + t).toString();
      String base = tmp.resolve("lake-" + t + "/app/people").toString();
      trial("local trial " + t, Trials.mode(t), dms, base, false, AwsSettings.defaults(), t % 2 == 0);
    }
  }

  @Test
  void fourAppliersOnS3() {
    int trials = Trials.count("s3", 2);
    AwsSettings aws = AwsEmulator.get().settings();
    for (int t = 0; t < trials; t++) {
      String dms = "s3://" + AwsEmulator.get().uniqueBucket("dms") + "/cdc";
      String base = "s3://" + AwsEmulator.get().uniqueBucket("lake") + "/warehouse/app/people";
      trial("s3 trial " + t, Trials.mode(t), dms, base, true, aws, t % 2 == 1);
    }
  }

  /** One trial; {@code differentFiles}: each run also has a file of its own. */
  private void trial(String label, Run.Mode mode, String dmsPrefix, String base, boolean s3, AwsSettings aws,
      boolean differentFiles) {
    List<DmsFile> shared = List.of(People.load(ROWS), People.cdc(1, ROWS), People.cdc(2, ROWS));
    List<String> roots = new ArrayList<>();
    List<List<DmsFile>> filesOf = new ArrayList<>();
    for (int r = 0; r < RUNNERS; r++) {
      List<DmsFile> files = new ArrayList<>(shared);
      if (differentFiles) {
        files.add(People.runnerFile(r, RUNNERS, ROWS));
      }
      String root = differentFiles ? dmsPrefix + "/runner" + r : dmsPrefix + "/all";
      if (r == 0 || differentFiles) {
        People.write(root, aws, files);
      }
      roots.add(root);
      filesOf.add(files);
    }
    Path logs = tmp.resolve("logs").resolve(label.replace(' ', '-'));
    List<Run> runs = new ArrayList<>();
    for (int r = 0; r < RUNNERS; r++) {
      runs.add(Trials.apply(mode, logs, "run" + r, roots.get(r), base, s3, r < 2 ? "0s" : "10m"));
    }
    long t0 = System.nanoTime();
    List<Run> won = Trials.winners(runs, label);
    System.out.printf("%s (%s, %s files): %d of %d runs applied, %.1f s%n", label, mode,
        differentFiles ? "different" : "same", won.size(), RUNNERS, (System.nanoTime() - t0) / 1e9);
    assertThat(won).as(label + ": the runs that wait always get the table").hasSizeGreaterThanOrEqualTo(2);

    Set<DmsFile> applied = new LinkedHashSet<>();
    for (Run w : won) {
      applied.addAll(filesOf.get(runs.indexOf(w)));
    }
    assertThat(People.read(base, aws)).as(label + " (" + (differentFiles ? "different" : "same") + " files, winners "
        + won.stream().map(Run::name).toList() + ")").isEqualTo(People.expected(new ArrayList<>(applied)));
    assertThat(Trials.pendingInstants(base, aws)).as(label + ": pending instants").isEmpty();
    assertThat(Trials.lockObjectExists(base, aws)).as(label + ": lock released").isFalse();
  }
}

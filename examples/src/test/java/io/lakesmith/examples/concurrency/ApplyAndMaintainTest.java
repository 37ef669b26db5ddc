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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: {@code lakesmith maintain} while three applies write a merge-on-read table. One maintain compacts (it
 * waits for the table's writer lock) and cleans (beside the writers); another asks for compaction without waiting
 * and either runs or fails with the lock message. Every run exits 0 or with the lock message; maintenance changes
 * no row: the table equals the serial application of the files of the applies that ran, with nothing pending.
 *
 * <p>Trials: {@code -Dlake.concurrency.maintain.trials} (default 2, on threads; {@code -Pstress}: 10, processes).
 */
class ApplyAndMaintainTest {

  static final int APPLIERS = 3;
  static final int ROWS = 120;
  static final Pattern LOCK_MESSAGE = Pattern.compile("(?m)^(apply: error: app\\.people: |maintain: error: )table "
      + "app\\.people is locked by another writer: lock object \\S+/\\.lakesmith/writer\\.lock is held by host \\S+ pid "
      + "\\d+ \\(started [^)]+\\), lease expires \\S+ \\(waited [0-9.]+ s\\)$");

  @TempDir
  Path tmp;

  @Test
  void maintenanceBesideAppliesChangesNoRowAndNeverFailsThem() {
    int trials = Trials.count("maintain", 2);
    for (int t = 0; t < trials; t++) {
      String label = "apply+maintain trial " + t;
      Run.Mode mode = "all".equals(System.getProperty("lake.concurrency.processes")) ? Run.Mode.PROCESS
          : Run.Mode.THREAD;
      Path logs = tmp.resolve("logs-" + t);
      String dms = tmp.resolve("dms-" + t).toString();
      String base = tmp.resolve("lake-" + t + "/app/people").toString();
      List<DmsFile> history = List.of(People.load(ROWS), People.cdc(1, ROWS));
      People.write(dms + "/history", AwsSettings.defaults(), history);
      Run first = Trials.apply(Run.Mode.THREAD, logs, "first", dms + "/history", base, false, "0s", "--type", "mor",
          "--max-rows-per-commit", "40");
      assertThat(first.waitFor(300)).as(first.toString()).isZero();

      List<Run> runs = new ArrayList<>();
      List<List<DmsFile>> filesOf = new ArrayList<>();
      for (int r = 0; r < APPLIERS; r++) {
        List<DmsFile> files = new ArrayList<>(history);
        files.add(People.runnerFile(r, APPLIERS, ROWS));
        String root = dms + "/runner" + r;
        People.write(root, AwsSettings.defaults(), files);
        filesOf.add(files);
        runs.add(Trials.apply(mode, logs, "apply" + r, root, base, false, r == 0 ? "0s" : "10m", "--type", "mor",
            "--max-rows-per-commit", "20"));
        if (r == 0) {
          runs.add(Trials.maintain(mode, logs, "maintain-wait", base, false, "10m", "--compact", "--clean",
              "--retain-commits", "2"));
          runs.add(Trials.maintain(mode, logs, "maintain-nowait", base, false, "0s", "--compact"));
        }
      }
      List<Run> won = Trials.winners(runs, label, LOCK_MESSAGE);
      assertThat(won.stream().map(Run::name)).as(label).contains("maintain-wait", "apply1", "apply2");
      Run maintained = won.stream().filter(w -> w.name().equals("maintain-wait")).findFirst().orElseThrow();
      assertThat(maintained.out()).as(label + ": " + maintained).contains("compact: done").contains("clean: ");

      Set<DmsFile> applied = new LinkedHashSet<>(history);
      for (int r = 0; r < APPLIERS; r++) {
        String name = "apply" + r;
        if (won.stream().anyMatch(w -> w.name().equals(name))) {
          applied.addAll(filesOf.get(r));
        }
      }
      System.out.printf("%s (%s): %s ran%n", label, mode, won.stream().map(Run::name).toList());
      assertThat(People.read(base, AwsSettings.defaults())).as(label).isEqualTo(
          People.expected(new ArrayList<>(applied)));
      assertThat(Trials.pendingInstants(base, AwsSettings.defaults())).as(label + ": pending instants").isEmpty();
      assertThat(Trials.lockObjectExists(base, AwsSettings.defaults())).as(label + ": lock released").isFalse();
    }
  }
}

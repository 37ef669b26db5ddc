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
import io.lakesmith.core.internal.hudi.HadoopConfigurations;
import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.testing.AwsEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;

/** Runs of the {@code lakesmith} command line in separate JVMs against one table, and what they must leave. */
final class Trials {

  /** The one line a run that lost the table lock prints (CLI prefix, then the ConcurrentWriterException message). */
  static final Pattern LOCK_MESSAGE = Pattern.compile("(?m)^apply: error: app\\.people: table app\\.people is locked by "
      + "another writer: lock object \\S+/\\.lakesmith/writer\\.lock is held by host \\S+ pid \\d+ \\(started [^)]+\\),"
      + " lease expires \\S+ \\(waited [0-9.]+ s\\)$");

  private Trials() {}

  /**
   * Trial {@code t}'s runs: separate JVMs for the first trial of a test, threads for the others, unless
   * {@code -Dlake.concurrency.processes=all}.
   */
  static Run.Mode mode(int t) {
    return t == 0 || "all".equals(System.getProperty("lake.concurrency.processes")) ? Run.Mode.PROCESS
        : Run.Mode.THREAD;
  }

  static int count(String kind, int defaultTrials) {
    return Integer.getInteger("lake.concurrency." + kind + ".trials", defaultTrials);
  }

  /** The environment of a child: credentials for the emulator when on S3. */
  static Map<String, String> env(boolean s3) {
    return s3 ? Map.of("AWS_ACCESS_KEY_ID", AwsEmulator.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", AwsEmulator.SECRET_KEY,
        "AWS_REGION", AwsEmulator.REGION) : Map.of();
  }

  static List<String> awsArgs(boolean s3) {
    return s3 ? List.of("--endpoint", AwsEmulator.get().endpoint().toString(), "--region", AwsEmulator.REGION,
        "--path-style") : List.of();
  }

  /** {@code lakesmith apply} of {@code root} to {@code base}. */
  static Run apply(Run.Mode mode, Path logs, String name, String root, String base, boolean s3, String lockWait,
      String... extra) {
    List<String> args = new ArrayList<>(List.of("apply", "-q", "--source", root, "--table", People.TABLE,
        "--target", base, "--key", "ID", "--timestamp-column", "TS", "--lock-wait", lockWait));
    args.addAll(List.of(extra));
    args.addAll(awsArgs(s3));
    return Run.start(mode, logs, name, env(s3), args);
  }

  /** {@code lakesmith maintain} of {@code base}. */
  static Run maintain(Run.Mode mode, Path logs, String name, String base, boolean s3, String lockWait,
      String... services) {
    List<String> args = new ArrayList<>(List.of("maintain", "--target", base, "--table", People.TABLE,
        "--lock-wait", lockWait));
    args.addAll(List.of(services));
    args.addAll(awsArgs(s3));
    return Run.start(mode, logs, name, env(s3), args);
  }

  /**
   * Waits for every run: each exits 0, or 1 with the lock message as its only error line. Returns the winners.
   */
  static List<Run> winners(List<? extends Run> runs, String label) {
    return winners(runs, label, LOCK_MESSAGE);
  }

  /** Same, for runs whose lock message matches {@code lockMessage}. */
  static List<Run> winners(List<? extends Run> runs, String label, Pattern lockMessage) {
    List<Run> won = new ArrayList<>();
    for (Run run : runs) {
      int code = run.waitFor(600);
      if (code == 0) {
        won.add(run);
        continue;
      }
      assertThat(code).as("%s: %s exit code\n%s", label, run.name(), run).isEqualTo(1);
      assertThat(run.err()).as("%s: %s failed, but not with the lock message\n%s", label, run.name(), run)
          .containsPattern(lockMessage);
      assertThat(run.err().lines().filter(l -> l.contains("error"))).as("%s: %s error lines", label, run.name())
          .hasSize(1);
    }
    return won;
  }

  /** Pending instants of any kind on the table's timeline (none after a clean finish). */
  static List<String> pendingInstants(String base, AwsSettings aws) {
    HoodieTableMetaClient mc = HoodieTableMetaClient.builder()
        .setConf(HadoopFSUtils.getStorageConf(HadoopConfigurations.forSettings(aws)))
        .setBasePath(StorageLocation.parse(base).toHadoopUri()).build();
    return mc.getActiveTimeline().filterInflightsAndRequested().getInstantsAsStream().map(HoodieInstant::toString)
        .toList();
  }

  /** Whether the table's writer lock object exists (it must not after every run released it). */
  static boolean lockObjectExists(String base, AwsSettings aws) {
    StorageLocation lock = TableLease.lockObject(base);
    try (ObjectStore store = ObjectStores.open(lock, aws)) {
      return store.head(lock.key()).isPresent();
    }
  }
}

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
import io.lakesmith.testing.IndependentReaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the holder of a table's writer lease is killed with SIGKILL (kill -9) while a commit is in flight. Until
 * its lease runs out the table stays locked (a run that does not wait fails with the lock message naming the dead
 * pid); the next run that waits past the lease takes the lock over, rolls the dead run's instant back and converges
 * to the table a serial, uninterrupted application gives, read back by Hudi's reader and by hudi-rs.
 */
class KillHolderTest {

  static final int ROWS = 120;

  @TempDir
  Path tmp;

  @Test
  void aKilledHolderBlocksForItsLeaseThenTheNextWriterRollsBackAndConverges() {
    String dms = tmp.resolve("dms").toString();
    String base = tmp.resolve("lake/app/people").toString();
    List<DmsFile> files = List.of(People.load(ROWS), People.cdc(1, ROWS), People.cdc(2, ROWS));
    People.write(dms, AwsSettings.defaults(), files);

    // commits of 50 rows: the third is the first upsert (log files of a merge-on-read table); lease 6 s
    ChildJvm holder = ChildJvm.start(tmp.resolve("logs"), "holder", HangBeforeCommit.class, Map.of(),
        List.of(dms, base, "6", "3", "50"));
    String instant = holder.awaitLine("HOLDING ", 300).substring("HOLDING ".length());
    long pid = holder.pid();
    holder.kill9();

    Run blocked = Trials.apply(Run.Mode.THREAD, tmp, "blocked", dms, base, false, "0s", "--type", "mor");
    assertThat(blocked.waitFor(120)).as(blocked.toString()).isEqualTo(1);
    assertThat(blocked.err()).as(blocked.toString()).containsPattern(Trials.LOCK_MESSAGE)
        .contains(" pid " + pid + " ");
    assertThat(Trials.pendingInstants(base, AwsSettings.defaults())).as("the dead run's instant " + instant)
        .anyMatch(i -> i.contains(instant));

    Run next = Trials.apply(Run.Mode.THREAD, tmp, "next", dms, base, false, "60s", "--type", "mor");
    assertThat(next.waitFor(300)).as(next.toString()).isZero();
    Map<String, String> expected = People.expected(files);
    assertThat(People.read(base, AwsSettings.defaults())).isEqualTo(expected);
    // a reader that is not Lakesmith's sees the same table: the dead run's log blocks are rolled back for it too
    assertThat(People.fromRows(IndependentReaders.hudiRs().snapshot(base))).isEqualTo(expected);
    assertThat(Trials.pendingInstants(base, AwsSettings.defaults())).isEmpty();
    assertThat(Trials.lockObjectExists(base, AwsSettings.defaults())).isFalse();
  }
}

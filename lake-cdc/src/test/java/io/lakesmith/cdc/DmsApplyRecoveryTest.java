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

import io.lakesmith.cdc.internal.apply.SourceCheckpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.report.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly once: replays, crashes at every point of a commit, bounded batches, changed files. */
class DmsApplyRecoveryTest {

  @TempDir
  Path tmp;

  private DmsFixture dms;

  @BeforeEach
  void source() {
    dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000", "3,c,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a2,2.00,d,2025-01-01 10:00:00.000001", "I,4,d,1.00,d,2025-01-01 10:00:00.000002",
        "D,2,b,1.00,d,2025-01-01 10:00:00.000003", "U,3,c2,3.00,d,2025-01-01 10:00:00.000004",
        "I,5,e,5.00,d,2025-01-01 10:00:00.000005");
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER,
        "U,4,d2,4.00,d,2025-01-01 11:00:00.000001", "D,5,e,5.00,d,2025-01-01 11:00:00.000002",
        "I,2,b-again,2.00,d,2025-01-01 11:00:00.000003");
  }

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  private ApplyResult run(String base, ApplyListener listener) {
    return Specs.apply(dms, Specs.cow(base)).maxRowsPerCommit(2).listener(listener).execute();
  }

  /** Throws once, at the n-th call of the chosen callback. */
  private static final class Crash implements ApplyListener {
    private final boolean beforeCommit;
    private final int at;
    private final AtomicInteger seen = new AtomicInteger();

    Crash(boolean beforeCommit, int at) {
      this.beforeCommit = beforeCommit;
      this.at = at;
    }

    @Override
    public void beforeCommit(String table, String instant, long records) {
      if (beforeCommit && seen.incrementAndGet() == at) {
        throw new IllegalStateException("injected crash after write, before commit " + instant);
      }
    }

    @Override
    public void commitDone(String table, CommitSummary commit) {
      if (!beforeCommit && seen.incrementAndGet() == at) {
        throw new IllegalStateException("injected crash after commit " + commit.instant());
      }
    }
  }

  @Test
  void boundedBatchesSplitTheBacklogAndReplayIsANoOp() {
    String base = base("bounded");
    List<CommitSummary> commits = new ArrayList<>();
    ApplyResult r = run(base, new ApplyListener() {
      @Override
      public void commitDone(String table, CommitSummary commit) {
        commits.add(commit);
      }
    });
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    // 11 source rows, at most 2 per commit
    assertThat(commits).hasSize(6);
    assertThat(commits).allSatisfy(c -> assertThat(c.inserts() + c.updates() + c.deletes()).isLessThanOrEqualTo(2));
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1", "2", "3", "4");

    int before = DmsFixture.commits(base, "ID");
    ApplyResult replay = run(base, ApplyListener.NONE);
    assertThat(replay.succeeded()).isTrue();
    assertThat(replay.table("app.people").counter(RunReport.COMMITS)).isZero();
    assertThat(replay.table("app.people").counter(RunReport.ROWS_READ)).isZero();
    assertThat(DmsFixture.commits(base, "ID")).isEqualTo(before);
  }

  @Test
  void aBatchThatFillsAtTheEndOfAFileCommitsItDoneWithoutAnEmptyCommit() {
    // 11 source rows: a batch of 11 fills at the last row of the last file
    String whole = base("whole");
    ApplyResult r = Specs.apply(dms, Specs.cow(whole)).maxRowsPerCommit(11).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    List<HudiCommit> commits = DmsFixture.commitList(whole, "ID");
    assertThat(commits).hasSize(1);
    SourceCheckpoint.Stored only = SourceCheckpoint.parse(commits.get(0).extraMetadata().get(SourceCheckpoint.METADATA_KEY));
    assertThat(only.files).containsOnlyKeys("LOAD00000001.csv", "20250101-100000000.csv", "20250101-110000000.csv");
    assertThat(only.partialFile).isNull();

    // batches of 3 fill at the end of the 3-row load file: that commit records the file done, not 3 rows of it
    String threes = base("threes");
    assertThat(Specs.apply(dms, Specs.cow(threes)).maxRowsPerCommit(3).execute().succeeded()).isTrue();
    List<HudiCommit> byThree = DmsFixture.commitList(threes, "ID");
    assertThat(byThree).hasSize(4).allSatisfy(c -> assertThat(c.recordsWritten()).isPositive());
    SourceCheckpoint.Stored first = SourceCheckpoint.parse(byThree.get(0).extraMetadata().get(SourceCheckpoint.METADATA_KEY));
    assertThat(first.files).containsOnlyKeys("LOAD00000001.csv");
    assertThat(first.partialFile).isNull();
    assertThat(DmsApplyOrderingTest.values(threes)).isEqualTo(DmsApplyOrderingTest.values(whole));
  }

  @Test
  void crashAtAnyCommitThenRerunConvergesToTheUninterruptedTable() {
    String expected = base("uninterrupted");
    assertThat(run(expected, ApplyListener.NONE).succeeded()).isTrue();
    int expectedCommits = DmsFixture.commits(expected, "ID");

    for (boolean beforeCommit : new boolean[] {true, false}) {
      for (int at = 1; at <= 6; at++) {
        String base = base("crash-" + (beforeCommit ? "before" : "after") + "-" + at);
        ApplyResult crashed = run(base, new Crash(beforeCommit, at));
        assertThat(crashed.succeeded()).isFalse();
        assertThat(crashed.table("app.people").errors().get(0)).contains("injected crash");

        ApplyResult rerun = run(base, ApplyListener.NONE);
        assertThat(rerun.succeeded()).as(rerun.report().toJson()).isTrue();
        String label = (beforeCommit ? "crash before commit " : "crash after commit ") + at;
        assertThat(DmsApplyOrderingTest.values(base)).as(label).isEqualTo(DmsApplyOrderingTest.values(expected));
        assertThat(DmsFixture.commits(base, "ID")).as(label).isEqualTo(expectedCommits);
        assertThat(run(base, ApplyListener.NONE).table("app.people").counter(RunReport.COMMITS)).as(label).isZero();
      }
    }
  }

  @Test
  void checkpointTravelsInTheCommitAndGrowsIntoASidecarBase() {
    String base = base("checkpoint");
    assertThat(run(base, ApplyListener.NONE).succeeded()).isTrue();
    List<HudiCommit> commits = DmsFixture.commitList(base, "ID");
    assertThat(commits).allSatisfy(c -> assertThat(c.extraMetadata()).containsKey(SourceCheckpoint.METADATA_KEY));
    SourceCheckpoint.Stored last = SourceCheckpoint.parse(
        commits.get(commits.size() - 1).extraMetadata().get(SourceCheckpoint.METADATA_KEY));
    assertThat(last.files).containsOnlyKeys("LOAD00000001.csv", "20250101-100000000.csv", "20250101-110000000.csv");
    assertThat(last.partialFile).isNull();
    // a commit that ended inside a file records how far it got: rows 1-2 of the load, then row 3 of the load
    // with row 1 of the first CDC file, then its rows 2-3
    SourceCheckpoint.Stored first = SourceCheckpoint.parse(commits.get(0).extraMetadata().get(SourceCheckpoint.METADATA_KEY));
    assertThat(first.partialFile).isEqualTo("LOAD00000001.csv");
    assertThat(first.partialRows).isEqualTo(2);
    SourceCheckpoint.Stored third = SourceCheckpoint.parse(commits.get(2).extraMetadata().get(SourceCheckpoint.METADATA_KEY));
    assertThat(third.partialFile).isEqualTo("20250101-100000000.csv");
    assertThat(third.partialRows).isEqualTo(3);

    SourceCheckpoint big = SourceCheckpoint.EMPTY;
    for (int i = 0; i < TableApplier.MAX_CHECKPOINT_DELTA + 5; i++) {
      big = big.withFileDone(String.format("2025/01/01/20250101-%06d000.csv", i), "10");
    }
    SourceCheckpoint base0 = new SourceCheckpoint(big.applied(), null, 0);
    assertThat(big.deltaSize(null)).isGreaterThan(TableApplier.MAX_CHECKPOINT_DELTA);
    SourceCheckpoint next = big.withFileDone("2025/01/02/20250102-000000000.csv", "10").withPartial("x.csv", 3);
    String json = next.toCommitMetadata("applied-base.json.gz", base0).get(SourceCheckpoint.METADATA_KEY);
    assertThat(json.length()).isLessThan(300);
    assertThat(SourceCheckpoint.parse(json).resolve(base0)).isEqualTo(next);
  }

  @Test
  void aFileRewrittenWithOtherContentIsAppliedAgainAndReported() {
    String base = base("changed");
    assertThat(run(base, ApplyListener.NONE).succeeded()).isTrue();
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER,
        "U,4,d2,4.00,d,2025-01-01 11:00:00.000001", "D,5,e,5.00,d,2025-01-01 11:00:00.000002",
        "I,2,b-again,2.00,d,2025-01-01 11:00:00.000003", "U,1,late-addition,9.00,d,2025-01-01 11:00:00.000004");
    ApplyResult r = run(base, ApplyListener.NONE);
    assertThat(r.table("app.people").counter(TableApplier.CHANGED_FILES)).isEqualTo(1);
    assertThat(DmsFixture.s(DmsFixture.read(base, "ID").get("1"), "NAME")).isEqualTo("late-addition");
  }
}

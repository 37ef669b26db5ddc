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

package io.lakesmith.compaction.hudi;

import static io.lakesmith.compaction.hudi.HudiFixture.checkpoint;
import static io.lakesmith.compaction.hudi.HudiFixture.contents;
import static io.lakesmith.compaction.hudi.HudiFixture.contentsAsOf;
import static io.lakesmith.compaction.hudi.HudiFixture.dataFiles;
import static io.lakesmith.compaction.hudi.HudiFixture.delete;
import static io.lakesmith.compaction.hudi.HudiFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hudi table services on real tables shaped like the apply engine's; contents read back through HudiTableReader. */
class HudiMaintenanceTest {

  @TempDir
  Path dir;

  /** A copy-on-write table with {@code commits} commits: 8 rows in 2 partitions, then updates of 4 rows per commit. */
  private static Map<String, Map<Long, String>> cowHistory(HudiTable t, int commits) {
    Map<String, Map<Long, String>> asOf = new LinkedHashMap<>();
    List<org.apache.avro.generic.GenericRecord> rows = new ArrayList<>();
    for (long id = 1; id <= 8; id++) {
      rows.add(row(id, "v1-" + id, id % 2 == 0 ? "eu" : "us", 1));
    }
    asOf.put(t.insert(rows, checkpoint(1)).instantTime(), contents(t));
    for (int c = 2; c <= commits; c++) {
      List<org.apache.avro.generic.GenericRecord> upd = new ArrayList<>();
      for (long id = 1; id <= 4; id++) {
        upd.add(row(id, "v" + c + "-" + id, id % 2 == 0 ? "eu" : "us", c));
      }
      asOf.put(t.upsert(upd, checkpoint(c)).instantTime(), contents(t));
    }
    return asOf;
  }

  @Test
  void cleanRemovesOnlyFileSlicesNoRetainedCommitNeeds() {
    try (HudiTable t = HudiFixture.create(dir, TableType.COPY_ON_WRITE);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      Map<String, Map<Long, String>> asOf = cowHistory(t, 5);
      List<String> instants = new ArrayList<>(asOf.keySet());
      List<String> before = dataFiles(t);
      // 2 partitions x 1 file group, one new file slice per commit
      assertThat(before).hasSize(10);

      HudiServiceResult r = m.clean().retainCommits(2).execute();

      assertThat(r.didWork()).isTrue();
      assertThat(r.instants()).hasSize(1);
      List<String> after = dataFiles(t);
      assertThat(r.deletedFiles()).isNotEmpty();
      assertThat(after).doesNotContainAnyElementsOf(r.deletedFiles()).hasSize(before.size() - r.deletedFiles().size());
      // the latest snapshot and the snapshots of the retained commits read exactly as before
      assertThat(contents(t)).isEqualTo(asOf.get(instants.get(4)));
      assertThat(contentsAsOf(t, instants.get(4))).isEqualTo(asOf.get(instants.get(4)));
      assertThat(contentsAsOf(t, instants.get(3))).isEqualTo(asOf.get(instants.get(3)));
      // every deleted file belonged to a commit older than the earliest retained one
      String earliestRetained = instants.get(3);
      assertThat(r.deletedFiles()).allSatisfy(f -> assertThat(commitOf(f)).isLessThan(earliestRetained));
      assertThat(r.report().counter("filesDeleted")).isEqualTo(r.deletedFiles().size());

      // nothing left to clean: idempotent
      HudiServiceResult again = m.clean().retainCommits(2).execute();
      assertThat(again.deletedFiles()).isEmpty();
      assertThat(dataFiles(t)).isEqualTo(after);
    }
  }

  /** The commit time in a base file name {@code <fileId>_<writeToken>_<instant>.parquet}. */
  private static String commitOf(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.substring(name.lastIndexOf('_') + 1, name.indexOf('.'));
  }

  @Test
  void cleanByFileVersionsAndByHours() {
    try (HudiTable t = HudiFixture.create(dir, TableType.COPY_ON_WRITE);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      Map<String, Map<Long, String>> asOf = cowHistory(t, 4);
      Map<Long, String> latest = contents(t);
      // every commit is younger than an hour: nothing is old enough to go
      HudiServiceResult byHours = m.clean().retainHours(1).execute();
      assertThat(byHours.deletedFiles()).isEmpty();
      for (Map.Entry<String, Map<Long, String>> e : asOf.entrySet()) {
        assertThat(contentsAsOf(t, e.getKey())).isEqualTo(e.getValue());
      }
      HudiServiceResult byVersions = m.clean().retainFileVersions(2).execute();
      assertThat(byVersions.deletedFiles()).hasSize(4); // 2 file groups x (4 - 2) old versions
      assertThat(dataFiles(t)).hasSize(4);
      assertThat(contents(t)).isEqualTo(latest);
    }
  }

  @Test
  void savepointedFilesSurviveCleaningAndRestoreReturnsToThem() {
    try (HudiTable t = HudiFixture.create(dir, TableType.COPY_ON_WRITE);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      Map<String, Map<Long, String>> asOf = cowHistory(t, 2);
      String saved = t.latestCommit().orElseThrow().instantTime();
      Map<Long, String> savedContents = asOf.get(saved);
      HudiServiceResult sp = m.savepoint().comment("before the 2025 reorg").execute();
      assertThat(sp.instants()).containsExactly(saved);
      assertThat(m.savepoints()).containsExactly(saved);
      assertThat(m.savepoint().instant(saved).execute().skippedReason()).isPresent();

      for (int c = 3; c <= 5; c++) {
        t.upsert(List.of(row(1, "later-" + c, "us", c), row(2, "later-" + c, "eu", c)), checkpoint(c));
      }
      Map<Long, String> latest = contents(t);
      HudiServiceResult clean = m.clean().retainCommits(1).execute();
      assertThat(clean.deletedFiles()).isNotEmpty()
          .allSatisfy(f -> assertThat(commitOf(f)).isNotEqualTo(saved));
      assertThat(dataFiles(t)).anyMatch(f -> commitOf(f).equals(saved));
      assertThat(contentsAsOf(t, saved)).isEqualTo(savedContents);
      assertThat(contents(t)).isEqualTo(latest);

      HudiServiceResult restored = m.restore().toSavepoint(saved).execute();
      assertThat(restored.instants()).containsExactly(saved);
      assertThat(contents(t)).isEqualTo(savedContents);
      assertThat(t.latestCommit().orElseThrow().instantTime()).isEqualTo(saved);
      assertThat(t.latestCommit().orElseThrow().extraMetadata()).isEqualTo(checkpoint(2));

      m.deleteSavepoint(saved);
      assertThat(m.savepoints()).isEmpty();
    }
  }

  @Test
  void mergeOnReadCompactionLeavesTheSameSnapshot() {
    try (HudiTable t = HudiFixture.create(dir, TableType.MERGE_ON_READ);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      t.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)), checkpoint(1));
      t.upsert(List.of(row(1, "ann2", "eu", 2), delete(t, 2, "us", 2)), checkpoint(2));
      t.upsert(List.of(row(3, "cid2", "eu", 3), row(1, "late", "eu", 1)), checkpoint(3)); // late row loses
      assertThat(dataFiles(t)).anyMatch(f -> f.contains(".log."));
      Map<Long, String> before = contents(t);
      assertThat(before).containsOnlyKeys(1L, 3L);

      HudiServiceResult scheduled = m.compact().scheduleOnly().execute();
      assertThat(scheduled.instants()).hasSize(1);
      assertThat(contents(t)).isEqualTo(before);
      HudiServiceResult run = m.compact().runPendingOnly().execute();
      assertThat(run.instants()).isEqualTo(scheduled.instants());
      HudiCommit compaction = t.latestCommit().orElseThrow();
      assertThat(compaction.instantTime()).isEqualTo(run.instants().get(0));
      assertThat(compaction.action()).isEqualTo("commit");
      assertThat(compaction.extraMetadata()).doesNotContainKey(HudiMaintenance.CHECKPOINT_KEY);
      assertThat(contents(t)).isEqualTo(before);

      assertThat(m.compact().execute().skippedReason()).contains("no log files to compact");
      // the apply engine still finds its checkpoint: the newest commit that has one
      List<HudiCommit> commits = t.commits();
      assertThat(commits.stream().filter(c -> c.extraMetadata().containsKey(HudiMaintenance.CHECKPOINT_KEY))
          .reduce((a, b) -> b).orElseThrow().extraMetadata()).isEqualTo(checkpoint(3));
    }
  }

  @Test
  void clusteringMergesSmallFilesWithoutChangingContents() {
    try (HudiTable t = HudiFixture.create(dir, TableType.COPY_ON_WRITE);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      for (int c = 0; c < 4; c++) {
        List<org.apache.avro.generic.GenericRecord> rows = new ArrayList<>();
        for (long id = c * 10L; id < c * 10L + 10; id++) {
          rows.add(row(id, "n" + id, "eu", 1));
        }
        t.insert(rows, checkpoint(c + 1));
      }
      assertThat(dataFiles(t)).hasSize(4);
      Map<Long, String> before = contents(t);

      HudiServiceResult r = m.cluster().smallFileLimitBytes(10L << 20).targetFileBytes(100L << 20)
          .sortBy(List.of("id")).execute();

      assertThat(r.instants()).hasSize(1);
      assertThat(t.latestCommit().orElseThrow().action()).isEqualTo("replacecommit");
      assertThat(contents(t)).isEqualTo(before);
      // the replaced files stay while a retained commit (here: the clustering itself) may read as of before it
      assertThat(dataFiles(t)).hasSize(5);
      assertThat(m.clean().retainCommits(1).execute().deletedFiles()).isEmpty();
      assertThat(dataFiles(t)).hasSize(5);
      t.upsert(List.of(row(7, "n7-updated", "eu", 2)), checkpoint(5));
      Map<Long, String> updated = contents(t);
      HudiServiceResult clean = m.clean().retainCommits(1).execute();
      // the 4 replaced small files go; the clustered file's first slice is the version just before the earliest
      // retained commit, which Hudi keeps (it serves reads as of that commit)
      assertThat(clean.deletedFiles()).hasSize(4).allSatisfy(f -> assertThat(before.toString()).isNotEmpty());
      assertThat(dataFiles(t)).hasSize(2);
      assertThat(contents(t)).isEqualTo(updated);
      before.put(7L, updated.get(7L));
      assertThat(updated).isEqualTo(before);
      assertThat(m.cluster().smallFileLimitBytes(10L << 20).execute().didWork()).isFalse();
    }
  }

  @Test
  void archivalKeepsTheNewestCheckpointCarryingCommit() {
    try (HudiTable t = HudiFixture.create(dir, TableType.MERGE_ON_READ);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      t.insert(List.of(row(1, "a", "eu", 1), row(2, "b", "us", 1)), checkpoint(1));
      t.upsert(List.of(row(1, "a2", "eu", 2)), checkpoint(2));
      String lastCheckpoint = t.upsert(List.of(row(2, "b3", "us", 3)), checkpoint(3)).instantTime();
      m.compact().execute(); // a table-service commit: no checkpoint
      for (int i = 0; i < 5; i++) {
        t.upsert(List.of(), Map.of()); // commits without a checkpoint (e.g. another writer's)
      }
      Map<Long, String> before = contents(t);
      assertThat(t.commits()).hasSize(9);

      // keeping 2..3 commits would archive the checkpoint commit: the window is widened to keep it
      HudiServiceResult r = m.archive().keepCommits(2, 3).execute();

      assertThat(r.notes()).anyMatch(n -> n.contains("widened") && n.contains(lastCheckpoint));
      assertThat(r.commitsArchived()).isEqualTo(2);
      List<HudiCommit> active = t.commits();
      assertThat(active).hasSize(7);
      assertThat(active.get(0).instantTime()).isEqualTo(lastCheckpoint);
      assertThat(active.stream().filter(c -> c.extraMetadata().containsKey(HudiMaintenance.CHECKPOINT_KEY))
          .map(HudiCommit::instantTime)).containsExactly(lastCheckpoint);
      assertThat(contents(t)).isEqualTo(before);
    }
  }

  @Test
  void forTableOpensTheTableCheckedAgainstItsSpec() {
    try (HudiTable t = HudiFixture.create(dir, TableType.COPY_ON_WRITE)) {
      t.insert(List.of(row(1, "a", "eu", 1)), checkpoint(1));
    }
    io.lakesmith.core.table.TableSpec spec = HudiFixture.spec(dir, TableType.COPY_ON_WRITE);
    try (HudiMaintenance m = HudiMaintenance.forTable(spec, HudiFixture.options(), HudiFixture.LOCAL)) {
      HudiServiceResult r = m.savepoint().execute();
      assertThat(r.instants()).hasSize(1);
      assertThat(r.report().operation()).isEqualTo("hudi.savepoint");
      assertThat(m.compact().execute().skippedReason()).hasValueSatisfying(s -> assertThat(s).contains("copy-on-write"));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HudiMaintenance.forTable(
        HudiFixture.spec(dir, TableType.MERGE_ON_READ), HudiFixture.options(), HudiFixture.LOCAL))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("table type");
  }

  @Test
  void archivalIsRefusedWithoutACheckpointCommitUnlessIgnored() {
    try (HudiTable t = HudiFixture.create(dir, TableType.COPY_ON_WRITE);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      t.insert(List.of(row(1, "a", "eu", 1)), Map.of());
      for (int i = 2; i <= 5; i++) {
        t.upsert(List.of(row(1, "a" + i, "eu", i)), Map.of());
      }
      HudiServiceResult refused = m.archive().keepCommits(2, 3).execute();
      assertThat(refused.skippedReason()).hasValueSatisfying(s -> assertThat(s).contains("refused")
          .contains(HudiMaintenance.CHECKPOINT_KEY));
      assertThat(t.commits()).hasSize(5);

      Map<Long, String> before = contents(t);
      HudiServiceResult archived = m.archive().keepCommits(2, 3).ignoreCheckpoint().execute();
      assertThat(archived.commitsArchived()).isEqualTo(3);
      assertThat(t.commits()).hasSize(2);
      assertThat(contents(t)).isEqualTo(before);
    }
  }

  @Test
  void plannerRunsWhatTheTableNeedsInASafeOrder() {
    try (HudiTable t = HudiFixture.create(dir, TableType.MERGE_ON_READ);
        HudiMaintenance m = HudiMaintenance.forTable(t)) {
      MaintenancePolicy policy = MaintenancePolicy.builder().compactAfterDeltaCommits(3)
          .clean(io.lakesmith.core.hudi.CleanPolicy.KEEP_LATEST_COMMITS, 1).archive(2, 4).build();
      t.insert(List.of(row(1, "a", "eu", 1), row(2, "b", "us", 1)), checkpoint(1));
      assertThat(m.plan(policy).services()).containsExactly(HudiService.CLEAN);
      t.upsert(List.of(row(1, "a2", "eu", 2)), checkpoint(2));
      t.upsert(List.of(row(2, "b3", "us", 3)), checkpoint(3));

      // round 1: three delta commits (the insert is one too): compact, then clean (nothing old enough yet)
      MaintenancePlan first = m.plan(policy);
      assertThat(first.services()).containsExactly(HudiService.COMPACT, HudiService.CLEAN);
      assertThat(first.steps().get(0).reason()).contains("3 delta commits");
      Map<Long, String> before1 = contents(t);
      MaintenanceRun run1 = m.runNeeded(policy);
      assertThat(run1.results()).extracting(HudiServiceResult::service)
          .containsExactly(HudiService.COMPACT, HudiService.CLEAN);
      assertThat(run1.results().get(0).didWork()).isTrue();
      assertThat(contents(t)).isEqualTo(before1);

      // round 2: three more delta commits and more than 4 commits: compact, clean, archive, in that order
      t.upsert(List.of(row(1, "a4", "eu", 4), delete(t, 2, "us", 4)), checkpoint(4));
      t.upsert(List.of(row(3, "c5", "eu", 5)), checkpoint(5));
      t.upsert(List.of(row(1, "a6", "eu", 6)), checkpoint(6));
      Map<Long, String> before2 = contents(t);
      MaintenancePlan second = m.plan(policy);
      assertThat(second.services()).containsExactly(HudiService.COMPACT, HudiService.CLEAN, HudiService.ARCHIVE);

      MaintenanceRun run2 = m.runNeeded(policy);

      assertThat(run2.results()).extracting(HudiServiceResult::service)
          .containsExactly(HudiService.COMPACT, HudiService.CLEAN, HudiService.ARCHIVE);
      assertThat(run2.results()).as(run2.results().toString()).allMatch(HudiServiceResult::didWork);
      assertThat(run2.results().get(1).deletedFiles()).isNotEmpty(); // the slices from before the first compaction
      assertThat(run2.results().get(2).commitsArchived()).isPositive();
      assertThat(run2.report().children()).hasSize(3);
      assertThat(run2.report().status()).isEqualTo(io.lakesmith.core.report.RunReport.Status.SUCCEEDED);
      assertThat(contents(t)).isEqualTo(before2);
      assertThat(t.commits().stream().filter(c -> c.extraMetadata().containsKey(HudiMaintenance.CHECKPOINT_KEY))
          .reduce((a, b) -> b).orElseThrow().extraMetadata()).isEqualTo(checkpoint(6));
      // right after maintenance the table needs nothing
      assertThat(m.plan(policy).isEmpty()).as(m.plan(policy).toString()).isTrue();
    }
  }
}

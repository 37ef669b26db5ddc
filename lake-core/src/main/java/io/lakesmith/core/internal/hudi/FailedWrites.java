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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.HudiWriteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.hudi.avro.model.HoodieRollbackPlan;
import org.apache.hudi.common.model.HoodieCommitMetadata;
import org.apache.hudi.common.model.HoodieWriteStat;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieActiveTimeline;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.common.util.ClusteringUtils;
import org.apache.hudi.storage.StoragePath;
import org.apache.hudi.table.action.rollback.RollbackUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a writer holding a table's writer lease finds left by dead writers on the timeline, and how it is repaired.
 * Under the lease no other Lakesmith writer is active, so every pending write instant (commit, deltacommit,
 * replacecommit that is not a clustering plan) belongs to a writer that died, and is rolled back before writing:
 * Hudi's lazy failed-write cleaning (what optimistic concurrency control needs) would otherwise leave it on the
 * timeline until its heartbeat expires. Pending compactions and clusterings are plans, not failed writes: they are
 * left for maintenance to complete.
 *
 * <p>A pending rollback of a <em>completed</em> commit is the "wedged timeline" two unlocked writers leave behind:
 * one writer planned to roll back the other's commit while it was in flight, the commit then completed, and the
 * rollback (which Hudi refuses with "Found commits after time ..., please rollback greater commits first" when later
 * commits exist, or, under lazy cleaning, would execute and delete committed data) stays pending forever. When every
 * file the commit wrote is still there, the rollback never started deleting: its plan is abandoned (its instant
 * files removed) and the commit kept. Otherwise the table needs a restore and the repair refuses.
 */
final class FailedWrites {

  private static final Logger LOG = LoggerFactory.getLogger(FailedWrites.class);

  private FailedWrites() {}

  /**
   * Abandons pending rollbacks of completed commits whose files are all present.
   *
   * @return the instant times of the abandoned rollbacks
   * @throws HudiWriteException when such a rollback already deleted files of its commit
   */
  static List<String> abandonRollbacksOfCompletedCommits(HoodieTableMetaClient metaClient, String table) {
    HoodieActiveTimeline timeline = metaClient.reloadActiveTimeline();
    HoodieTimeline completed = timeline.getCommitsTimeline().filterCompletedInstants();
    List<String> abandoned = new ArrayList<>();
    for (HoodieInstant rollback : timeline.getRollbackTimeline().filterInflightsAndRequested().getInstants()) {
      String target = target(metaClient, rollback);
      if (target == null) {
        continue;
      }
      HoodieInstant commit = completed.getInstantsAsStream().filter(i -> i.requestedTime().equals(target))
          .findFirst().orElse(null);
      if (commit == null) {
        continue; // a rollback of a failed write: resumed by rollBack below
      }
      List<String> missing = missingFiles(metaClient, timeline, commit);
      if (!missing.isEmpty()) {
        throw new HudiWriteException("table " + table + ": pending rollback " + rollback.requestedTime()
            + " of completed commit " + target + " already deleted " + missing.size() + " of its files (e.g. "
            + missing.get(0) + "): restore the table to a savepoint before writing");
      }
      LOG.warn("{}: abandoning rollback {} of completed commit {} (planned while the commit was in flight; none of its"
          + " files was deleted)", table, rollback.requestedTime(), target);
      for (HoodieInstant.State state : new HoodieInstant.State[] {HoodieInstant.State.INFLIGHT,
          HoodieInstant.State.REQUESTED}) {
        timeline.deleteInstantFileIfExists(metaClient.createNewInstant(state, HoodieTimeline.ROLLBACK_ACTION,
            rollback.requestedTime()));
      }
      abandoned.add(rollback.requestedTime());
    }
    if (!abandoned.isEmpty()) {
      metaClient.reloadActiveTimeline();
    }
    return abandoned;
  }

  /**
   * Instant times of the pending writes of dead writers, newest first: pending commits, delta commits and
   * replace commits that are not clustering plans, and the targets of pending rollbacks.
   */
  static List<String> pendingWrites(HoodieTableMetaClient metaClient) {
    HoodieActiveTimeline timeline = metaClient.reloadActiveTimeline();
    TreeSet<String> out = new TreeSet<>(Comparator.reverseOrder());
    for (HoodieInstant i : timeline.getCommitsTimeline().filterPendingExcludingCompactionAndLogCompaction()
        .getInstants()) {
      if (!ClusteringUtils.isClusteringInstant(timeline, i, metaClient.getInstantGenerator())) {
        out.add(i.requestedTime());
      }
    }
    HoodieTimeline completed = timeline.getCommitsTimeline().filterCompletedInstants();
    for (HoodieInstant rollback : timeline.getRollbackTimeline().filterInflightsAndRequested().getInstants()) {
      String target = target(metaClient, rollback);
      if (target != null && !completed.containsInstant(target)) {
        out.add(target);
      }
    }
    return new ArrayList<>(out);
  }

  private static String target(HoodieTableMetaClient metaClient, HoodieInstant rollback) {
    try {
      HoodieRollbackPlan plan = RollbackUtils.getRollbackPlan(metaClient, rollback);
      return plan.getInstantToRollback() == null ? null : plan.getInstantToRollback().getCommitTime();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read rollback plan {}: {}", rollback, e.toString());
      return null;
    }
  }

  private static List<String> missingFiles(HoodieTableMetaClient metaClient, HoodieTimeline timeline,
      HoodieInstant commit) {
    List<String> missing = new ArrayList<>();
    try {
      HoodieCommitMetadata md = HoodieTimeline.REPLACE_COMMIT_ACTION.equals(commit.getAction())
          || HoodieTimeline.CLUSTERING_ACTION.equals(commit.getAction())
          ? timeline.readReplaceCommitMetadata(commit) : timeline.readCommitMetadata(commit);
      for (HoodieWriteStat s : md.getWriteStats()) {
        if (s.getPath() == null || s.getPath().isEmpty()) {
          continue;
        }
        if (!metaClient.getStorage().exists(new StoragePath(metaClient.getBasePath(), s.getPath()))) {
          missing.add(s.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit " + commit + " of " + metaClient.getBasePath(), e);
    }
    return missing;
  }
}

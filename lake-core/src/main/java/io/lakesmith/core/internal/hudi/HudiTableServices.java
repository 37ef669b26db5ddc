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

import io.lakesmith.core.hudi.CommitLock;
import io.lakesmith.core.hudi.CleanPolicy;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.lakesmith.core.table.TableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hudi.avro.model.HoodieCleanMetadata;
import org.apache.hudi.avro.model.HoodieCleanPartitionMetadata;
import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.config.HoodieMetadataConfig;
import org.apache.hudi.common.engine.HoodieLocalEngineContext;
import org.apache.hudi.common.fs.FSUtils;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.common.table.view.FileSystemViewManager;
import org.apache.hudi.common.table.view.HoodieTableFileSystemView;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieCompactionConfig;
import org.apache.hudi.config.HoodieWriteConfig;

/**
 * Hudi table services for one open {@link HudiTable}, through Hudi's Java write client: cleaning, merge-on-read
 * compaction, clustering, timeline archival, savepoints and restore. Parameters are typed; Hudi configuration
 * keys stay in this package. Each call opens one write client with the table's write options (automatic clean and
 * archive off: nothing runs that the caller did not ask for), does its work inline and closes the client; it
 * first closes the table's own write client and, when the table holds its writer lease ({@link HudiTable#holding}),
 * checks that the lease is still held. Like every Lakesmith write client it runs Hudi's optimistic concurrency
 * control with the table's {@link CommitLock}: a clean can run beside a writer; services that rewrite or schedule
 * rewrites of file groups (compaction, clustering) or change the timeline's history (archival, savepoints, restore)
 * must run holding the writer lease, because a compaction or clustering plan scheduled while a writer is in flight
 * fails that writer's conflict check when both touch one file group.
 *
 * <p>Hudi's own guarantees apply and are relied on: the cleaner never deletes a file a retained commit or a
 * savepoint needs; archival never passes the first savepoint, a pending compaction or clustering, or the instants
 * the cleaner still retains; compaction and clustering rewrite data without changing the table's contents.
 */
public final class HudiTableServices {

  /** What a clean did. */
  public static final class CleanOutcome {
    private final String instant;
    private final String earliestCommitRetained;
    private final ImmutableList<String> deletedFiles;
    private final ImmutableList<String> failedFiles;

    CleanOutcome(String instant, String earliestCommitRetained, List<String> deletedFiles, List<String> failedFiles) {
      this.instant = instant;
      this.earliestCommitRetained = earliestCommitRetained;
      this.deletedFiles = ImmutableList.copyOf(deletedFiles);
      this.failedFiles = ImmutableList.copyOf(failedFiles);
    }

    /** The clean instant, or empty when there was nothing to clean. */
    public Optional<String> instant() {
      return Optional.ofNullable(instant);
    }

    /** The oldest commit whose files the clean kept (KEEP_LATEST_COMMITS / BY_HOURS). */
    public Optional<String> earliestCommitRetained() {
      return Optional.ofNullable(earliestCommitRetained);
    }

    /** Deleted files, as {@code partition/fileName}. */
    public List<String> deletedFiles() {
      return deletedFiles;
    }

    /** Files the cleaner planned to delete but could not (they are retried by the next clean). */
    public List<String> failedFiles() {
      return failedFiles;
    }

    @Override
    public String toString() {
      return "clean " + (instant == null ? "(nothing to clean)" : instant) + ": " + deletedFiles.size() + " files";
    }
  }

  private final HudiTable table;

  private HudiTableServices(HudiTable table) {
    this.table = table;
  }

  /** Services over {@code table}; the caller keeps owning (and closes) the table. */
  public static HudiTableServices of(HudiTable table) {
    return new HudiTableServices(Preconditions.checkNotNull(table, "table"));
  }

  public HudiTable table() {
    return table;
  }

  private HoodieJavaWriteClient<IndexedRecord> client(Map<String, String> overrides) {
    table.checkLease();
    table.releaseWriteClient();
    HoodieWriteConfig config = HudiConfigs.serviceConfig(table.spec(), table.basePath(), table.schema(),
        table.options(), overrides);
    return new HoodieJavaWriteClient<>(new HoodieJavaEngineContext(table.storageConf()), config);
  }

  private HoodieTimeline activeTimeline() {
    return table.metaClient().getActiveTimeline();
  }

  private static List<String> times(HoodieTimeline timeline) {
    List<String> out = new ArrayList<>();
    timeline.getInstants().forEach(i -> out.add(i.requestedTime()));
    return out;
  }

  // ---- timeline facts ----

  /** Instant times of the completed commits (commit, deltacommit, replacecommit) on the active timeline, oldest first. */
  public List<String> completedCommits() {
    return times(activeTimeline().getCommitsTimeline().filterCompletedInstants());
  }

  /** Instant times of the table's savepoints, oldest first. */
  public List<String> savepoints() {
    return times(activeTimeline().getSavePointTimeline().filterCompletedInstants());
  }

  /** Instant times of compactions scheduled but not completed. */
  public List<String> pendingCompactions() {
    return times(activeTimeline().filterPendingCompactionTimeline());
  }

  /** Instant times of clusterings scheduled but not completed. */
  public List<String> pendingClusterings() {
    return times(activeTimeline().filterPendingClusteringTimeline());
  }

  /** Completed delta commits after the last completed compaction (all of them when there was none); 0 for COW. */
  public int deltaCommitsSinceLastCompaction() {
    if (table.type() != TableType.MERGE_ON_READ) {
      return 0;
    }
    HoodieTimeline completed = activeTimeline().filterCompletedInstants();
    Option<HoodieInstant> lastCompaction = completed.getCommitTimeline().lastInstant();
    HoodieTimeline deltas = completed.getDeltaCommitTimeline();
    return lastCompaction.isPresent() ? deltas.findInstantsAfter(lastCompaction.get().requestedTime()).countInstants()
        : deltas.countInstants();
  }

  /** The latest clean instant, if any. */
  public Optional<String> lastClean() {
    Option<HoodieInstant> last = activeTimeline().getCleanerTimeline().filterCompletedInstants().lastInstant();
    return last.isPresent() ? Optional.of(last.get().requestedTime()) : Optional.empty();
  }

  /** Latest base files (one per file group) smaller than {@code limitBytes}: what clustering would merge. */
  public long smallBaseFiles(long limitBytes) {
    HoodieTableMetaClient metaClient = table.metaClient();
    HoodieLocalEngineContext engine = new HoodieLocalEngineContext(table.storageConf());
    HoodieMetadataConfig noMetadata = HoodieMetadataConfig.newBuilder().enable(false).build();
    long n = 0;
    try (HoodieTableFileSystemView view = FileSystemViewManager.createInMemoryFileSystemViewWithTimeline(engine,
        metaClient, noMetadata, metaClient.getActiveTimeline().getCommitsTimeline().filterCompletedInstants())) {
      for (String partition : FSUtils.getAllPartitionPaths(engine, metaClient, false)) {
        n += view.getLatestBaseFiles(partition).filter(f -> f.getFileSize() < limitBytes).count();
      }
    }
    return n;
  }

  // ---- services ----

  /**
   * Cleans file versions no longer needed under {@code policy} with {@code retained} commits, hours or file
   * versions. Files of savepointed commits and of pending compactions/clusterings are never cleaned.
   */
  public CleanOutcome clean(CleanPolicy policy, int retained) {
    Preconditions.checkNotNull(policy, "policy");
    Preconditions.checkArgument(retained >= 1, "retained must be >= 1, got %s", retained);
    HoodieCleanMetadata md;
    try (HoodieJavaWriteClient<IndexedRecord> c = client(HudiConfigs.cleanOverrides(policy, retained))) {
      md = c.clean();
    }
    if (md == null) {
      return new CleanOutcome(null, null, List.of(), List.of());
    }
    List<String> deleted = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (HoodieCleanPartitionMetadata p : md.getPartitionMetadata().values()) {
      String prefix = p.getPartitionPath() == null || p.getPartitionPath().isEmpty() ? "" : p.getPartitionPath() + "/";
      p.getSuccessDeleteFiles().forEach(f -> deleted.add(prefix + fileName(f)));
      p.getFailedDeleteFiles().forEach(f -> failed.add(prefix + fileName(f)));
    }
    String instant = lastClean().orElse(md.getStartCleanTime());
    String ectr = md.getEarliestCommitToRetain() == null || md.getEarliestCommitToRetain().isEmpty() ? null
        : md.getEarliestCommitToRetain();
    return new CleanOutcome(instant, ectr, deleted, failed);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Schedules a compaction of every file group of a merge-on-read table that has log files.
   *
   * @return the compaction instant; empty when nothing needs compacting or the table is copy-on-write
   */
  public Optional<String> scheduleCompaction() {
    if (table.type() != TableType.MERGE_ON_READ) {
      return Optional.empty();
    }
    try (HoodieJavaWriteClient<IndexedRecord> c = client(Map.of(
        HoodieCompactionConfig.INLINE_COMPACT_TRIGGER_STRATEGY.key(), "NUM_COMMITS",
        HoodieCompactionConfig.INLINE_COMPACT_NUM_DELTA_COMMITS.key(), "1"))) {
      Option<String> instant = c.scheduleCompaction(Option.empty());
      return instant.isPresent() ? Optional.of(instant.get()) : Optional.empty();
    }
  }

  /** Runs (or finishes, after a crash) the scheduled compaction {@code instant} and commits it. */
  public void runCompaction(String instant) {
    Preconditions.checkArgument(pendingCompactions().contains(instant), "no pending compaction %s on %s", instant,
        table.spec().identifier());
    try (HoodieJavaWriteClient<IndexedRecord> c = client(Map.of())) {
      c.compact(instant, true);
    }
    Preconditions.checkState(table.commit(instant).isPresent(), "compaction %s of %s did not complete", instant,
        table.spec().identifier());
  }

  /**
   * Schedules a clustering that rewrites file groups whose latest base file is below {@code smallFileLimitBytes}
   * into files of up to {@code targetFileBytes}, at most {@code maxGroups} groups, sorted by {@code sortColumns}
   * (empty: unsorted).
   *
   * @return the clustering instant, or empty when there is nothing to cluster
   */
  public Optional<String> scheduleClustering(long smallFileLimitBytes, long targetFileBytes, int maxGroups,
      List<String> sortColumns) {
    Preconditions.checkArgument(smallFileLimitBytes > 0 && targetFileBytes >= smallFileLimitBytes && maxGroups >= 1,
        "bad clustering sizes: small file limit %s, target %s, max groups %s", smallFileLimitBytes, targetFileBytes,
        maxGroups);
    try (HoodieJavaWriteClient<IndexedRecord> c = client(HudiConfigs.clusteringOverrides(smallFileLimitBytes,
        targetFileBytes, maxGroups, sortColumns))) {
      Option<String> instant = c.scheduleClustering(Option.empty());
      return instant.isPresent() ? Optional.of(instant.get()) : Optional.empty();
    }
  }

  /** Runs the scheduled clustering {@code instant} and commits it (a replacecommit). */
  public void runClustering(String instant) {
    Preconditions.checkArgument(pendingClusterings().contains(instant), "no pending clustering %s on %s", instant,
        table.spec().identifier());
    try (HoodieJavaWriteClient<IndexedRecord> c = client(HudiConfigs.clusteringOverrides(1, 1, 1, List.of()))) {
      c.cluster(instant, true);
    }
    Preconditions.checkState(table.commit(instant).isPresent(), "clustering %s of %s did not complete", instant,
        table.spec().identifier());
  }

  /**
   * Archives the oldest completed instants when more than {@code maxCommits} completed commits are on the active
   * timeline, keeping at least the newest {@code minCommits} (Hudi may keep more: it never archives past the
   * first savepoint, a pending instant or what the cleaner retains).
   *
   * @return the number of completed commits that left the active timeline
   */
  public int archive(int minCommits, int maxCommits) {
    Preconditions.checkArgument(minCommits >= 2 && maxCommits > minCommits,
        "archival needs 2 <= minCommits < maxCommits, got %s and %s", minCommits, maxCommits);
    int before = completedCommits().size();
    try (HoodieJavaWriteClient<IndexedRecord> c = client(HudiConfigs.archiveOverrides(minCommits, maxCommits))) {
      c.archive();
    }
    return before - completedCommits().size();
  }

  /** Savepoints the completed commit {@code instant}: its files survive cleaning and it can be restored. */
  public void savepoint(String instant, String user, String comment) {
    Preconditions.checkArgument(completedCommits().contains(instant), "no completed commit %s on %s", instant,
        table.spec().identifier());
    try (HoodieJavaWriteClient<IndexedRecord> c = client(Map.of())) {
      c.savepoint(instant, user, comment);
    }
  }

  /** Deletes the savepoint of {@code instant}; its files become cleanable. */
  public void deleteSavepoint(String instant) {
    try (HoodieJavaWriteClient<IndexedRecord> c = client(Map.of())) {
      c.deleteSavepoint(instant);
    }
  }

  /** Restores the table to the savepoint {@code instant}: every later commit is rolled back. */
  public void restoreToSavepoint(String instant) {
    Preconditions.checkArgument(savepoints().contains(instant), "no savepoint %s on %s", instant,
        table.spec().identifier());
    try (HoodieJavaWriteClient<IndexedRecord> c = client(Map.of())) {
      c.restoreToSavepoint(instant);
    }
    table.refresh();
  }
}

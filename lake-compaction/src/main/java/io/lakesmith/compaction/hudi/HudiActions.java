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

import com.google.common.base.Preconditions;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.internal.hudi.HudiTableServices;
import io.lakesmith.core.hudi.CleanPolicy;
import io.lakesmith.core.internal.hudi.HudiTableServices.CleanOutcome;
import io.lakesmith.core.table.TableType;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The implementations of the {@link HudiMaintenance} actions. */
final class HudiActions {

  private static final Logger LOG = LoggerFactory.getLogger(HudiActions.class);

  private HudiActions() {}

  static final class Clean implements CleanTable {
    private final HudiMaintenance m;
    private CleanPolicy policy = CleanPolicy.KEEP_LATEST_COMMITS;
    private int retained = 10;

    Clean(HudiMaintenance m) {
      this.m = m;
    }

    private CleanTable set(CleanPolicy p, int n) {
      Preconditions.checkArgument(n >= 1, "retention must be >= 1, got %s", n);
      this.policy = p;
      this.retained = n;
      return this;
    }

    @Override
    public CleanTable retainCommits(int commits) {
      return set(CleanPolicy.KEEP_LATEST_COMMITS, commits);
    }

    @Override
    public CleanTable retainHours(int hours) {
      return set(CleanPolicy.KEEP_LATEST_BY_HOURS, hours);
    }

    @Override
    public CleanTable retainFileVersions(int versions) {
      return set(CleanPolicy.KEEP_LATEST_FILE_VERSIONS, versions);
    }

    @Override
    public HudiServiceResult execute() {
      HudiServiceResult.Builder r = m.result(HudiService.CLEAN).note("policy " + policy + " " + retained);
      CleanOutcome o = m.services().clean(policy, retained);
      if (o.instant().isEmpty()) {
        return r.skipped("nothing to clean").build();
      }
      r.instant(o.instant().get()).deleted(o.deletedFiles());
      o.earliestCommitRetained().ifPresent(e -> r.note("earliest commit retained " + e));
      o.failedFiles().forEach(f -> r.error("could not delete " + f + " (the next clean retries it)"));
      return r.build();
    }
  }

  static final class Compact implements CompactTable {
    private final HudiMaintenance m;
    private boolean schedule = true;
    private boolean run = true;

    Compact(HudiMaintenance m) {
      this.m = m;
    }

    @Override
    public CompactTable scheduleOnly() {
      schedule = true;
      run = false;
      return this;
    }

    @Override
    public CompactTable runPendingOnly() {
      schedule = false;
      run = true;
      return this;
    }

    @Override
    public HudiServiceResult execute() {
      return m.underLease(this::run);
    }

    private HudiServiceResult run() {
      HudiServiceResult.Builder r = m.result(HudiService.COMPACT);
      if (m.table().type() != TableType.MERGE_ON_READ) {
        return r.skipped("copy-on-write tables have no log files to compact").build();
      }
      HudiTableServices s = m.services();
      if (run) {
        for (String pending : s.pendingCompactions()) {
          LOG.info("completing pending compaction {} of {}", pending, m.identifier());
          s.runCompaction(pending);
          r.instant(pending).note("completed pending compaction " + pending);
        }
      }
      if (schedule) {
        Optional<String> scheduled = s.scheduleCompaction();
        if (scheduled.isPresent()) {
          if (run) {
            s.runCompaction(scheduled.get());
          } else {
            r.note("scheduled only");
          }
          r.instant(scheduled.get());
        }
      }
      HudiServiceResult done = r.build();
      return done.instants().isEmpty() ? m.result(HudiService.COMPACT).skipped("no log files to compact").build()
          : done;
    }
  }

  static final class Cluster implements ClusterTable {
    private final HudiMaintenance m;
    private long smallFileLimit;
    private long target;
    private int maxGroups = 30;
    private List<String> sortBy = List.of();

    Cluster(HudiMaintenance m) {
      this.m = m;
      this.smallFileLimit = Math.max(1, m.table().options().smallFileLimitBytes());
      this.target = m.table().options().maxFileSizeBytes();
    }

    @Override
    public ClusterTable smallFileLimitBytes(long bytes) {
      Preconditions.checkArgument(bytes > 0, "small-file limit must be > 0");
      this.smallFileLimit = bytes;
      return this;
    }

    @Override
    public ClusterTable targetFileBytes(long bytes) {
      Preconditions.checkArgument(bytes > 0, "target file size must be > 0");
      this.target = bytes;
      return this;
    }

    @Override
    public ClusterTable maxGroups(int groups) {
      Preconditions.checkArgument(groups >= 1, "max groups must be >= 1");
      this.maxGroups = groups;
      return this;
    }

    @Override
    public ClusterTable sortBy(List<String> columns) {
      this.sortBy = List.copyOf(columns);
      return this;
    }

    @Override
    public HudiServiceResult execute() {
      return m.underLease(this::run);
    }

    private HudiServiceResult run() {
      HudiServiceResult.Builder r = m.result(HudiService.CLUSTER);
      HudiTableServices s = m.services();
      for (String pending : s.pendingClusterings()) {
        s.runClustering(pending);
        r.instant(pending).note("completed pending clustering " + pending);
      }
      Optional<String> scheduled = s.scheduleClustering(smallFileLimit, Math.max(target, smallFileLimit), maxGroups,
          sortBy);
      if (scheduled.isPresent()) {
        s.runClustering(scheduled.get());
        r.instant(scheduled.get());
      }
      HudiServiceResult done = r.build();
      return done.instants().isEmpty() ? m.result(HudiService.CLUSTER)
          .skipped("no file groups below " + smallFileLimit + " bytes to cluster").build() : done;
    }
  }

  static final class Archive implements ArchiveTimeline {
    private final HudiMaintenance m;
    private int min = 20;
    private int max = 30;
    private String checkpointKey = HudiMaintenance.CHECKPOINT_KEY;

    Archive(HudiMaintenance m) {
      this.m = m;
    }

    @Override
    public ArchiveTimeline keepCommits(int minCommits, int maxCommits) {
      Preconditions.checkArgument(minCommits >= 2 && maxCommits > minCommits,
          "archival needs 2 <= min < max, got %s and %s", minCommits, maxCommits);
      this.min = minCommits;
      this.max = maxCommits;
      return this;
    }

    @Override
    public ArchiveTimeline checkpointKey(String key) {
      Preconditions.checkArgument(key != null && !key.isBlank(), "checkpoint key must not be blank");
      this.checkpointKey = key;
      return this;
    }

    @Override
    public ArchiveTimeline ignoreCheckpoint() {
      this.checkpointKey = null;
      return this;
    }

    @Override
    public HudiServiceResult execute() {
      return m.underLease(this::run);
    }

    private HudiServiceResult run() {
      HudiServiceResult.Builder r = m.result(HudiService.ARCHIVE);
      int keepMin = min;
      int keepMax = max;
      String protectedCommit = null;
      if (checkpointKey != null) {
        List<HudiCommit> commits = m.commits();
        int newest = -1;
        for (int i = commits.size() - 1; i >= 0; i--) {
          if (commits.get(i).extraMetadata().containsKey(checkpointKey)) {
            newest = i;
            break;
          }
        }
        if (newest < 0) {
          String why = "refused: no commit on the active timeline of " + m.identifier() + " carries '" + checkpointKey
              + "'; archiving could leave the apply engine without a checkpoint (use ignoreCheckpoint() for tables "
              + "the apply engine does not write)";
          LOG.warn(why);
          return r.skipped(why).build();
        }
        protectedCommit = commits.get(newest).instantTime();
        int needed = commits.size() - newest; // the checkpoint commit and every commit after it
        if (needed > keepMin) {
          r.note("archival window widened from " + keepMin + " to " + needed + " commits to keep " + protectedCommit
              + ", the newest commit carrying '" + checkpointKey + "', on the active timeline");
          keepMin = needed;
          keepMax = Math.max(keepMax, keepMin + 1);
        }
      }
      int archived = m.services().archive(keepMin, keepMax);
      if (protectedCommit != null) {
        String pc = protectedCommit;
        boolean kept = m.commits().stream().anyMatch(c -> c.instantTime().equals(pc));
        if (!kept) {
          throw new IllegalStateException("archival of " + m.identifier() + " removed " + pc + ", the newest commit "
              + "carrying '" + checkpointKey + "', from the active timeline (min " + keepMin + ")");
        }
        r.note("kept checkpoint commit " + pc);
      }
      if (archived == 0) {
        return r.skipped("no commits to archive (active commits <= " + keepMax
            + ", or held by a savepoint, a pending instant or the cleaner)").build();
      }
      return r.archived(archived).build();
    }
  }

  static final class Savepoint implements CreateSavepoint {
    private final HudiMaintenance m;
    private String instant;
    private String user = "lakesmith";
    private String comment = "";

    Savepoint(HudiMaintenance m) {
      this.m = m;
    }

    @Override
    public CreateSavepoint instant(String instantTime) {
      this.instant = instantTime;
      return this;
    }

    @Override
    public CreateSavepoint user(String value) {
      this.user = value;
      return this;
    }

    @Override
    public CreateSavepoint comment(String value) {
      this.comment = value;
      return this;
    }

    @Override
    public HudiServiceResult execute() {
      return m.underLease(this::run);
    }

    private HudiServiceResult run() {
      String target = instant != null ? instant : m.table().latestCommit().map(HudiCommit::instantTime)
          .orElseThrow(() -> new IllegalStateException(m.identifier() + " has no completed commit to savepoint"));
      HudiServiceResult.Builder r = m.result(HudiService.SAVEPOINT);
      if (m.services().savepoints().contains(target)) {
        return r.skipped(target + " is already savepointed").build();
      }
      m.services().savepoint(target, user, comment);
      return r.instant(target).build();
    }
  }

  static final class Restore implements RestoreTable {
    private final HudiMaintenance m;
    private String savepoint;

    Restore(HudiMaintenance m) {
      this.m = m;
    }

    @Override
    public RestoreTable toSavepoint(String instantTime) {
      this.savepoint = instantTime;
      return this;
    }

    @Override
    public HudiServiceResult execute() {
      return m.underLease(this::run);
    }

    private HudiServiceResult run() {
      Preconditions.checkState(savepoint != null, "restore needs toSavepoint(...)");
      HudiServiceResult.Builder r = m.result(HudiService.RESTORE);
      m.services().restoreToSavepoint(savepoint);
      return r.instant(savepoint).build();
    }
  }
}

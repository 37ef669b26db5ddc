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

import io.lakesmith.core.hudi.CleanPolicy;
import com.google.common.base.Preconditions;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTableServices;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hudi table services over one Lakesmith Hudi table, in the style of Iceberg's actions:
 * {@code HudiMaintenance.forTable(spec, options, aws).clean().retainCommits(10).execute()}. Each action runs
 * inline through Hudi's Java write client and returns a {@link HudiServiceResult}; {@link #plan} and
 * {@link #runNeeded} decide what the table needs under a {@link MaintenancePolicy} and run it in a safe order.
 *
 * <p>Invariants: nothing a retained commit or a savepoint needs is deleted; the table's contents are the same
 * before and after every service except {@link #restore()}; archival keeps the newest commit carrying the apply
 * engine's source checkpoint on the active timeline ({@link ArchiveTimeline}). Not thread-safe. Close it to release
 * a table it opened.
 *
 * <p><b>Beside a writer.</b> Every service runs under Hudi's optimistic concurrency control with the table's commit
 * lock. A clean can run while an apply writes the table and does so. Every other service (compaction, clustering,
 * archival, savepoints, restore) takes the table's writer lease ({@link io.lakesmith.core.lock.TableLease}) for its duration, waiting up to
 * {@link LockOptions#waitTimeout()} of {@link #lockOptions} (default: not at all) while an apply holds it, and
 * otherwise fails with a one-line {@link io.lakesmith.core.lock.ConcurrentWriterException}, having changed nothing:
 * a compaction or clustering plan scheduled during an apply would make the apply's commit fail Hudi's conflict check
 * when both touch one file group. Holding the lease, it first rolls back writes that dead writers left in flight. A
 * table already holding its lease ({@link HudiTable#holding}) is used as is.
 */
public final class HudiMaintenance implements AutoCloseable {

  /** The extra-metadata key under which the DMS apply engine stores its source checkpoint. */
  public static final String CHECKPOINT_KEY = "lakesmith.checkpoint";

  private final HudiTable table;
  private final boolean ownsTable;
  private final HudiTableServices services;
  private LockOptions lockOptions = LockOptions.defaults();

  private HudiMaintenance(HudiTable table, boolean ownsTable) {
    this.table = table;
    this.ownsTable = ownsTable;
    this.services = HudiTableServices.of(table);
  }

  /** Opens the table at {@code spec.basePath()} (checked against spec and options); close this to release it. */
  public static HudiMaintenance forTable(TableSpec spec, HudiWriteOptions options, AwsSettings aws) {
    return new HudiMaintenance(HudiTables.open(spec, options, aws), true);
  }

  /** Maintenance of an already open table; the caller keeps owning it. */
  static HudiMaintenance forTable(HudiTable table) {
    return new HudiMaintenance(Preconditions.checkNotNull(table, "table"), false);
  }

  HudiTable table() {
    return table;
  }

  /** How services that need the table's writer lease take it (default: lease 60 s, fail at once when held). */
  public HudiMaintenance lockOptions(LockOptions value) {
    this.lockOptions = Preconditions.checkNotNull(value, "lockOptions");
    return this;
  }

  /** Runs {@code work} holding the table's writer lease (already held: as is). */
  <T> T underLease(Supplier<T> work) {
    if (table.lease().isPresent()) {
      return work.get();
    }
    table.acquireLease(lockOptions);
    try {
      return work.get();
    } finally {
      table.releaseLease();
    }
  }

  public CleanTable clean() {
    return new HudiActions.Clean(this);
  }

  public CompactTable compact() {
    return new HudiActions.Compact(this);
  }

  public ClusterTable cluster() {
    return new HudiActions.Cluster(this);
  }

  public ArchiveTimeline archive() {
    return new HudiActions.Archive(this);
  }

  public CreateSavepoint savepoint() {
    return new HudiActions.Savepoint(this);
  }

  public RestoreTable restore() {
    return new HudiActions.Restore(this);
  }

  /** Deletes the savepoint of {@code instantTime}; its files become cleanable again. */
  public HudiServiceResult deleteSavepoint(String instantTime) {
    return underLease(() -> deleteSavepointHolding(instantTime));
  }

  private HudiServiceResult deleteSavepointHolding(String instantTime) {
    HudiServiceResult.Builder r = result(HudiService.DELETE_SAVEPOINT);
    Preconditions.checkArgument(services.savepoints().contains(instantTime), "no savepoint %s on %s", instantTime,
        identifier());
    services.deleteSavepoint(instantTime);
    return r.instant(instantTime).build();
  }

  /** Instant times of the table's savepoints, oldest first. */
  public List<String> savepoints() {
    return services.savepoints();
  }

  /**
   * What the table needs now under {@code policy}, in the order {@link #runNeeded} would run it (see
   * {@link MaintenancePlan}).
   */
  public MaintenancePlan plan(MaintenancePolicy policy) {
    List<MaintenancePlan.Step> steps = new ArrayList<>();
    if (table.type() == TableType.MERGE_ON_READ) {
      List<String> pending = services.pendingCompactions();
      int deltas = services.deltaCommitsSinceLastCompaction();
      if (!pending.isEmpty()) {
        steps.add(new MaintenancePlan.Step(HudiService.COMPACT, pending.size() + " pending compaction(s) " + pending));
      } else if (policy.compactAfterDeltaCommits() > 0 && deltas >= policy.compactAfterDeltaCommits()) {
        steps.add(new MaintenancePlan.Step(HudiService.COMPACT, deltas + " delta commits since the last compaction (>= "
            + policy.compactAfterDeltaCommits() + ")"));
      }
    }
    if (policy.cluster()) {
      List<String> pending = services.pendingClusterings();
      long small = services.smallBaseFiles(policy.smallFileLimitBytes());
      if (!pending.isEmpty()) {
        steps.add(new MaintenancePlan.Step(HudiService.CLUSTER, pending.size() + " pending clustering(s) " + pending));
      } else if (small >= policy.minSmallFiles()) {
        steps.add(new MaintenancePlan.Step(HudiService.CLUSTER, small + " base files below "
            + policy.smallFileLimitBytes() + " bytes (>= " + policy.minSmallFiles() + ")"));
      }
    }
    if (policy.clean()) {
      List<String> commits = services.completedCommits();
      Optional<String> lastClean = services.lastClean();
      long since = lastClean.map(c -> commits.stream().filter(i -> i.compareTo(c) > 0).count())
          .orElse((long) commits.size());
      boolean writesAhead = !steps.isEmpty();
      if (since > 0 || writesAhead) {
        steps.add(new MaintenancePlan.Step(HudiService.CLEAN, (writesAhead ? "after the rewrite above; " : "")
            + since + " commit(s) since the last clean, policy " + policy.cleanPolicy() + " " + policy.cleanRetained()));
      }
    }
    if (policy.archive()) {
      int active = services.completedCommits().size();
      if (active > policy.archiveMax()) {
        steps.add(new MaintenancePlan.Step(HudiService.ARCHIVE, active + " completed commits on the active timeline (> "
            + policy.archiveMax() + ")"));
      }
    }
    return new MaintenancePlan(identifier(), steps);
  }

  /** Plans under {@code policy} and runs each step in order; stops at the first step that throws. */
  public MaintenanceRun runNeeded(MaintenancePolicy policy) {
    MaintenancePlan plan = plan(policy);
    boolean onlyClean = plan.steps().stream().allMatch(s -> s.service() == HudiService.CLEAN);
    return onlyClean ? run(plan, policy) : underLease(() -> run(plan(policy), policy));
  }

  private MaintenanceRun run(MaintenancePlan plan, MaintenancePolicy policy) {
    RunReport.Builder report = RunReport.builder("hudi.maintenance", identifier());
    report.detail("plan", plan.steps().toString()).detail("policy", policy.toString());
    List<HudiServiceResult> results = new ArrayList<>();
    for (MaintenancePlan.Step step : plan.steps()) {
      HudiServiceResult r;
      switch (step.service()) {
        case COMPACT:
          r = compact().execute();
          break;
        case CLUSTER:
          r = cluster().smallFileLimitBytes(policy.smallFileLimitBytes()).targetFileBytes(policy.targetFileBytes())
              .execute();
          break;
        case CLEAN: {
          CleanTable c = clean();
          switch (policy.cleanPolicy()) {
            case KEEP_LATEST_BY_HOURS: c.retainHours(policy.cleanRetained()); break;
            case KEEP_LATEST_FILE_VERSIONS: c.retainFileVersions(policy.cleanRetained()); break;
            default: c.retainCommits(policy.cleanRetained());
          }
          r = c.execute();
          break;
        }
        case ARCHIVE: {
          int min = policy.archiveMin();
          if (policy.clean() && policy.cleanPolicy() == CleanPolicy.KEEP_LATEST_COMMITS) {
            min = Math.max(min, policy.cleanRetained() + 1); // never archive commits the cleaner still retains
          }
          ArchiveTimeline a = archive().keepCommits(min, Math.max(policy.archiveMax(), min + 1));
          if (policy.checkpointKey() == null) {
            a.ignoreCheckpoint();
          } else {
            a.checkpointKey(policy.checkpointKey());
          }
          r = a.execute();
          break;
        }
        default:
          throw new IllegalStateException("the planner does not schedule " + step.service());
      }
      results.add(r);
      report.child(r.report());
    }
    return new MaintenanceRun(plan, results, report.finish());
  }

  HudiTableServices services() {
    return services;
  }

  String identifier() {
    return table.spec().identifier();
  }

  HudiServiceResult.Builder result(HudiService service) {
    return new HudiServiceResult.Builder(service, identifier(), table.basePath());
  }

  /** Commits on the active timeline, oldest first. */
  List<HudiCommit> commits() {
    return table.commits();
  }

  @Override
  public void close() {
    if (ownsTable) {
      table.close();
    }
  }

  @Override
  public String toString() {
    return "HudiMaintenance{" + table + "}";
  }
}

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

package io.lakesmith.examples.tutorials;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.compaction.ExpireObjectVersionsResult;
import io.lakesmith.compaction.LogPosition;
import io.lakesmith.compaction.LogTimestampSource;
import io.lakesmith.compaction.TableMaintenance;
import io.lakesmith.compaction.Tier2Layout;
import io.lakesmith.compaction.Tier2Writer;
import io.lakesmith.compaction.TombstoneRule;
import io.lakesmith.compaction.hudi.HudiMaintenance;
import io.lakesmith.compaction.hudi.HudiServiceResult;
import io.lakesmith.compaction.hudi.MaintenancePolicy;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tutorial (c), table maintenance:
 * <ol>
 *   <li>{@link #tier2Compaction}: a Tier-2 prefix (DMS changes repartitioned by record key, one object per write)
 *       keeps only the newest object per key by DMS log position; keys whose newest object is a delete are removed.
 *       A dry run first reports exactly what the real run deletes.</li>
 *   <li>{@link #hudiMaintenance}: a merge-on-read Hudi table takes CDC updates as log files; the planner of
 *       {@link HudiMaintenance} sees the delta commits and compacts, then cleans.</li>
 * </ol>
 */
public final class MaintenanceTutorial {

  private MaintenanceTutorial() {}

  /** The ordering field every Lakesmith DMS table has: the change sequence the apply assigns. */
  static final String ORDERING = io.lakesmith.cdc.DmsApply.ORDERING_FIELD;

  /**
   * Writes a small Tier-2 layout under {@code prefix} (as a repartitioning job would: {@code employee_id=<id>/}
   * folders, log position and operation in the objects' metadata), then compacts it: dry run, real run.
   *
   * @return the dry run's and the real run's results
   */
  public static List<ExpireObjectVersionsResult> tier2Compaction(AwsSettings aws, String prefix, PrintStream out) {
    StorageLocation root = StorageLocation.parse(prefix);
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
    try (ObjectStore store = ObjectStores.open(root, aws)) {
      Tier2Writer writer = Tier2Writer.of(store);
      String[][] objects = {
          {"employee_id=100/20250301-100000.csv", "0", "I"}, {"employee_id=100/20250301-110000.csv", "60", "U"},
          {"employee_id=100/20250301-120000.csv", "120", "U"},
          {"employee_id=105/20250301-100000.csv", "0", "I"}, {"employee_id=105/20250301-130000.csv", "180", "D"},
          {"employee_id=206/20250301-100000.csv", "0", "I"}};
      for (String[] o : objects) {
        writer.put(root.resolve(o[0]).key(), ("row " + o[0]).getBytes(StandardCharsets.UTF_8),
            LogPosition.of(twoDaysAgo.plus(Duration.ofMinutes(Long.parseLong(o[1])))), o[2]);
      }
    }
    Tier2Layout layout = Tier2Layout.builder(prefix).partitionFolders("employee_id")
        .logTimestamp(LogTimestampSource.metadata()).tombstone(TombstoneRule.dmsOperationMetadata()).build();

    ExpireObjectVersionsResult dry = TableMaintenance.on(aws).expireOldVersions(layout)
        .olderThan(Duration.ofHours(24)).dryRun().execute();
    out.println("dry run: would delete " + dry.objectsDeleted() + " of " + dry.objectsScanned() + " objects, remove "
        + dry.removedKeys().size() + " key(s)");
    dry.deletions().forEach(d -> out.println("  " + d.label() + " (" + d.reason() + ")"));

    ExpireObjectVersionsResult real = TableMaintenance.on(aws).expireOldVersions(layout)
        .olderThan(Duration.ofHours(24)).execute();
    out.println("compaction: deleted " + real.objectsDeleted() + " objects, kept " + real.objectsKept()
        + ", removed keys " + real.removedKeys().stream().map(k -> k.recordKey()).toList());
    return List.of(dry, real);
  }

  /**
   * Applies the DMS output under {@code dmsRoot} to a merge-on-read table, then runs what the maintenance planner
   * says the table needs (a policy that compacts after 1 delta commit).
   */
  public static MaintenanceRun hudiMaintenance(AwsSettings aws, String dmsRoot, String basePath, PrintStream out) {
    TableSpec spec = DmsToGlueTutorial.employees("unused").toBuilder().type(TableType.MERGE_ON_READ)
        .basePath(basePath).build();
    ApplyResult applied = DmsApply.from(dmsRoot).aws(aws).table(spec).timestampColumn("DMS_TS").execute();
    if (!applied.succeeded()) {
      throw new IllegalStateException("apply failed: " + applied.report().toJson());
    }
    MaintenancePolicy policy = MaintenancePolicy.builder().compactAfterDeltaCommits(1).build();
    try (HudiMaintenance maintenance = HudiMaintenance.forTable(spec,
        HudiWriteOptions.builder().orderingField(ORDERING).build(), aws)) {
      out.println("plan: " + maintenance.plan(policy).steps());
      MaintenanceRun run = maintenance.runNeeded(policy);
      for (HudiServiceResult r : run.results()) {
        out.println("  " + r);
      }
      return run;
    }
  }
}

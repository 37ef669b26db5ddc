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

package io.lakesmith;

import io.lakesmith.compaction.hudi.HudiMaintenance;
import io.lakesmith.compaction.hudi.MaintenancePlan;
import io.lakesmith.compaction.hudi.MaintenancePolicy;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.core.action.Action;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.lock.LockOptions;
import java.util.Objects;

/**
 * The table services a table needs now (compaction, clustering, cleaning, archival), planned under a
 * {@link MaintenancePolicy} and run in order: {@code Lakesmith.on(aws).maintain(table).execute()}. Services that
 * rewrite data run under the table's writer lease, so maintenance and a DMS apply never write at once. Opens the table
 * at {@link #execute()} and closes it before returning. See {@link HudiMaintenance} for each service.
 */
public final class MaintainTable implements Action<MaintenanceRun> {

  private final LakeTable table;
  private final AwsSettings aws;
  private MaintenancePolicy policy = MaintenancePolicy.defaults();
  private LockOptions lockOptions = LockOptions.defaults();

  MaintainTable(LakeTable table, AwsSettings aws) {
    this.table = Objects.requireNonNull(table, "table");
    this.aws = Objects.requireNonNull(aws, "aws");
  }

  /** What is needed when (default {@link MaintenancePolicy#defaults()}). */
  public MaintainTable policy(MaintenancePolicy value) {
    this.policy = Objects.requireNonNull(value, "policy");
    return this;
  }

  /** How the writer lease is taken (default {@link LockOptions#defaults()}: fail at once when held). */
  public MaintainTable lock(LockOptions value) {
    this.lockOptions = Objects.requireNonNull(value, "lockOptions");
    return this;
  }

  /** The plan {@link #execute()} would run now, without running it. */
  public MaintenancePlan plan() {
    try (HudiMaintenance m = open()) {
      return m.plan(policy);
    }
  }

  @Override
  public MaintenanceRun execute() {
    try (HudiMaintenance m = open()) {
      return m.runNeeded(policy);
    }
  }

  private HudiMaintenance open() {
    return HudiMaintenance.forTable(table.spec(), table.writeOptions(), aws).lockOptions(lockOptions);
  }
}

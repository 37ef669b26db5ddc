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

import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.compaction.ExpireObjectVersions;
import io.lakesmith.compaction.TableMaintenance;
import io.lakesmith.compaction.Tier2Layout;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTables;
import java.util.Objects;

/**
 * The one entry point: every Lakesmith action on one set of {@link AwsSettings} (endpoint, region, credentials,
 * retries: configured once, used by S3, Hudi's s3a and Glue alike).
 *
 * <pre>{@code
 * Lakesmith lake = Lakesmith.on(AwsSettings.builder().region("eu-west-1").build());   // or Lakesmith.local()
 * ApplyResult applied = lake.applyDms("s3://dms-bucket/cdc").table(spec).execute();
 * LakeTable table = lake.table("s3://lake/hr/employees");        // spec and ordering field read from the table
 * MaintenanceRun maintained = lake.maintain(table).execute();
 * try (GlueCatalog glue = lake.glue()) {
 *   glue.syncHudiTable(table.spec()).execute();
 * }
 * }</pre>
 *
 * <p>Every action follows {@link io.lakesmith.core.action.Action}: configure, then {@code execute()} for a typed
 * result with its run report. Immutable and thread-safe; it holds no open resources (actions open and close their
 * own clients, except {@link #glue()}, which the caller closes).
 */
public final class Lakesmith {

  private final AwsSettings aws;

  private Lakesmith(AwsSettings aws) {
    this.aws = Objects.requireNonNull(aws, "aws");
  }

  /**
   * For tables and DMS output on the local file system (and, should a path be an {@code s3://} URI, S3 with the
   * SDK's default chains).
   */
  public static Lakesmith local() {
    return new Lakesmith(AwsSettings.defaults());
  }

  /** For S3 and Glue reached with {@code aws} (local paths work too). */
  public static Lakesmith on(AwsSettings aws) {
    return new Lakesmith(aws);
  }

  /** The settings every action of this entry point uses. */
  public AwsSettings aws() {
    return aws;
  }

  /**
   * Applies the DMS output under {@code root} ({@code s3://bucket/prefix} or a local path): add tables with
   * {@link DmsApply#table}, then {@link DmsApply#execute()}.
   */
  public DmsApply applyDms(String root) {
    return DmsApply.from(root).aws(aws);
  }

  /** Object-version compaction of a Tier-2 layout (see {@link ExpireObjectVersions}). */
  public ExpireObjectVersions expireObjectVersions(Tier2Layout layout) {
    return TableMaintenance.on(aws).expireOldVersions(layout);
  }

  /**
   * Opens the existing table at {@code basePath}: its spec (database, name, record key, partition columns, type)
   * and ordering field come from the table itself.
   *
   * @throws IllegalStateException when there is no Hudi table at {@code basePath}
   */
  public LakeTable table(String basePath) {
    Objects.requireNonNull(basePath, "basePath");
    return new LakeTable(HudiTables.readSpec(basePath, aws), HudiTables.readWriteOptions(basePath, aws), aws);
  }

  /** The table services {@code table} needs now, as one action (see {@link MaintainTable}). */
  public MaintainTable maintain(LakeTable table) {
    return new MaintainTable(table, aws);
  }

  /** Shortcut for {@code maintain(table(basePath))}. */
  public MaintainTable maintain(String basePath) {
    return maintain(table(basePath));
  }

  /** The Glue Data Catalog of these settings' account and region; close it when done. */
  public GlueCatalog glue() {
    return GlueCatalog.builder().aws(aws).build();
  }

  @Override
  public String toString() {
    return "Lakesmith on " + aws;
  }
}

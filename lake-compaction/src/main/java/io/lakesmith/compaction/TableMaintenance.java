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

package io.lakesmith.compaction;

import com.google.common.base.Preconditions;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.util.function.Function;

/**
 * Entry point of Lakesmith's storage maintenance actions, in the style of Iceberg's actions:
 * {@code TableMaintenance.on(aws).expireOldVersions(layout).olderThan(grace).dryRun().execute()}.
 * Hudi table services are in {@link io.lakesmith.compaction.hudi.HudiMaintenance}.
 */
public final class TableMaintenance {

  private final Function<StorageLocation, ObjectStore> opener;
  private final boolean ownsStores;

  private TableMaintenance(Function<StorageLocation, ObjectStore> opener, boolean ownsStores) {
    this.opener = opener;
    this.ownsStores = ownsStores;
  }

  /** Actions that reach S3 (or local paths) with {@code aws}; each run opens and closes its own client. */
  public static TableMaintenance on(AwsSettings aws) {
    Preconditions.checkNotNull(aws, "aws");
    return new TableMaintenance(location -> ObjectStores.open(location, aws), true);
  }

  /**
   * Actions over a caller-owned store (one S3 bucket, e.g. from {@link ObjectStores#s3}, or the local file system);
   * locations must be in that store. The store is not closed.
   */
  public static TableMaintenance on(ObjectStore store) {
    Preconditions.checkNotNull(store, "store");
    return new TableMaintenance(location -> store, false);
  }

  /** Object-version compaction of a Tier-2 layout (see {@link ExpireObjectVersions}). */
  public ExpireObjectVersions expireOldVersions(Tier2Layout layout) {
    Preconditions.checkNotNull(layout, "layout");
    return new ExpireObjectVersionsAction(layout, opener, ownsStores);
  }
}

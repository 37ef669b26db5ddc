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

package io.lakesmith.catalog;

import io.lakesmith.core.action.Action;
import com.google.common.base.Preconditions;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.util.List;
import java.util.Map;

/**
 * Registers one {@link TableDefinition} in Glue and keeps it in sync; obtained from
 * {@link GlueCatalog#registerTable(TableDefinition)}, configured fluently, run by {@link #execute()}. Not reusable
 * across threads while configuring; {@link #execute()} may be called again to re-sync.
 *
 * <p>Order of operations: (1) the database is created when missing; (2) each Glue table of the definition (two for
 * {@link TableKind#HUDI_MOR}: {@code _ro} then {@code _rt}) is created, or updated when it differs (columns evolved
 * as described in {@link GlueCatalog}); (3) when the definition has partition keys and discovery is on, the table
 * location is listed once and every table's partitions are diffed against it: missing ones are added, ones whose
 * location/format changed are updated, and — unless {@link #dropMissingPartitions(boolean) turned off} — partitions
 * whose folder holds no data file any more are dropped.
 *
 * <p>Idempotent: a second run against unchanged storage makes only read calls.
 */
public final class RegisterTableAction implements Action<SyncResult> {

  private final GlueCatalog catalog;
  private TableDefinition definition;
  private boolean discoverPartitions = true;
  private boolean dropMissingPartitions = true;

  RegisterTableAction(GlueCatalog catalog, TableDefinition definition) {
    this.catalog = catalog;
    this.definition = Preconditions.checkNotNull(definition, "definition");
  }

  /** Registers the table at another location than the definition's. */
  public RegisterTableAction location(String location) {
    this.definition = definition.toBuilder().location(location).build();
    return this;
  }

  /** Whether to list the location for partition folders (default true; no effect without partition keys). */
  public RegisterTableAction discoverPartitions(boolean value) {
    this.discoverPartitions = value;
    return this;
  }

  /** Whether partitions without data files on storage are dropped from Glue (default true). */
  public RegisterTableAction dropMissingPartitions(boolean value) {
    this.dropMissingPartitions = value;
    return this;
  }

  /**
   * Runs the registration. Throws {@link SchemaEvolutionException} (before any table is changed) on a narrowing type
   * change, and a {@link CatalogException} for any Glue error (with its {@link CatalogException#reason()} and the
   * SDK's exception as the cause): Glue's own exceptions do not leave this method.
   */
  @Override
  public SyncResult execute() {
    try {
      return run();
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw CatalogException.fromSdk("registration of " + definition.identifier() + " in Glue", e);
    }
  }

  private SyncResult run() {
    TableDefinition def = definition;
    SyncRun run = new SyncRun(catalog, "glue-register-table", def.identifier());
    run.report().detail("kind", def.kind().name()).detail("location", def.location());
    run.ensureDatabase(def.database());
    List<GlueShapes.Shape> shapes = GlueShapes.shapes(def);
    TableSync.Outcome[] outcomes = new TableSync.Outcome[shapes.size()];
    for (int i = 0; i < shapes.size(); i++) {
      outcomes[i] = run.tables.ensure(def.database(), shapes.get(i), Map.of());
      run.table(def.database(), shapes.get(i).tableName, outcomes[i]);
    }
    if (!def.partitionKeys().isEmpty() && discoverPartitions) {
      StorageLocation root = StorageLocation.parse(def.location());
      PartitionPaths.Scan scan;
      try (ObjectStore store = ObjectStores.open(root, catalog.aws())) {
        scan = PartitionPaths.scan(store, root, def.location(), def.partitionKeys(), def.partitionLayout());
      }
      run.report().add("dataFiles", scan.dataFiles).add("filesOutsidePartitions", scan.filesOutsidePartitions)
          .add("filesInForeignFolders", scan.filesInForeignFolders).add("partitionsOnStorage", scan.partitions.size());
      for (int i = 0; i < shapes.size(); i++) {
        run.partitions(run.partitions.syncAll(def.database(), shapes.get(i).tableName, outcomes[i].storageDescriptor,
            scan.partitions, dropMissingPartitions));
      }
      run.mode(SyncResult.Mode.FULL);
    }
    return run.finish();
  }
}

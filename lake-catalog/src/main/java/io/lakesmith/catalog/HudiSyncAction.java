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
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Registers a Lakesmith Hudi table in Glue the way Hudi's own Glue sync would, and keeps it in sync; obtained from
 * {@link GlueCatalog#syncHudiTable(TableSpec)}, run by {@link #execute()}, which may be called after every commit.
 *
 * <p>What is read from the table (the spec only fills gaps): its type (copy-on-write: one Glue table named like the
 * spec's table; merge-on-read: {@code <table>_ro} and {@code <table>_rt}), partition fields and hive-style flag from
 * {@code hoodie.properties}, and the schema of the latest commit including Hudi's {@code _hoodie_*} meta columns
 * (the spec's schema is used only while the table has no commit).
 *
 * <p>Order of operations for each Glue table: (1) database created when missing; (2) table created or updated
 * (schema evolved: columns appended, types widened, narrowing rejected with {@link SchemaEvolutionException});
 * (3) partitions synced; (4) the latest completed commit recorded as the table parameters
 * {@code last_commit_time_sync} (requested instant time) and {@code last_commit_completion_time_sync} — only after
 * the partitions succeeded, so a failed run is redone in full next time.
 *
 * <p>Which partitions are synced: when the recorded commit is still a completed commit of the active timeline,
 * only the partitions written (added or location fixed) or deleted (DELETE_PARTITION, or folder gone) by commits
 * completed after it; when it is missing, archived or rolled back — or with {@link #fullSync()} — every partition
 * on storage is diffed with Glue and partitions no longer on storage (or deleted by Hudi) are dropped. With no new
 * commit nothing but the table is read. Idempotent: a second run makes no write call.
 */
public final class HudiSyncAction implements Action<SyncResult> {

  private final GlueCatalog catalog;
  private final TableSpec spec;
  private boolean full;
  private String description;

  HudiSyncAction(GlueCatalog catalog, TableSpec spec) {
    this.catalog = catalog;
    this.spec = Preconditions.checkNotNull(spec, "spec");
  }

  /** Diff every partition on storage with Glue, whatever was synced before. */
  public HudiSyncAction fullSync() {
    this.full = true;
    return this;
  }

  /** The Glue table description. */
  public HudiSyncAction description(String value) {
    this.description = value;
    return this;
  }

  /** Runs the sync; throws like {@link RegisterTableAction#execute()}. */
  @Override
  public SyncResult execute() {
    try {
      return run();
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw CatalogException.fromSdk("sync of " + spec.identifier() + " to Glue", e);
    }
  }

  private SyncResult run() {
    HudiTimeline hudi = HudiTimeline.open(spec.basePath(), HudiTimeline.hadoopConf(catalog.aws()));
    SyncRun run = new SyncRun(catalog, "glue-sync-hudi", spec.identifier());
    Schema schema = hudi.schema().or(spec::schema).orElseThrow(() -> new IllegalArgumentException(
        "Hudi table " + spec.identifier() + " at " + spec.basePath() + " has no commit and the spec no schema"));
    List<String> partitionFields = new ArrayList<>();
    for (String f : hudi.partitionFields().isEmpty() ? spec.partitionBy() : hudi.partitionFields()) {
      partitionFields.add(f.contains(":") ? f.substring(0, f.indexOf(':')) : f); // custom keygen's field:TYPE
    }
    TableDefinition.Builder b = TableDefinition.builder().database(spec.database()).name(spec.table())
        .kind(hudi.mergeOnRead() ? TableKind.HUDI_MOR : TableKind.HUDI_COW).location(hudi.glueLocation())
        .columnsFromAvro(schema, partitionFields)
        .partitionLayout(hudi.hiveStylePartitioning() ? PartitionLayout.HIVE_STYLE : PartitionLayout.VALUES_ONLY);
    if (description != null) {
      b.description(description);
    }
    TableDefinition def = b.build();
    run.report().detail("kind", def.kind().name()).detail("location", def.location());

    run.ensureDatabase(def.database());
    Optional<HudiTimeline.Commit> latest = hudi.latest();
    Map<List<String>, String> all = null; // listed at most once, shared by _ro and _rt
    for (GlueShapes.Shape shape : GlueShapes.shapes(def)) {
      TableSync.Outcome outcome = run.tables.ensure(def.database(), shape, Map.of());
      run.table(def.database(), shape.tableName, outcome);
      if (latest.isEmpty()) {
        continue; // nothing committed: no partitions to register
      }
      String lastTime = outcome.previousParameters.get(GlueShapes.LAST_COMMIT_TIME_SYNC);
      String lastCompletion = outcome.previousParameters.get(GlueShapes.LAST_COMMIT_COMPLETION_TIME_SYNC);
      if (!def.partitionKeys().isEmpty()) {
        if (full || lastTime == null || !hudi.isActive(lastTime)) {
          if (all == null) {
            all = allPartitions(hudi, def);
          }
          run.partitions(run.partitions.syncAll(def.database(), shape.tableName, outcome.storageDescriptor, all, true));
          run.mode(SyncResult.Mode.FULL);
        } else if (!lastTime.equals(latest.get().requestedTime)) {
          HudiTimeline.Changes changes = hudi.changesSince(new HudiTimeline.Commit(lastTime, lastCompletion));
          Map<List<String>, String> written = new LinkedHashMap<>();
          Set<List<String>> deleted = new LinkedHashSet<>();
          for (String p : changes.written) {
            if (hudi.partitionExists(p)) {
              written.put(values(hudi, def, p), location(def, p));
            } else {
              deleted.add(values(hudi, def, p));
            }
          }
          for (String p : changes.deleted) {
            deleted.add(values(hudi, def, p));
          }
          run.report().add("commitsSynced", changes.commits);
          run.partitions(run.partitions.syncSome(def.database(), shape.tableName, outcome.storageDescriptor, written,
              deleted));
          run.mode(SyncResult.Mode.INCREMENTAL);
        }
      } else if (lastTime == null || !lastTime.equals(latest.get().requestedTime)) {
        run.mode(SyncResult.Mode.FULL); // unpartitioned: the table's location is all there is
      }
      Map<String, String> markers = new LinkedHashMap<>();
      markers.put(GlueShapes.LAST_COMMIT_TIME_SYNC, latest.get().requestedTime);
      if (latest.get().completionTime != null) {
        markers.put(GlueShapes.LAST_COMMIT_COMPLETION_TIME_SYNC, latest.get().completionTime);
      }
      if (!markers.get(GlueShapes.LAST_COMMIT_TIME_SYNC).equals(lastTime)
          || !java.util.Objects.equals(markers.get(GlueShapes.LAST_COMMIT_COMPLETION_TIME_SYNC), lastCompletion)) {
        run.table(def.database(), shape.tableName, run.tables.ensure(def.database(), shape, markers));
      }
      run.lastSyncedCommit(latest.get().requestedTime);
    }
    return run.finish();
  }

  private static Map<List<String>, String> allPartitions(HudiTimeline hudi, TableDefinition def) {
    Set<String> deleted = hudi.deletedInActiveTimeline();
    Map<List<String>, String> out = new LinkedHashMap<>();
    for (String p : hudi.allPartitions()) {
      if (!deleted.contains(p)) {
        out.put(values(hudi, def, p), location(def, p));
      }
    }
    return out;
  }

  private static List<String> values(HudiTimeline hudi, TableDefinition def, String partitionPath) {
    return PartitionPaths.hudiValues(partitionPath, def.partitionKeys().size(), hudi.urlEncodedPartitioning());
  }

  private static String location(TableDefinition def, String partitionPath) {
    return partitionPath.isEmpty() ? def.location() : def.location() + "/" + partitionPath;
  }
}

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

import io.lakesmith.core.report.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state of one action's run: its Glue calls, table outcomes, changes and counts; builds the result. */
final class SyncRun {

  final GlueOps ops;
  final TableSync tables;
  final PartitionSync partitions;
  private final RunReport.Builder report;
  private final Instant started = Instant.now();
  private final String target;
  private final Map<String, SyncResult.TableOutcome> outcomes = new LinkedHashMap<>();
  private final List<SchemaChange> changes = new ArrayList<>();
  private long added;
  private long updated;
  private long dropped;
  private SyncResult.Mode mode = SyncResult.Mode.UP_TO_DATE;
  private String lastSyncedCommit;

  SyncRun(GlueCatalog catalog, String operation, String target) {
    this.ops = catalog.newOps(new CallStats());
    this.tables = new TableSync(ops, catalog.skipArchive(), catalog.concurrentModificationRetries(),
        catalog.concurrentModificationBackoff());
    this.partitions = new PartitionSync(ops);
    this.report = RunReport.builder(operation, target);
    this.target = target;
  }

  void ensureDatabase(String database) {
    if (!ops.databaseExists(database)) {
      ops.createDatabase(database);
      report.detail("databaseCreated", database);
    }
  }

  /** Records a table outcome; a later outcome of the same table only upgrades it (UNCHANGED < UPDATED < CREATED). */
  void table(String database, String table, TableSync.Outcome outcome) {
    String id = database + "." + table;
    SyncResult.TableOutcome prev = outcomes.get(id);
    if (prev == null || prev == SyncResult.TableOutcome.UNCHANGED
        || (prev == SyncResult.TableOutcome.UPDATED && outcome.outcome == SyncResult.TableOutcome.CREATED)) {
      outcomes.put(id, outcome.outcome);
    }
    changes.addAll(outcome.changes);
  }

  void partitions(PartitionSync.Counts c) {
    added += c.added;
    updated += c.updated;
    dropped += c.dropped;
  }

  void mode(SyncResult.Mode m) {
    if (m.ordinal() < mode.ordinal()) {
      mode = m; // FULL wins over INCREMENTAL wins over UP_TO_DATE
    }
  }

  void lastSyncedCommit(String commit) {
    this.lastSyncedCommit = commit;
  }

  RunReport.Builder report() {
    return report;
  }

  SyncResult finish() {
    Map<String, Long> calls = ops.stats().calls();
    Map<String, Long> attempts = ops.stats().attempts();
    report.add("partitionsAdded", added).add("partitionsUpdated", updated).add("partitionsDropped", dropped)
        .add("schemaChanges", changes.size());
    long writes = 0;
    for (Map.Entry<String, Long> e : calls.entrySet()) {
      report.add("glue." + e.getKey(), e.getValue());
      if (SyncResult.WRITE_OPERATIONS.contains(e.getKey())) {
        writes += e.getValue();
      }
    }
    report.add("glueWriteCalls", writes);
    for (Map.Entry<String, Long> e : attempts.entrySet()) {
      report.add("glueAttempts." + e.getKey(), e.getValue());
    }
    report.detail("mode", mode.name());
    outcomes.forEach((t, o) -> report.detail("table." + t, o.name()));
    for (int i = 0; i < changes.size(); i++) {
      report.detail("schemaChange." + i, changes.get(i).toString());
    }
    if (lastSyncedCommit != null) {
      report.detail(GlueShapes.LAST_COMMIT_TIME_SYNC, lastSyncedCommit);
    }
    RunReport r = report.finish();
    return new SyncResult(target, outcomes, changes, added, updated, dropped, calls, attempts, mode, lastSyncedCommit,
        Duration.between(started, r.finishedAt()), r);
  }
}

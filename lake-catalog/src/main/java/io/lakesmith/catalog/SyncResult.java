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

import io.lakesmith.core.action.ActionResult;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.lakesmith.core.report.RunReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link RegisterTableAction} or {@link HudiSyncAction} did: per Glue table whether it was created,
 * updated or left alone, the schema changes, partitions added/updated/dropped, the Glue calls made (by operation,
 * counting each logical call once, and the HTTP attempts including retries), how partitions were found
 * ({@link Mode}), the Hudi commit now recorded as synced, and the duration. Immutable. {@link #report()} is the same
 * as a lake-core {@link RunReport}.
 */
public final class SyncResult implements ActionResult {

  /** Operations that change the catalog. */
  static final Set<String> WRITE_OPERATIONS = Set.of("CreateDatabase", "CreateTable", "UpdateTable", "DeleteTable",
      "BatchCreatePartition", "BatchUpdatePartition", "BatchDeletePartition", "CreatePartition", "UpdatePartition",
      "DeletePartition");

  /** What happened to one Glue table. */
  public enum TableOutcome { CREATED, UPDATED, UNCHANGED }

  /** How the partitions to sync were determined. */
  public enum Mode {
    /** Every partition on storage was compared with every partition in Glue. */
    FULL,
    /** Only the partitions that Hudi commits after the last synced one wrote or deleted were compared. */
    INCREMENTAL,
    /** Nothing was committed since the last sync: partitions were not looked at. */
    UP_TO_DATE
  }

  private final String target;
  private final ImmutableMap<String, TableOutcome> tables;
  private final ImmutableList<SchemaChange> schemaChanges;
  private final long partitionsAdded;
  private final long partitionsUpdated;
  private final long partitionsDropped;
  private final ImmutableSortedMap<String, Long> calls;
  private final ImmutableSortedMap<String, Long> attempts;
  private final Mode mode;
  private final String lastSyncedCommit;
  private final Duration duration;
  private final RunReport report;

  SyncResult(String target, Map<String, TableOutcome> tables, List<SchemaChange> schemaChanges, long partitionsAdded,
      long partitionsUpdated, long partitionsDropped, Map<String, Long> calls, Map<String, Long> attempts, Mode mode,
      String lastSyncedCommit, Duration duration, RunReport report) {
    this.target = target;
    this.tables = ImmutableMap.copyOf(tables);
    this.schemaChanges = ImmutableList.copyOf(schemaChanges);
    this.partitionsAdded = partitionsAdded;
    this.partitionsUpdated = partitionsUpdated;
    this.partitionsDropped = partitionsDropped;
    this.calls = ImmutableSortedMap.copyOf(calls);
    this.attempts = ImmutableSortedMap.copyOf(attempts);
    this.mode = mode;
    this.lastSyncedCommit = lastSyncedCommit;
    this.duration = duration;
    this.report = report;
  }

  /** {@code database.table} as given to the action (without {@code _ro/_rt} suffixes). */
  public String target() {
    return target;
  }

  /** Each Glue table the action touched, in the order it was synced, with its outcome. */
  public Map<String, TableOutcome> tables() {
    return tables;
  }

  public List<SchemaChange> schemaChanges() {
    return schemaChanges;
  }

  /** Partitions created, summed over the Glue tables (a merge-on-read table counts its {@code _ro} and {@code _rt}). */
  public long partitionsAdded() {
    return partitionsAdded;
  }

  /** Partitions whose location or format changed. */
  public long partitionsUpdated() {
    return partitionsUpdated;
  }

  /** Partitions removed because their folder is gone from storage or Hudi deleted them. */
  public long partitionsDropped() {
    return partitionsDropped;
  }

  /** Glue calls by operation name ({@code GetTable}, {@code BatchCreatePartition}, ...), each logical call once. */
  public Map<String, Long> calls() {
    return calls;
  }

  public long calls(String operation) {
    return calls.getOrDefault(operation, 0L);
  }

  /** HTTP attempts by operation, including the client's retries on throttling and 5xx. */
  public Map<String, Long> attempts() {
    return attempts;
  }

  /** Calls that change the catalog (create/update/delete of databases, tables and partitions). */
  public long writeCalls() {
    return calls.entrySet().stream().filter(e -> WRITE_OPERATIONS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  public Mode mode() {
    return mode;
  }

  /** For Hudi syncs: the instant time now stored as {@code last_commit_time_sync}. */
  public Optional<String> lastSyncedCommit() {
    return Optional.ofNullable(lastSyncedCommit);
  }

  public Duration duration() {
    return duration;
  }

  /** The same outcome as a lake-core run report (counters {@code partitionsAdded}, {@code glue.<Operation>}, ...). */
  public RunReport report() {
    return report;
  }

  @Override
  public String toString() {
    return "SyncResult{" + target + " " + mode + ", tables=" + tables + ", +" + partitionsAdded + " ~" + partitionsUpdated
        + " -" + partitionsDropped + " partitions, schemaChanges=" + schemaChanges + ", calls=" + calls
        + ", duration=" + duration.toMillis() + " ms}";
  }
}

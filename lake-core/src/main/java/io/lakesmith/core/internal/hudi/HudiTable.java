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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.CommitLock;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.hudi.HudiWriteException;
import io.lakesmith.core.hudi.HudiWriteOptions;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.model.HoodieAvroIndexedRecord;
import org.apache.hudi.common.model.HoodieCommitMetadata;
import org.apache.hudi.common.model.HoodieKey;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.model.HoodieWriteStat;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.keygen.BaseKeyGenerator;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * An open Lakesmith Hudi table: a {@link TableSpec} bound to a Hudi table on storage, with its write options.
 * Obtain one from {@link HudiTables}; close it to release its write client. Not thread-safe: one writer thread
 * per table (Hudi's single-writer model).
 *
 * <h2>Writing</h2>
 * {@link #upsert}, {@link #insert} and {@link #bulkInsert} each make exactly one commit: {@code startCommit}, the
 * write, a check that no record failed (otherwise the instant is rolled back and a {@link HudiWriteException}
 * thrown), then {@code commit} with the caller's extra metadata, written atomically with the commit (the place
 * for a source checkpoint; read back with {@link #commits()}). For full control use {@link #writeClient(Schema)}
 * with {@link #toHoodieRecord}: the client has no auto-commit, so each write must be followed by
 * {@code client.commit(instant, statuses, Option.of(extraMetadata))}. An uncommitted write (a crash, a write not
 * committed) is invisible to readers, which read completed instants only, and is rolled back by the next writer that
 * takes the table's writer lease ({@link #holding}), or by Hudi's cleaner once its heartbeat expired; so a checkpoint
 * in the extra metadata is visible exactly when the data of its commit is.
 *
 * <h2>Concurrency</h2>
 * Every write client runs Hudi's optimistic concurrency control with the options' {@link CommitLock} (timeline
 * changes under the lock, commits checked for conflicting writes). Lakesmith's own write paths also hold the table's
 * writer lease ({@link io.lakesmith.core.lock.TableLease}) for a whole run; {@link #holding} attaches it: every
 * commit then first checks that the lease is still held, and writes left in flight by dead writers are rolled back.
 *
 * <h2>Deletes</h2>
 * Every Lakesmith table has Hudi's built-in delete marker column {@code _hoodie_is_deleted} (nullable boolean,
 * added at creation when the schema lacks it). Upserting a record with {@code _hoodie_is_deleted = true} deletes
 * its key; under event-time ordering only when its ordering value is at least the stored one, so a late delete
 * does not remove a newer row and a newer delete does, on copy-on-write and merge-on-read alike (in merge-on-read
 * the delete is a log record merged by readers and compaction with the same rule). A delete record needs the
 * record key and the ordering field, and with a non-global index ({@code SIMPLE}, {@code BLOOM}) also the
 * partition columns, which locate the row; with {@code GLOBAL_SIMPLE} the row is found by key alone, so key-only
 * deletes (partition columns null) work. Other columns may be null. Hudi's {@code delete(keys)} is not used: it
 * carries no ordering value, so it would delete unconditionally.
 *
 * <p>Hudi keeps no tombstone: once a delete is merged into a base file (at once on copy-on-write, at compaction on
 * merge-on-read) the key is gone, and a later-arriving change with an ordering value older than the delete
 * inserts the row again. Within one write, and on merge-on-read until compaction, ordering is fully respected. A
 * writer that may receive changes out of order must remember recent deletes itself and drop older changes of
 * their keys before writing (the DMS apply engine keeps a delete ledger beside the table for this).
 *
 * <h2>Schema evolution</h2>
 * Writing records whose schema adds nullable columns (anywhere; they are stored after the existing ones) works:
 * the writer schema is {@link #writerSchema(Schema) reconciled} with the table schema, Hudi validates it
 * ({@code hoodie.avro.schema.validate}) and stores it with the commit; rows written before read the new columns
 * as null. Columns missing from incoming records are written as null, never dropped.
 */
public final class HudiTable implements AutoCloseable {

  private final TableSpec spec;
  private final HudiWriteOptions options;
  private final String basePath;
  private final Configuration hadoopConf;
  private final StorageConfiguration<Configuration> storageConf;
  private final BaseKeyGenerator keyGenerator;
  private HoodieTableMetaClient metaClient;
  private Schema tableSchema;
  private Schema clientSchema;
  private HoodieJavaWriteClient<IndexedRecord> client;
  private io.lakesmith.core.lock.TableLease lease;

  HudiTable(TableSpec spec, HudiWriteOptions options, String basePath, Configuration hadoopConf,
      StorageConfiguration<Configuration> storageConf, HoodieTableMetaClient metaClient, Schema tableSchema,
      BaseKeyGenerator keyGenerator) {
    // before any write sizes a record key with JOL: its warnings would otherwise land on System.out
    QuietJol.init();
    this.spec = spec;
    this.options = options;
    this.basePath = basePath;
    this.hadoopConf = hadoopConf;
    this.storageConf = storageConf;
    this.metaClient = metaClient;
    this.tableSchema = tableSchema;
    this.keyGenerator = keyGenerator;
  }

  public TableSpec spec() {
    return spec;
  }

  public HudiWriteOptions options() {
    return options;
  }

  /** The table's base path as Hadoop/Hudi address it ({@code s3a://bucket/key} or {@code file:/path}). */
  public String basePath() {
    return basePath;
  }

  public TableType type() {
    return spec.type();
  }

  /** A copy of the Hadoop configuration this table's storage is reached with. */
  public Configuration hadoopConfiguration() {
    return new Configuration(hadoopConf);
  }

  /**
   * Attaches the table's writer lease, held by the caller (who keeps owning and closes it): from now on every commit
   * and table service first checks that it is still held ({@link io.lakesmith.core.lock.LeaseLostException}
   * otherwise). Then repairs what dead writers left, which only a lease holder may do: pending writes are rolled
   * back and rollbacks wrongly planned for completed commits abandoned ({@link #recoverFailedWrites()}).
   *
   * @return this table
   */
  public HudiTable holding(io.lakesmith.core.lock.TableLease value) {
    Preconditions.checkNotNull(value, "lease");
    value.ensureHeld();
    this.lease = value;
    recoverFailedWrites();
    return this;
  }

  /**
   * Takes the table's writer lease with {@code options} (reaching the table's storage as this table does) and
   * attaches it ({@link #holding}); release it with {@link #releaseLease()}.
   *
   * @throws io.lakesmith.core.lock.ConcurrentWriterException when another writer held it for the whole wait
   */
  public io.lakesmith.core.lock.TableLease acquireLease(io.lakesmith.core.lock.LockOptions options) {
    Preconditions.checkState(lease == null, "%s already holds a writer lease", spec.identifier());
    io.lakesmith.core.lock.TableLease l = io.lakesmith.core.lock.TableLease.acquire(spec.basePath(),
        HadoopConfigurations.settingsOf(hadoopConf), spec.identifier(), options);
    try {
      holding(l);
    } catch (RuntimeException e) {
      lease = null;
      l.close();
      throw e;
    }
    return l;
  }

  /** Releases and detaches the lease attached by {@link #acquireLease} or {@link #holding} (closing it). */
  public void releaseLease() {
    io.lakesmith.core.lock.TableLease l = lease;
    lease = null;
    if (l != null) {
      l.close();
    }
  }

  /** The writer lease attached with {@link #holding}, if any. */
  public Optional<io.lakesmith.core.lock.TableLease> lease() {
    return Optional.ofNullable(lease);
  }

  /** Fails when a writer lease is attached and no longer held. */
  void checkLease() {
    if (lease != null) {
      lease.ensureHeld();
    }
  }

  /**
   * Rolls back every pending write on the timeline (commits, delta commits and replace commits that are not
   * clustering plans, newest first) and abandons pending rollbacks of completed commits whose files are all
   * present. Only correct while no other writer is active: call it holding the table's writer lease ({@link #holding}
   * does). Pending compactions and clusterings are left for maintenance.
   *
   * @return the instant times rolled back
   * @throws HudiWriteException when a pending rollback of a completed commit already deleted some of its files
   */
  public List<String> recoverFailedWrites() {
    checkLease();
    closeClient();
    List<String> abandoned = FailedWrites.abandonRollbacksOfCompletedCommits(metaClient, spec.identifier());
    List<String> pending = FailedWrites.pendingWrites(metaClient);
    if (!pending.isEmpty()) {
      HoodieWriteConfig config = HudiConfigs.serviceConfig(spec, basePath, tableSchema, options, Map.of());
      try (HoodieJavaWriteClient<IndexedRecord> c = new HoodieJavaWriteClient<>(new HoodieJavaEngineContext(storageConf),
          config)) {
        for (String instant : pending) {
          org.slf4j.LoggerFactory.getLogger(HudiTable.class).warn("{}: rolling back write {} left in flight by a"
              + " writer that is gone", spec.identifier(), instant);
          c.rollback(instant);
        }
      }
    }
    if (!abandoned.isEmpty() || !pending.isEmpty()) {
      refresh();
    }
    return pending;
  }

  /** The meta client, reloaded so that its timeline shows every completed instant. */
  public HoodieTableMetaClient metaClient() {
    metaClient.reloadActiveTimeline();
    return metaClient;
  }

  StorageConfiguration<Configuration> storageConf() {
    return storageConf;
  }

  /**
   * The table's latest schema without Hudi meta columns (with {@code _hoodie_is_deleted}): the schema of the
   * latest commit, or the schema the table was created with before its first commit.
   */
  public Schema schema() {
    return tableSchema;
  }

  /**
   * The schema to write records of {@code incoming} schema with: the table's columns, then the nullable columns
   * new in {@code incoming}. Returns {@link #schema()} itself when nothing is new.
   *
   * @throws IllegalArgumentException naming the column when the change is not additive (a new non-nullable
   *     column, a narrowing type change)
   */
  public Schema writerSchema(Schema incoming) {
    return HudiSchemas.reconcile(tableSchema, incoming);
  }

  /** A write client for the table's current schema; owned by this table. */
  public HoodieJavaWriteClient<IndexedRecord> writeClient() {
    return writeClient(tableSchema);
  }

  /**
   * A write client whose writer schema is {@link #writerSchema(Schema) reconciled} from {@code incoming}; owned
   * by this table (a later call with another schema closes it). Records given to it must be in
   * {@code writerSchema(incoming)}; {@link #toHoodieRecord} converts them. After committing a wider schema through
   * it, call {@link #refresh()} so that {@link #schema()} shows it ({@link #upsert} and friends do that
   * themselves).
   */
  public HoodieJavaWriteClient<IndexedRecord> writeClient(Schema incoming) {
    Schema writer = writerSchema(incoming);
    if (client == null || !writer.equals(clientSchema)) {
      closeClient();
      HoodieWriteConfig config = HudiConfigs.writeConfig(spec, basePath, writer, options);
      // Hudi's client with Lakesmith's upsert executors (parallel file groups, value-sized MOR log appends)
      client = new LakesmithJavaWriteClient<>(new HoodieJavaEngineContext(storageConf), config);
      clientSchema = writer;
    }
    return client;
  }

  /**
   * {@code record} as a Hudi record for the current write client: converted to its writer schema (by field name;
   * absent fields null) and keyed by the spec's record key and hive-style partition path.
   */
  public HoodieRecord<IndexedRecord> toHoodieRecord(GenericRecord record) {
    Preconditions.checkState(clientSchema != null, "call writeClient(...) before toHoodieRecord");
    GenericRecord conformed = HudiSchemas.conform(record, clientSchema);
    HoodieKey key = keyGenerator.getKey(conformed);
    return new HoodieAvroIndexedRecord(key, conformed);
  }

  /** Upserts {@code records} (inserts, updates and {@code _hoodie_is_deleted} deletes) in one commit. */
  public HudiCommit upsert(List<? extends GenericRecord> records, Map<String, String> extraMetadata) {
    return write(Operation.UPSERT, records, extraMetadata, instant -> { });
  }

  /**
   * Like {@link #upsert}, or {@link #bulkInsert} when {@code bulkInsert}, calling {@code beforeCommit} with the
   * instant once the data files are written and before the commit. If {@code beforeCommit} throws, the write
   * is left inflight exactly as a crash at that point leaves it (the next write on the table rolls it back) and
   * the exception propagates.
   */
  public HudiCommit write(boolean bulkInsert, List<? extends GenericRecord> records, Map<String, String> extraMetadata,
      java.util.function.Consumer<String> beforeCommit) {
    return write(bulkInsert ? Operation.BULK_INSERT : Operation.UPSERT, records, extraMetadata, beforeCommit);
  }

  /**
   * Inserts {@code records} in one commit without looking up existing keys: only for keys not in the table
   * (a key already present would be duplicated). Deletes ({@code _hoodie_is_deleted = true}) are rejected.
   */
  public HudiCommit insert(List<? extends GenericRecord> records, Map<String, String> extraMetadata) {
    return write(Operation.INSERT, records, extraMetadata, instant -> { });
  }

  /**
   * Bulk-inserts {@code records} in one commit: like {@link #insert} without small-file handling, for initial
   * (full) loads into an empty table or partition. Deletes are rejected. Records are grouped by partition path
   * first (arrival order kept within a partition), so each partition gets files sized by the file-size options
   * rather than one file per run of rows.
   */
  public HudiCommit bulkInsert(List<? extends GenericRecord> records, Map<String, String> extraMetadata) {
    return write(Operation.BULK_INSERT, records, extraMetadata, instant -> { });
  }

  private enum Operation { UPSERT, INSERT, BULK_INSERT }

  private HudiCommit write(Operation op, List<? extends GenericRecord> records, Map<String, String> extraMetadata,
      java.util.function.Consumer<String> beforeCommit) {
    Preconditions.checkNotNull(records, "records");
    Preconditions.checkNotNull(extraMetadata, "extraMetadata");
    extraMetadata.keySet().forEach(k -> Preconditions.checkArgument(!HudiCommit.isReservedKey(k),
        "extra metadata key '%s' is reserved by Hudi", k));
    if (op != Operation.UPSERT) {
      // insert paths do not merge: a delete marker would be written as a row instead of deleting one
      for (GenericRecord r : records) {
        Schema.Field f = r.getSchema().getField(HudiSchemas.IS_DELETED);
        Preconditions.checkArgument(f == null || !Boolean.TRUE.equals(r.get(f.pos())),
            "%s cannot apply deletes (%s = true); use upsert", op, HudiSchemas.IS_DELETED);
      }
    }
    Schema incoming = records.isEmpty() ? tableSchema : records.get(0).getSchema();
    HoodieJavaWriteClient<IndexedRecord> c = writeClient(incoming);
    List<HoodieRecord<IndexedRecord>> hoodieRecords = new ArrayList<>(records.size());
    for (GenericRecord r : records) {
      hoodieRecords.add(toHoodieRecord(r));
    }
    checkLease();
    String instant = c.startCommit();
    List<WriteStatus> statuses;
    try {
      switch (op) {
        case UPSERT: statuses = c.upsert(hoodieRecords, instant); break;
        case INSERT: statuses = c.insert(hoodieRecords, instant); break;
        case BULK_INSERT:
          statuses = c.bulkInsert(hoodieRecords, instant, Option.of(new PartitionGroupingPartitioner<>()));
          break;
        default: throw new AssertionError(op);
      }
      failOnErrors(instant, statuses);
      try {
        beforeCommit.accept(instant);
      } catch (RuntimeException crash) {
        throw new CrashBeforeCommit(crash);
      }
      checkLease(); // a writer that lost its lease must not commit: the new holder may be writing
      boolean committed = c.commit(instant, statuses, Option.of(new LinkedHashMap<>(extraMetadata)));
      if (!committed) {
        throw new HudiWriteException("commit " + instant + " of " + spec.identifier() + " was not completed");
      }
    } catch (CrashBeforeCommit e) {
      throw (RuntimeException) e.getCause();
    } catch (RuntimeException e) {
      rollbackQuietly(c, instant, e);
      throw e;
    }
    tableSchema = clientSchema;
    return commit(instant).orElseThrow(() -> new HudiWriteException(
        "commit " + instant + " of " + spec.identifier() + " is not on the timeline after committing"));
  }

  private void failOnErrors(String instant, List<WriteStatus> statuses) {
    long errors = 0;
    Throwable first = null;
    for (WriteStatus s : statuses) {
      if (s.hasErrors() || s.hasGlobalError()) {
        errors += Math.max(1, s.getTotalErrorRecords());
        if (first == null) {
          first = s.getGlobalError() != null ? s.getGlobalError()
              : s.getErrors().values().stream().findFirst().orElse(null);
        }
      }
    }
    if (errors > 0) {
      throw new HudiWriteException(errors + " record(s) failed in write " + instant + " to " + spec.identifier(), first);
    }
  }

  /** Carries a before-commit callback's exception past the rollback a failed write gets. */
  private static final class CrashBeforeCommit extends RuntimeException {
    CrashBeforeCommit(RuntimeException cause) {
      super(cause);
    }
  }

  private void rollbackQuietly(HoodieJavaWriteClient<IndexedRecord> c, String instant, RuntimeException cause) {
    try {
      c.rollback(instant);
    } catch (RuntimeException r) {
      cause.addSuppressed(r);
    }
  }

  /**
   * Schedules and runs a compaction of a merge-on-read table (log files merged into new base files), inline.
   *
   * @return the compaction instant, or empty when there was nothing to compact or the table is copy-on-write
   */
  public Optional<String> compact() {
    if (spec.type() != TableType.MERGE_ON_READ) {
      return Optional.empty();
    }
    checkLease();
    closeClient(); // one client at a time per table: Hudi's heartbeats and rollbacks assume a single writer
    refresh(); // compaction rewrites rows with the config schema: it must include every column the logs have
    HoodieWriteConfig config = HudiConfigs.compactionConfig(spec, basePath, tableSchema, options);
    try (HoodieJavaWriteClient<IndexedRecord> c = new HoodieJavaWriteClient<>(new HoodieJavaEngineContext(storageConf),
        config)) {
      Option<String> instant = c.scheduleCompaction(Option.empty());
      if (!instant.isPresent()) {
        return Optional.empty();
      }
      c.compact(instant.get(), true);
      Preconditions.checkState(commit(instant.get()).isPresent(), "compaction %s of %s did not complete",
          instant.get(), spec.identifier());
      return Optional.of(instant.get());
    }
  }

  /**
   * The completed commits (commit, deltacommit, replacecommit; compactions appear as commits) on the active
   * timeline, oldest first, each with its extra metadata. Archived commits are not listed (see
   * {@link #latestCommitWith}).
   */
  public List<HudiCommit> commits() {
    HoodieTimeline timeline = metaClient().getCommitsTimeline().filterCompletedInstants();
    ImmutableList.Builder<HudiCommit> out = ImmutableList.builder();
    for (HoodieInstant instant : timeline.getInstants()) {
      out.add(toCommit(timeline, instant));
    }
    return out.build();
  }

  /**
   * The newest completed commit whose extra metadata has {@code key}, searched on the active timeline first and then,
   * when none there has it, on the archived timeline (newest first, read in chunks so that a recent archived commit
   * is found without loading the whole archive). Commits move to the archived timeline when Hudi's archival runs
   * (Lakesmith's own, another writer's, or a Hudi service elsewhere); metadata written atomically with a commit, such
   * as a source checkpoint, stays readable there.
   */
  public Optional<HudiCommit> latestCommitWith(String key) {
    Preconditions.checkNotNull(key, "key");
    List<HudiCommit> active = commits();
    for (int i = active.size() - 1; i >= 0; i--) {
      if (active.get(i).extraMetadata().containsKey(key)) {
        return Optional.of(active.get(i));
      }
    }
    org.apache.hudi.common.table.timeline.HoodieArchivedTimeline archived = metaClient().getArchivedTimeline("", false);
    List<HoodieInstant> instants = archived.getCommitsTimeline().filterCompletedInstants().getInstants();
    int chunk = 64;
    for (int end = instants.size(); end > 0; end -= chunk) {
      int start = Math.max(0, end - chunk);
      // the range excludes its start (LSM timeline): start from the instant before the chunk
      String after = start == 0 ? "0" : instants.get(start - 1).requestedTime();
      archived.loadCompletedInstantDetailsInMemory(after, instants.get(end - 1).requestedTime());
      for (int i = end - 1; i >= start; i--) {
        HudiCommit c = toCommit(archived, instants.get(i));
        if (c.extraMetadata().containsKey(key)) {
          return Optional.of(c);
        }
      }
      archived.clearInstantDetailsFromMemory(after, instants.get(end - 1).requestedTime());
    }
    return Optional.empty();
  }

  /** The latest completed commit, if any. */
  public Optional<HudiCommit> latestCommit() {
    HoodieTimeline timeline = metaClient().getCommitsTimeline().filterCompletedInstants();
    Option<HoodieInstant> last = timeline.lastInstant();
    return last.isPresent() ? Optional.of(toCommit(timeline, last.get())) : Optional.empty();
  }

  /** The completed commit with this instant time, if on the active timeline. */
  public Optional<HudiCommit> commit(String instantTime) {
    HoodieTimeline timeline = metaClient().getCommitsTimeline().filterCompletedInstants();
    return timeline.getInstantsAsStream().filter(i -> i.requestedTime().equals(instantTime)).findFirst()
        .map(i -> toCommit(timeline, i));
  }

  private static HudiCommit toCommit(HoodieTimeline timeline, HoodieInstant instant) {
    HoodieCommitMetadata md;
    try {
      md = HoodieTimeline.REPLACE_COMMIT_ACTION.equals(instant.getAction())
          || HoodieTimeline.CLUSTERING_ACTION.equals(instant.getAction())
          ? timeline.readReplaceCommitMetadata(instant) : timeline.readCommitMetadata(instant);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit metadata of " + instant, e);
    }
    Map<String, String> extra = new LinkedHashMap<>();
    md.getExtraMetadata().forEach((k, v) -> {
      if (!HudiCommit.isReservedKey(k)) {
        extra.put(k, v);
      }
    });
    long inserts = 0;
    long updates = 0;
    long deletes = 0;
    for (HoodieWriteStat s : md.getWriteStats()) {
      inserts += s.getNumInserts();
      updates += s.getNumUpdateWrites();
      deletes += s.getNumDeletes();
    }
    return new HudiCommit(instant.requestedTime(), instant.getCompletionTime(), instant.getAction(),
        md.getOperationType() == null ? null : md.getOperationType().name(), md.fetchTotalRecordsWritten(),
        inserts, updates, deletes, extra);
  }

  /** Reloads the table schema from the latest commit (after another writer committed). */
  public HudiTable refresh() {
    metaClient.reloadActiveTimeline();
    tableSchema = HudiTables.latestSchema(metaClient).orElse(tableSchema);
    return this;
  }

  /** A reader of this table's latest snapshot. */
  public HudiTableReader newReader() {
    return HudiTableReader.of(this);
  }

  private void closeClient() {
    if (client != null) {
      client.close();
      client = null;
      clientSchema = null;
    }
  }

  /**
   * Closes this table's write client, if open, so that another client (a table service) can work on the table:
   * Hudi's heartbeats and rollbacks assume one client at a time. The next write opens a new one.
   */
  void releaseWriteClient() {
    closeClient();
  }

  @Override
  public void close() {
    closeClient();
  }

  @Override
  public String toString() {
    return "HudiTable{" + spec.identifier() + " at " + basePath + ", " + spec.type() + "}";
  }
}

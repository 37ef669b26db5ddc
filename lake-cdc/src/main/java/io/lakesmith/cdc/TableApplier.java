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

package io.lakesmith.cdc;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.apply.CheckpointState;
import io.lakesmith.cdc.internal.apply.DeleteLedger;
import io.lakesmith.cdc.internal.apply.RecordMaker;
import io.lakesmith.cdc.internal.apply.FileIdentity;
import io.lakesmith.cdc.internal.apply.OrderingState;
import io.lakesmith.cdc.internal.apply.QuarantineWriter;
import io.lakesmith.cdc.internal.apply.SourceCheckpoint;
import io.lakesmith.cdc.internal.apply.TableSchemas;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.convert.ConvertedRow;
import io.lakesmith.cdc.internal.source.convert.RowConverter;
import io.lakesmith.cdc.internal.source.read.DmsColumns;
import io.lakesmith.cdc.internal.source.read.DmsOp;
import io.lakesmith.cdc.internal.source.read.DmsReadException;
import io.lakesmith.cdc.internal.source.read.DmsReaders;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.cdc.internal.source.read.DmsRowReader;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.ConcurrentWriterException;
import io.lakesmith.core.lock.LeaseLostException;
import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the pending DMS files of one table to its Hudi table. The algorithm:
 * <ol>
 *   <li>Read the checkpoint of the latest commit that has one: the files applied so far (and how far into the
 *       file a commit ended inside it).</li>
 *   <li>Pending files are the listed files not applied with the same size, in DMS order; a pending file that
 *       sorts before an applied one arrived late and is applied all the same (its changes carry their own
 *       sequence, so they never overwrite newer ones, and the {@link DeleteLedger} drops those older than an
 *       applied delete of their key) and reported. Rewritten full-load files after changes are a reload
 *       ({@link OrderingState}).</li>
 *   <li>Rows stream through conversion and sequencing into a batch that keeps the last change per key; bad rows
 *       fail the batch (STRICT) or go to the batch's quarantine file (QUARANTINE).</li>
 *   <li>Every {@code maxRowsPerCommit} source rows, at a schema change, and at the end, the batch is written as
 *       one Hudi commit whose extra metadata is the checkpoint up to that row: data and progress become visible
 *       together, so a crash anywhere leaves either the previous or the next state, and a re-run continues
 *       exactly where the last commit ended.</li>
 * </ol>
 * The whole run holds the table's writer lease ({@link TableLease}), taken before the checkpoint is read: a second
 * run on the same table waits for it (up to the lock wait) or fails before reading anything, so the two never apply
 * the same files twice; writes left in flight by a run that died are rolled back first.
 * Not thread-safe; one applier per table at a time.
 */
final class TableApplier {

  private static final Logger LOG = LoggerFactory.getLogger(TableApplier.class);
  /** Files a commit lists beyond its base checkpoint before a new base sidecar is written. */
  static final int MAX_CHECKPOINT_DELTA = CheckpointState.MAX_CHECKPOINT_DELTA;

  static final String ROWS_LOAD = "rowsLoad";
  static final String ROWS_INSERT = "rowsInsert";
  static final String ROWS_UPDATE = "rowsUpdate";
  static final String ROWS_DELETE = "rowsDelete";
  static final String LATE_FILES = CheckpointState.LATE_FILES;
  static final String CHANGED_FILES = CheckpointState.CHANGED_FILES;
  /** Changes dropped because a newer delete of their key was applied before they arrived (delete ledger). */
  static final String ROWS_OLDER_THAN_DELETE = "rowsOlderThanDelete";
  /** Changes dropped because a reload applied before they arrived replaced them (older than the reload). */
  static final String ROWS_OLDER_THAN_RELOAD = "rowsOlderThanReload";
  /** Rows of the table deleted when a reload started (those the reload has come back with it). */
  static final String ROWS_REPLACED_BY_RELOAD = "rowsReplacedByReload";
  static final String RELOAD_FILES = "reloadFiles";

  private final ApplyContext ctx;
  private final TableSpec spec;
  private final DmsTableId id;
  private final List<DmsFile> files;
  private final RunReport.Builder report;
  private final List<String> hudiKey;

  private TableLease lease;
  private HudiTable table;
  private Schema schema;
  private RecordMaker maker;
  private CheckpointState state;
  private boolean onlyFullLoadSoFar = true;
  private Batch batch;
  private QuarantineWriter quarantine;
  private DeleteLedger ledger;
  /** Whether the pending full-load files of this run are (part of) a reload. */
  private boolean reload;
  private final List<String> schemaChanges = new ArrayList<>();
  private Throwable failure;
  private List<String> sourceWarnings = List.of();

  TableApplier(ApplyContext ctx, TableSpec spec, List<DmsFile> files) {
    this.ctx = ctx;
    this.spec = spec;
    this.id = DmsTableId.of(spec.database(), spec.table());
    this.files = ImmutableList.copyOf(files);
    this.report = RunReport.builder("apply", spec.basePath()).name(id.toString());
    List<String> key = new ArrayList<>();
    ctx.tenantColumn().ifPresent(key::add);
    key.addAll(spec.recordKey());
    this.hudiKey = ImmutableList.copyOf(key);
  }

  /**
   * Problems the listing found in the table's source folder (objects that are not DMS files): warnings, and in
   * {@link ApplyMode#STRICT} the reason the table is not applied at all.
   */
  TableApplier sourceWarnings(List<String> warnings) {
    this.sourceWarnings = ImmutableList.copyOf(warnings);
    return this;
  }

  /** The store of the table's own objects (quarantine, checkpoint sidecars, delete ledger), not the source's. */
  private ObjectStore tableStore() {
    return ctx.storeFor(StorageLocation.parse(spec.basePath()));
  }

  /** The URI of the table's source folder, for the report. */
  TableApplier source(String uri) {
    report.source(uri);
    return this;
  }

  RunReport apply() {
    sourceWarnings.forEach(report::warning);
    try {
      if (!sourceWarnings.isEmpty() && ctx.mode() == ApplyMode.STRICT) {
        throw new ApplyException("table " + id + ": strict mode and the source folder holds objects that are not DMS"
            + " files, so nothing was applied: " + String.join("; ", sourceWarnings), (Throwable) null);
      }
      long asked = System.nanoTime();
      try {
        lease = TableLease.acquire(spec.basePath(), ctx.aws(), id.toString(), ctx.lockOptions());
      } catch (ConcurrentWriterException e) {
        ctx.listener().lockWaited(id.toString(), java.time.Duration.ofNanos(System.nanoTime() - asked), false);
        throw e;
      }
      ctx.listener().lockWaited(id.toString(), java.time.Duration.ofNanos(System.nanoTime() - asked), true);
      run();
    } catch (ApplyStopped e) {
      LOG.info("apply of {} stopped: {}", id, e.getMessage());
      report.warning(e.getMessage());
    } catch (ConcurrentWriterException | LeaseLostException e) {
      // one line: which table, which lock object, who holds it and until when (nothing was written)
      LOG.info("apply of {} not run: {}", id, e.getMessage());
      report.error(e.getMessage());
    } catch (ApplyException | SchemaDriftException | DmsReadException e) {
      LOG.error("apply of {} stopped: {}", id, e.getMessage());
      report.error(e.getMessage());
    } catch (RuntimeException e) {
      String message = Failures.describe(e);
      LOG.error("apply of {} failed: {}", id, message);
      LOG.debug("apply of {} failed", id, e);
      failure = e;
      report.error(message);
    } finally {
      try {
        if (table != null) {
          table.close();
        }
      } catch (RuntimeException e) {
        LOG.warn("{}: closing the Hudi client failed: {}", id, Failures.describe(e));
      } finally {
        // always: a lease left open is renewed in the background for as long as the JVM lives
        if (lease != null) {
          lease.close();
        }
      }
      if (!schemaChanges.isEmpty()) {
        report.detail("schemaChanges", String.join("; ", schemaChanges));
      }
      long quarantined = report.counter(RunReport.ROWS_QUARANTINED);
      if (quarantined > 0) {
        report.warning(quarantined + " row(s) quarantined under " + spec.basePath() + "/.lakesmith/quarantine/");
      }
    }
    RunReport r = report.finish();
    try {
      ctx.listener().tableFinished(id.toString(), r);
    } catch (RuntimeException e) {
      // the table's work is done; the host's callback failing is its error, and it must not stop other tables
      LOG.error("apply of {}: the listener failed in tableFinished: {}", id, Failures.describe(e));
      report.error("the ApplyListener failed in tableFinished: " + Failures.describe(e));
      r = report.finish();
    }
    return r;
  }

  /** The checkpoint as of the last commit (after {@link #apply()}: what the table has applied). */
  SourceCheckpoint checkpoint() {
    return state == null ? SourceCheckpoint.EMPTY : state.committed();
  }

  /** The unexpected exception that failed the table, if any (for a caller that wants its stack trace). */
  Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  private TableSpec hudiSpec() {
    return spec.toBuilder().recordKey(hudiKey).schema(null).build();
  }

  private HudiWriteOptions writeOptions() {
    return TableSchemas.writeOptions(ctx.writeOptions(), spec);
  }

  private void run() {
    List<HudiCommit> commits = List.of();
    state = new CheckpointState(ctx.store(), tableStore(), spec.basePath(), id.toString(), ctx.tenantValue());
    if (HudiTables.exists(spec.basePath(), ctx.aws())) {
      table = HudiTables.open(hudiSpec(), writeOptions(), ctx.aws()).holding(lease);
      schema = table.schema();
      commits = table.commits();
      state.load(table.latestCommitWith(SourceCheckpoint.METADATA_KEY));
    } else if (spec.schema().isPresent()) {
      schema = TableSchemas.initial(spec, spec.columns(), ctx.tenantColumn());
    }
    if (schema != null) {
      maker = maker(schema);
    }
    // Bulk insert skips the key lookup, so it is only safe while the table holds nothing but our full load.
    SourceCheckpoint committed = state.committed();
    boolean ours = !committed.equals(SourceCheckpoint.EMPTY);
    onlyFullLoadSoFar = commits.isEmpty()
        || ours && committed.applied().keySet().stream().allMatch(CheckpointState::isFullLoadKey)
            && committed.partialFile().map(CheckpointState::isFullLoadKey).orElse(true);

    CheckpointState.Pending found = state.pending(files, report);
    if (found.reappliesChanged()) {
      // its keys are in the table already: bulk insert would add them twice
      onlyFullLoadSoFar = false;
    }
    List<DmsFile> pending = found.files();
    report.checkpointBefore(committed.toReport());
    Map<String, Long> sizes = new LinkedHashMap<>();
    pending.forEach(f -> sizes.put(f.key(), f.size()));
    ctx.listener().filesPending(id.toString(), java.util.Collections.unmodifiableMap(sizes));
    if (pending.isEmpty()) {
      LOG.info("{}: nothing to apply ({} files already applied)", id, files.size());
      return;
    }
    SourceCheckpoint progress = committed;
    batch = new Batch();
    quarantine = new QuarantineWriter(tableStore(), StorageLocation.parse(spec.basePath()));
    reload = isReload(pending);
    for (DmsFile f : pending) {
      if (reload && CheckpointState.isFullLoadKey(f.name())) {
        report.add(RELOAD_FILES, 1);
        if (!state.ordering().reloadInProgress()) {
          startReload(progress);
        }
      }
      String key = state.key(f);
      long skip = progress.partialFile().filter(key::equals).isPresent() ? progress.partialRows() : 0;
      // identified before reading: if the file changes meanwhile, the next run sees a new identity and re-applies
      String identity = state.identity(f).encode();
      progress = applyFile(f, key, skip, progress);
      progress = progress.withFileDone(key, identity);
    }
    flush(progress);
    report.checkpointAfter(state.committed().toReport());
  }

  /**
   * Whether the pending full-load files are a DMS table reload rather than (late) files of the initial load: changes
   * have been applied, and an applied full-load file was rewritten (DMS writes a reload's files from
   * {@code LOAD00000001} again) or a reload is in progress (no change newer than it applied yet). A new full-load
   * file name after changes, without either, is a late file of the initial load: its rows sort before every change.
   */
  private boolean isReload(List<DmsFile> pending) {
    OrderingState ordering = state.ordering();
    SourceCheckpoint committed = state.committed();
    boolean changesApplied = ordering.maxChangeSeq() != null
        || committed.applied().keySet().stream().anyMatch(k -> !CheckpointState.isFullLoadKey(k));
    if (!changesApplied || pending.stream().noneMatch(f -> CheckpointState.isFullLoadKey(f.name()))) {
      return false;
    }
    return ordering.reloadInProgress() || pending.stream().anyMatch(f -> CheckpointState.isFullLoadKey(f.name())
        && committed.appliedFingerprint(state.key(f)).isPresent());
  }

  /**
   * Starts a reload: its point is the newest change sequence applied (also as seen in the table and the delete
   * ledger, for tables written before the ordering state was stored); every row now in the table is deleted at the
   * reload's floor, in the batch that also takes the reload's first rows, so a reload that fits one commit replaces
   * the table atomically. Holds one small delete record per table row in memory.
   */
  private void startReload(SourceCheckpoint progress) {
    flush(progress);
    String[] max = {state.ordering().maxChangeSeq()};
    List<List<Object>> keys = new ArrayList<>();
    if (table != null) {
      HudiTableReader.of(table).forEach(r -> {
        Object seq = r.get(TableSchemas.SEQ);
        if (seq != null && (max[0] == null || seq.toString().compareTo(max[0]) > 0)) {
          max[0] = seq.toString();
        }
        List<Object> key = new ArrayList<>(hudiKey.size());
        for (String k : hudiKey) {
          key.add(r.get(k));
        }
        keys.add(key);
      });
    }
    String point = max[0];
    String ledgerMax = ledger().maxSeq().orElse(null);
    if (ledgerMax != null && (point == null || ledgerMax.compareTo(point) > 0)) {
      point = ledgerMax;
    }
    if (point == null) {
      reload = false; // nothing applied, nothing to replace: an initial load after all
      return;
    }
    state.ordering(state.ordering().withReload(point));
    String floor = state.ordering().floor();
    for (List<Object> key : keys) {
      GenericData.Record delete = new GenericData.Record(schema);
      for (int i = 0; i < hudiKey.size(); i++) {
        delete.put(hudiKey.get(i), key.get(i));
      }
      delete.put(TableSchemas.SEQ, new org.apache.avro.util.Utf8(floor));
      delete.put(TableSchemas.OP, "D");
      delete.put(TableSchemas.IS_DELETED, true);
      batch.addReplaced(key, delete, floor);
    }
    report.add(ROWS_REPLACED_BY_RELOAD, keys.size());
    LOG.info("{}: reload after changes: the table's {} rows are replaced as of change {}", id, keys.size(), point);
  }

  private SourceCheckpoint applyFile(DmsFile f, String key, long skip, SourceCheckpoint progress) {
    ctx.listener().fileStarted(id.toString(), f.key());
    report.input(f.location().toUri()).add(RunReport.FILES_READ, 1);
    if (!CheckpointState.isFullLoadKey(f.name())) {
      onlyFullLoadSoFar = false;
    }
    long rowNo = 0;
    DmsColumns lastColumns = null;
    SourceCheckpoint p = progress;
    List<String> expected = expectedColumns();
    int every = ctx.listener().rowProgressInterval();
    try (DmsRowReader reader = DmsReaders.openTable(ctx.store(), f, ctx.format(), id, expected)) {
      while (reader.hasNext()) {
        DmsRow row = reader.next();
        rowNo++;
        if (every > 0 && rowNo % every == 0) {
          ctx.listener().rowsRead(id.toString(), f.key(), rowNo);
        }
        if (rowNo <= skip) {
          continue;
        }
        if (batch.rows >= ctx.maxRowsPerCommit()) {
          // a full batch commits once the next row exists: one that fills at the last row of the input would
          // otherwise commit as a partial file, followed by an empty commit marking the file done
          p = rowNo > 1 ? p.withPartial(key, rowNo - 1) : p;
          flush(p);
        }
        report.add(RunReport.ROWS_READ, 1);
        if (batch.isEmpty() && quarantine.size() == 0) {
          batch.start(f, rowNo);
        }
        if (row.error().isPresent()) {
          bad(List.of(row.error().get()), row);
          continue;
        }
        if (!row.columns().equals(lastColumns)) {
          if (onColumns(row.columns(), f, key, rowNo, p)) {
            p = state.committed();
            batch.start(f, rowNo);
          }
          lastColumns = row.columns();
        }
        add(row);
        batch.noteFile(f.key());
      }
    }
    ctx.listener().fileFinished(id.toString(), f.key(), rowNo);
    return p;
  }

  /**
   * Column names for files without a header: the spec's columns, else the columns known so far (the table's, or
   * those an earlier file of this run gave), else none (the file must then have a header or be Parquet).
   */
  private List<String> expectedColumns() {
    if (spec.schema().isPresent()) {
      return new ArrayList<>(spec.columns().keySet());
    }
    List<String> names = new ArrayList<>();
    if (schema != null) {
      for (Schema.Field f : schema.getFields()) {
        if (!TableSchemas.isBookkeeping(f.name()) && !f.name().equals(ctx.tenantColumn().orElse(null))) {
          names.add(f.name());
        }
      }
    }
    return names;
  }

  /** Adapts schema and converter to a file's columns; returns true when it had to commit the batch first. */
  private boolean onColumns(DmsColumns columns, DmsFile f, String key, long rowNo, SourceCheckpoint progress) {
    Map<String, Optional<ColumnType>> fileColumns = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      fileColumns.put(columns.name(i), columns.schema(i).flatMap(TableApplier::typeOf));
      TableSchemas.checkName(id.toString(), columns.name(i), f.key() + (f.format() == DmsFile.Format.CSV
          ? " line 1, field " : " (Parquet schema), field ") + columns.fieldNumber(i));
    }
    if (schema == null) {
      Map<String, ColumnType> initial = new LinkedHashMap<>();
      fileColumns.forEach((n, t) -> initial.put(n, t.orElse(ColumnType.STRING)));
      schema = TableSchemas.initial(spec, initial, ctx.tenantColumn());
      maker = maker(schema);
      return false;
    }
    TableSchemas.Evolution e = TableSchemas.evolve(id.toString(), schema, fileColumns, spec.columns(), f.key());
    if (!e.changed()) {
      return false;
    }
    boolean flushed = false;
    if (!batch.isEmpty() || quarantine.size() > 0) {
      flush(rowNo > 1 ? progress.withPartial(key, rowNo - 1) : progress);
      flushed = true;
    }
    schema = e.schema;
    maker = maker(schema);
    e.added.forEach(c -> schemaChanges.add("added " + c + " (" + f.relativePath() + ")"));
    e.widened.forEach(c -> schemaChanges.add("widened " + c + " (" + f.relativePath() + ")"));
    LOG.info("{}: schema evolves at {}: added {}, widened {}", id, f.key(), e.added, e.widened);
    return flushed;
  }

  private static Optional<ColumnType> typeOf(Schema s) {
    try {
      return Optional.of(ColumnType.fromAvro(s));
    } catch (IllegalArgumentException unsupported) {
      return Optional.empty();
    }
  }

  private RecordMaker maker(Schema s) {
    return new RecordMaker(s, spec.recordKey(), ctx.sequencer(), ctx.tenantColumn(), ctx.tenantValue());
  }

  private void add(DmsRow row) {
    RecordMaker.Made made;
    try {
      made = maker.make(row);
    } catch (DmsRowException e) {
      bad(e.errors(), row);
      return;
    }
    GenericData.Record rec = made.record();
    ConvertedRow converted = made.converted();
    DmsOp op = made.op();
    String seq = made.seq();
    // by the file's kind, not the row's Op: full-load rows carry Op=I with IncludeOpForFullLoad
    if (row.file().kind() == DmsFile.Kind.FULL_LOAD) {
      if (reload) {
        seq = state.ordering().reloadSeq(seq);
        rec.put(TableSchemas.SEQ, new org.apache.avro.util.Utf8(seq));
      }
    } else {
      batch.noteChange(seq);
    }
    List<Object> key = made.key();
    if (op == DmsOp.UPDATE && !converted.notSupplied().isEmpty()) {
      GenericData.Record previous = batch.latest(key);
      if (previous == null || Boolean.TRUE.equals(previous.get(TableSchemas.IS_DELETED))) {
        String column = converted.notSupplied().iterator().next();
        int index = row.columns().indexOf(column);
        bad(List.of(RowError.ofColumn(row.fileKey(), row.line(), RowError.Kind.CONVERSION, column,
            index < 0 ? 0 : row.columns().fieldNumber(index),
            "value not supplied (CsvNoSupValue) and no earlier version of the row in this batch to take it from;"
                + " the stored value would be overwritten")), row);
        return;
      }
      for (String c : converted.notSupplied()) {
        rec.put(c, previous.get(c));
      }
    }
    batch.add(key, rec, seq, op);
  }

  private void bad(List<RowError> errors, DmsRow row) {
    RowError first = errors.get(0);
    if (ctx.mode() == ApplyMode.STRICT) {
      throw new ApplyException("table " + id + ": bad row, nothing of the batch was committed: " + first
          + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors in the row)" : ""), first);
    }
    quarantine.add(first, row);
    report.add(RunReport.ROWS_QUARANTINED, 1);
    if (first.kind() == RowError.Kind.UNREADABLE) {
      // part of a file is set aside, not just a row: say so where a person looks
      report.warning(first.toString());
      LOG.warn("{}: {}", id, first);
    }
    batch.quarantined++;
    ctx.listener().rowQuarantined(id.toString(), first);
  }

  private void flush(SourceCheckpoint next) {
    if (batch.isEmpty() && quarantine.size() == 0 && next.equals(state.committed())) {
      return;
    }
    if (schema == null) {
      return; // nothing was ever readable: no table to create, nothing to record
    }
    if (table == null) {
      table = HudiTables.createOrOpen(hudiSpec(), schema, writeOptions(), ctx.aws()).holding(lease);
    }
    StorageLocation q = quarantine.flush(batch.name());
    if (q != null) {
      report.detail("quarantine:" + batch.name(), q.toUri());
    }
    OrderingState nextOrdering = state.ordering().withChange(batch.maxChangeSeq);
    Map<String, String> metadata = state.commitMetadata(next, nextOrdering);
    List<GenericData.Record> records = withoutChangesOlderThanDeletes();
    recordDeletes(records);
    boolean bulk = onlyFullLoadSoFar && batch.onlyLoad() && !records.isEmpty();
    HudiCommit commit = table.write(bulk, records, metadata,
        instant -> ctx.listener().beforeCommit(id.toString(), instant, records.size()));
    state.committed(next, nextOrdering);
    report.add(RunReport.COMMITS, 1).commitInstant(commit.instantTime()).add(RunReport.ROWS_WRITTEN, records.size())
        .add(ROWS_LOAD, batch.loads).add(ROWS_INSERT, batch.inserts).add(ROWS_UPDATE, batch.updates)
        .add(ROWS_DELETE, batch.deletes);
    CommitSummary summary = new CommitSummary(commit.instantTime(), batch.loads + batch.inserts, batch.updates,
        batch.deletes, batch.quarantined, records.size(), batch.files);
    LOG.info("{}: committed {} ({}) {}", id, commit.instantTime(), bulk ? "bulk insert" : "upsert", summary);
    ctx.listener().commitDone(id.toString(), summary);
    batch.clear();
  }

  private DeleteLedger ledger() {
    if (ledger == null) {
      ledger = DeleteLedger.open(tableStore(), StorageLocation.parse(spec.basePath()), ctx.deleteRetention(),
          ctx.clock().instant());
    }
    return ledger;
  }

  /**
   * The batch's records without the upserts that are older than an applied delete of their key: Hudi has no
   * tombstone to compare them with, and would insert the row again. Only upserts older than the newest recorded
   * delete are looked up, so in-order delivery reads nothing.
   */
  private List<GenericData.Record> withoutChangesOlderThanDeletes() {
    String floor = state.ordering().floor();
    if (floor != null) {
      long replaced = batch.dropOlderThan(floor);
      if (replaced > 0) {
        report.add(ROWS_OLDER_THAN_RELOAD, replaced);
        LOG.info("{}: {} changes dropped: older than the reload applied before they arrived", id, replaced);
      }
    }
    Optional<String> newestDelete = ledger().maxSeq();
    if (newestDelete.isEmpty()) {
      return batch.records();
    }
    Map<List<Object>, String> suspects = new LinkedHashMap<>();
    String minSeq = null;
    for (Map.Entry<List<Object>, GenericData.Record> e : batch.entries()) {
      String seq = e.getValue().get(TableSchemas.SEQ).toString();
      if (!isDelete(e.getValue()) && seq.compareTo(newestDelete.get()) < 0) {
        suspects.put(e.getKey(), DeleteLedger.keyOf(e.getKey()));
        minSeq = minSeq == null || seq.compareTo(minSeq) < 0 ? seq : minSeq;
      }
    }
    if (suspects.isEmpty()) {
      return batch.records();
    }
    Map<String, String> deletes = ledger().newestDeletes(new java.util.HashSet<>(suspects.values()), minSeq);
    List<GenericData.Record> out = new ArrayList<>(batch.size());
    long dropped = 0;
    for (Map.Entry<List<Object>, GenericData.Record> e : batch.entries()) {
      String key = suspects.get(e.getKey());
      String deletedAt = key == null ? null : deletes.get(key);
      if (deletedAt != null && e.getValue().get(TableSchemas.SEQ).toString().compareTo(deletedAt) < 0) {
        dropped++;
      } else {
        out.add(e.getValue());
      }
    }
    if (dropped > 0) {
      report.add(ROWS_OLDER_THAN_DELETE, dropped);
      LOG.info("{}: {} changes dropped: older than an applied delete of their key (arrived late)", id, dropped);
    }
    return out;
  }

  /** Records the deletes of this commit in the delete ledger, before the commit (redundant after a crash, never lost). */
  private void recordDeletes(List<GenericData.Record> records) {
    List<DeleteLedger.Entry> deletes = new ArrayList<>();
    String floor = state.ordering().floor();
    for (GenericData.Record r : records) {
      // a reload's own deletes need no entry: the floor drops everything older than the reload
      if (isDelete(r) && !r.get(TableSchemas.SEQ).toString().equals(floor)) {
        List<Object> key = new ArrayList<>(hudiKey.size());
        for (String k : hudiKey) {
          key.add(r.get(k));
        }
        deletes.add(new DeleteLedger.Entry(DeleteLedger.keyOf(key), r.get(TableSchemas.SEQ).toString()));
      }
    }
    ledger().record(deletes, ctx.clock().instant());
  }

  private static boolean isDelete(GenericData.Record r) {
    return Boolean.TRUE.equals(r.get(TableSchemas.IS_DELETED));
  }

  /** The changes of one commit: the last change per key, in first-seen key order, plus counts. */
  private static final class Batch {
    private final LinkedHashMap<List<Object>, GenericData.Record> latest = new LinkedHashMap<>();
    private final LinkedHashMap<List<Object>, String> seqs = new LinkedHashMap<>();
    final List<String> files = new ArrayList<>();
    long rows;
    long loads;
    long inserts;
    long updates;
    long deletes;
    long quarantined;
    long replaced;
    String maxChangeSeq;
    private String startFile;
    private long startRow;

    void start(DmsFile f, long row) {
      if (startFile == null || isEmpty()) {
        startFile = f.relativePath();
        startRow = row;
      }
    }

    boolean isEmpty() {
      return latest.isEmpty() && quarantined == 0;
    }

    GenericData.Record latest(List<Object> key) {
      return latest.get(key);
    }

    void add(List<Object> key, GenericData.Record rec, String seq, DmsOp op) {
      String have = seqs.get(key);
      if (have == null || have.compareTo(seq) < 0) {
        latest.put(key, rec);
        seqs.put(key, seq);
      }
      rows++;
      switch (op) {
        case LOAD: loads++; break;
        case INSERT: inserts++; break;
        case UPDATE: updates++; break;
        case DELETE: deletes++; break;
        default: throw new AssertionError(op);
      }
    }

    /** A row deleted because a reload starts: not a source row, so not counted against the commit size. */
    void addReplaced(List<Object> key, GenericData.Record rec, String seq) {
      latest.put(key, rec);
      seqs.put(key, seq);
      replaced++;
    }

    void noteChange(String seq) {
      if (maxChangeSeq == null || maxChangeSeq.compareTo(seq) < 0) {
        maxChangeSeq = seq;
      }
    }

    /** Drops the records with a sequence below {@code floor}; returns how many. */
    long dropOlderThan(String floor) {
      long n = 0;
      for (var it = latest.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (seqs.get(e.getKey()).compareTo(floor) < 0) {
          it.remove();
          seqs.remove(e.getKey());
          n++;
        }
      }
      return n;
    }

    void noteFile(String key) {
      if (files.isEmpty() || !files.get(files.size() - 1).equals(key)) {
        files.add(key);
      }
    }

    boolean onlyLoad() {
      return inserts == 0 && updates == 0 && deletes == 0 && replaced == 0;
    }

    List<GenericData.Record> records() {
      return new ArrayList<>(latest.values());
    }

    java.util.Set<Map.Entry<List<Object>, GenericData.Record>> entries() {
      return latest.entrySet();
    }

    int size() {
      return latest.size();
    }

    /** Where the batch starts in the source: stable across re-runs of the same batch. */
    String name() {
      String s = startFile == null ? "empty" : startFile;
      return s.replaceAll("[^A-Za-z0-9._-]", "_") + "-row" + startRow + "-"
          + Hashing.murmur3_32_fixed().hashString(s, StandardCharsets.UTF_8);
    }

    void clear() {
      latest.clear();
      seqs.clear();
      files.clear();
      rows = loads = inserts = updates = deletes = quarantined = replaced = 0;
      maxChangeSeq = null;
      startFile = null;
    }
  }
}

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

package io.lakesmith.spark.internal;

import io.lakesmith.cdc.ApplyException;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.SchemaDriftException;
import io.lakesmith.cdc.internal.apply.CheckpointState;
import io.lakesmith.cdc.internal.apply.DeleteLedger;
import io.lakesmith.cdc.internal.apply.OrderingState;
import io.lakesmith.cdc.internal.apply.QuarantineWriter;
import io.lakesmith.cdc.internal.apply.SourceCheckpoint;
import io.lakesmith.cdc.internal.apply.TableSchemas;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.read.DmsReadException;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.lock.ConcurrentWriterException;
import io.lakesmith.core.lock.LeaseLostException;
import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.hudi.AvroConversionUtils;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one table's pending DMS files with Spark: the driver holds the writer lease, reads the checkpoint and
 * lists the pending files with lake-cdc's shared state ({@link CheckpointState}); executors read and convert the
 * files ({@link FileTask}, one task per file); Hudi's Spark datasource writes each commit with the Java writer's
 * properties ({@link HudiTables#writeProperties}) and the checkpoint and ordering state in the commit's extra
 * metadata. Commits hold whole files, up to {@code maxBytesPerCommit} of source each.
 */
public final class DistributedApplier {

  private static final Logger LOG = LoggerFactory.getLogger(DistributedApplier.class);
  /** Commit metadata keys all start with this: passed to the datasource as its commit metadata prefix. */
  static final String METADATA_PREFIX = "lakesmith.";
  /** Test hook (local mode): a task of the Hudi write throws at this record number of its partition. */
  static final String FAIL_IN_WRITE = "lakesmith.spark.test.failInWrite";

  private final SparkSession spark;
  private final JavaSparkContext jsc;
  private final ObjectStore store;
  private final StorageLocation root;
  private final Settings settings;
  private final TableSpec spec;
  private final DmsTableId id;
  private final List<DmsFile> files;
  private final RunReport.Builder report;

  private ObjectStore tableStore;
  private boolean ownTableStore;
  private TableLease lease;
  private HudiTable table;
  private Schema schema;
  private CheckpointState state;
  private DeleteLedger ledger;
  private Throwable failure;

  public DistributedApplier(SparkSession spark, ObjectStore store, StorageLocation root, Settings settings,
      TableSpec spec, List<DmsFile> files) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.store = store;
    this.root = root;
    this.settings = settings;
    this.spec = spec;
    this.id = DmsTableId.of(spec.database(), spec.table());
    this.files = List.copyOf(files);
    this.report = RunReport.builder("apply", id.toString()).detail("engine", "spark");
  }

  /** Applies; never throws for a table failure (it is in the report). */
  public RunReport apply() {
    report.detail("target", spec.basePath());
    try {
      lease = TableLease.acquire(spec.basePath(), settings.aws(), id.toString(), settings.lockOptions());
      run();
    } catch (ConcurrentWriterException | LeaseLostException e) {
      LOG.info("apply of {} not run: {}", id, e.getMessage());
      report.error(e.getMessage());
    } catch (ApplyException | SchemaDriftException | DmsReadException e) {
      LOG.error("apply of {} stopped: {}", id, e.getMessage());
      report.error(e.getMessage());
    } catch (Exception e) { // Spark throws its checked SparkException from Scala code
      Throwable known = known(e);
      String message = known != null ? known.getMessage() : e.getClass().getSimpleName() + ": " + rootCause(e);
      LOG.error("apply of {} failed: {}", id, message);
      LOG.debug("apply of {} failed", id, e);
      if (known == null) {
        failure = e;
      }
      report.error(message);
    } finally {
      if (table != null) {
        table.close();
      }
      if (lease != null) {
        lease.close();
      }
      if (ownTableStore) {
        tableStore.close();
      }
    }
    return report.finish();
  }

  /** The unexpected exception that failed the table, if any (for a caller that wants its stack trace). */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** The first of our one-line exceptions (a bad row in a task, drift, an unreadable file) in the cause chain. */
  private static Throwable known(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ApplyException || t instanceof SchemaDriftException || t instanceof DmsReadException) {
        return t;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private TableSpec hudiSpec() {
    return spec.toBuilder().recordKey(hudiKey()).schema(null).build();
  }

  private List<String> hudiKey() {
    return new ArrayList<>(spec.recordKey());
  }

  /** The same options the Java apply writes with (TableApplier.writeOptions). */
  private HudiWriteOptions writeOptions() {
    return TableSchemas.writeOptions(settings.writeOptions(), spec);
  }

  /**
   * The store of the table's own objects (quarantine, checkpoint sidecars, delete ledger): the source store when both
   * are local or in one bucket, else one opened for the table (as lake-cdc's ApplyContext.storeFor).
   */
  private ObjectStore tableStore() {
    if (tableStore == null) {
      StorageLocation table = StorageLocation.parse(spec.basePath());
      ownTableStore = !table.sameStore(root);
      tableStore = ownTableStore ? io.lakesmith.core.storage.ObjectStores.open(table, settings.aws()) : store;
    }
    return tableStore;
  }

  private void run() {
    state = new CheckpointState(store, tableStore(), spec.basePath(), id.toString(), Optional.empty());
    boolean exists = HudiTables.exists(spec.basePath(), settings.aws());
    if (exists) {
      // opened holding the lease: rolls back what a dead writer (Java or Spark) left in flight
      table = HudiTables.open(hudiSpec(), writeOptions(), settings.aws()).holding(lease);
      schema = table.schema();
      state.load(table.latestCommitWith(SourceCheckpoint.METADATA_KEY));
    } else if (spec.schema().isPresent()) {
      schema = TableSchemas.initial(spec, spec.columns(), Optional.empty());
    }
    SourceCheckpoint committed = state.committed();
    report.detail("checkpointBefore", committed.toString());
    CheckpointState.Pending found = state.pending(files, report);
    List<DmsFile> pending = found.files();
    if (pending.isEmpty()) {
      LOG.info("{}: nothing to apply ({} files already applied)", id, files.size());
      return;
    }
    OrderingState ordering = state.ordering();
    boolean changesApplied = ordering.maxChangeSeq() != null
        || committed.applied().keySet().stream().anyMatch(k -> !CheckpointState.isFullLoadKey(k));
    if (ordering.reloadInProgress() || changesApplied && pending.stream().anyMatch(f ->
        CheckpointState.isFullLoadKey(f.name()) && committed.appliedFingerprint(state.key(f)).isPresent())) {
      throw new ApplyException("table " + id + ": a reload (full-load files rewritten after changes) is not applied"
          + " by the distributed apply; apply this table once with DmsApply (lake-cdc), then continue here",
          (Throwable) null);
    }
    evolveSchema(pending);
    if (schema == null) {
      return;
    }
    if (table == null) {
      table = HudiTables.createOrOpen(hudiSpec(), schema, writeOptions(), settings.aws()).holding(lease);
    }
    List<List<DmsFile>> groups = groups(pending);
    for (List<DmsFile> group : groups) {
      applyGroup(group);
    }
    report.detail("checkpointAfter", state.committed().toString());
  }

  /** Commit groups: consecutive files up to maxBytesPerCommit of source (at least one file each). */
  private List<List<DmsFile>> groups(List<DmsFile> pending) {
    List<List<DmsFile>> groups = new ArrayList<>();
    List<DmsFile> current = new ArrayList<>();
    long bytes = 0;
    for (DmsFile f : pending) {
      if (!current.isEmpty() && bytes + f.size() > settings.maxBytesPerCommit()) {
        groups.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(f);
      bytes += f.size();
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  private List<String> expectedColumns() {
    if (spec.schema().isPresent()) {
      return new ArrayList<>(spec.columns().keySet());
    }
    List<String> names = new ArrayList<>();
    if (schema != null) {
      for (Schema.Field f : schema.getFields()) {
        if (!TableSchemas.isBookkeeping(f.name())) {
          names.add(f.name());
        }
      }
    }
    return names;
  }

  /**
   * Evolves the schema for every pending file's columns (each file's first row, the CSV header or Parquet schema, read
   * by one Spark task per file), before any file is converted, as lake-cdc evolves it per file; the whole run then
   * writes with the final schema. Incompatible changes throw {@link SchemaDriftException}.
   */
  private void evolveSchema(List<DmsFile> pending) {
    TaskConfig config = taskConfig(schema == null ? "" : schema.toString());
    List<FileTask> probes = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      probes.add(new FileTask(config, i, pending.get(i), 0));
    }
    List<java.util.ArrayList<String[]>> all = jsc.parallelize(probes, Math.max(1, probes.size()))
        .map(FileTask::columns).collect();
    List<String[]> last = null;
    for (int f = 0; f < pending.size(); f++) {
      List<String[]> columns = all.get(f);
      DmsFile file = pending.get(f);
      if (columns.isEmpty() || last != null && sameColumns(columns, last)) {
        continue;
      }
      last = columns;
      Map<String, Optional<ColumnType>> fileColumns = new LinkedHashMap<>();
      for (String[] c : columns) {
        fileColumns.put(c[0], c[1].isEmpty() ? Optional.empty() : typeOf(new Schema.Parser().parse(c[1])));
        TableSchemas.checkName(id.toString(), c[0], file.key() + (file.format() == DmsFile.Format.CSV
            ? " line 1, field " : " (Parquet schema), field ") + c[2]);
      }
      if (schema == null) {
        Map<String, ColumnType> initial = new LinkedHashMap<>();
        fileColumns.forEach((n, t) -> initial.put(n, t.orElse(ColumnType.STRING)));
        schema = TableSchemas.initial(spec, initial, Optional.empty());
        continue;
      }
      TableSchemas.Evolution e = TableSchemas.evolve(id.toString(), schema, fileColumns, spec.columns(), file.key());
      if (e.changed()) {
        schema = e.schema;
        report.detail("schemaChange:" + file.relativePath(), "added " + e.added + ", widened " + e.widened);
      }
    }
  }

  private static boolean sameColumns(List<String[]> a, List<String[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private TaskConfig taskConfig(String schemaJson) {
    return new TaskConfig(root.toUri(), spec.database(), spec.table(), schemaJson, spec.recordKey(),
        expectedColumns(), null, null, settings.mode(), settings.aws(), settings.format(), settings.sequencer());
  }

  private static Optional<ColumnType> typeOf(Schema s) {
    try {
      return Optional.of(ColumnType.fromAvro(s));
    } catch (IllegalArgumentException unsupported) {
      return Optional.empty();
    }
  }

  private void applyGroup(List<DmsFile> group) {
    SourceCheckpoint progress = state.committed();
    TaskConfig config = taskConfig(schema.toString());
    List<FileTask> tasks = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      DmsFile f = group.get(i);
      String key = state.key(f);
      long skip = progress.partialFile().filter(key::equals).isPresent() ? progress.partialRows() : 0;
      tasks.add(new FileTask(config, i, f, skip));
      report.input(f.key()).add(RunReport.FILES_READ, 1);
    }
    // identified before reading: if a file changes meanwhile, the next run sees a new identity and re-applies it
    SourceCheckpoint next = progress;
    for (DmsFile f : group) {
      next = next.withFileDone(state.key(f), state.identity(f).encode());
    }
    JavaRDD<Out> outs = jsc.parallelize(tasks, tasks.size()).flatMap(FileTask::run)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      applyGroup(group, outs, next);
    } finally {
      outs.unpersist(false);
    }
  }

  private void applyGroup(List<DmsFile> group, JavaRDD<Out> outs, SourceCheckpoint next) {
    Summary summary = outs.mapPartitions(Summary::of).reduce(Summary::merge);
    report.add(RunReport.ROWS_READ, summary.rows + summary.bad);
    // quarantine: the same entries as the Java apply, in source order, one object per commit
    QuarantineWriter quarantine = new QuarantineWriter(tableStore(), StorageLocation.parse(spec.basePath()));
    if (summary.bad > 0) {
      List<Out> bad = new ArrayList<>(outs.filter(o -> !o.isRecord()).collect());
      bad.sort(Comparator.comparingInt((Out o) -> o.fileIndex).thenComparingLong(o -> o.line));
      if (settings.mode() == ApplyMode.STRICT) {
        Out first = bad.get(0);
        throw new ApplyException("table " + id + ": bad row, nothing of the batch was committed: " + first.error
            + (first.moreErrors > 0 ? " (and " + first.moreErrors + " more errors in the row)" : ""), (Throwable) null);
      }
      for (Out o : bad) {
        quarantine.addEntry(o.quarantine);
        report.add(RunReport.ROWS_QUARANTINED, 1);
        if (o.error.contains("UNREADABLE")) {
          report.warning(o.error);
        }
      }
      StorageLocation q = quarantine.flush(batchName(group.get(0)));
      report.detail("quarantine:" + batchName(group.get(0)), q.toUri());
    }
    // changes older than an applied delete of their key (arrived late) are dropped, as in the Java apply
    Optional<String> newestDelete = ledger().maxSeq();
    Broadcast<HashMap<String, String>> dropBefore = jsc.broadcast(new HashMap<>());
    long dropped = 0;
    if (newestDelete.isPresent()) {
      String newest = newestDelete.get();
      List<String[]> suspects = outs.filter(o -> o.isRecord() && !o.isDelete() && o.seq.compareTo(newest) < 0)
          .map(o -> new String[] {o.key, o.seq}).collect();
      if (!suspects.isEmpty()) {
        String minSeq = suspects.stream().map(s -> s[1]).min(String::compareTo).get();
        Map<String, String> deletes = ledger().newestDeletes(new HashSet<>(suspects.stream().map(s -> s[0]).toList()),
            minSeq);
        HashMap<String, String> drop = new HashMap<>(deletes);
        for (String[] s : suspects) {
          String at = drop.get(s[0]);
          if (at != null && s[1].compareTo(at) < 0) {
            dropped++;
          }
        }
        dropBefore = jsc.broadcast(drop);
      }
    }
    if (dropped > 0) {
      report.add("rowsOlderThanDelete", dropped);
    }
    ledger().record(summary.deletes.stream().map(d -> new DeleteLedger.Entry(d[0], d[1])).toList(),
        settings.clock().instant());
    OrderingState nextOrdering = state.ordering().withChange(summary.maxChangeSeq);
    Map<String, String> metadata = state.commitMetadata(next, nextOrdering);

    String schemaJson = schema.toString();
    Broadcast<HashMap<String, String>> drop = dropBefore;
    JavaRDD<GenericRecord> records = outs.filter(o -> {
      if (!o.isRecord()) {
        return false;
      }
      String at = drop.value().get(o.key);
      return at == null || o.isDelete() || o.seq.compareTo(at) >= 0;
    }).mapPartitions(it -> decode(schemaJson, it));
    Dataset<Row> df = AvroConversionUtils.createDataFrame(records.rdd(), schemaJson, spark);
    Map<String, String> options = new LinkedHashMap<>(HudiTables.writeProperties(hudiSpec(), writeOptions()));
    String indexClass = org.apache.hudi.config.HoodieIndexConfig.INDEX_CLASS_NAME.key();
    if (io.lakesmith.core.internal.hudi.OrderedGlobalSimpleIndex.class.getName().equals(options.get(indexClass))) {
      options.put(indexClass, SparkOrderedGlobalSimpleIndex.class.getName()); // the same index, on RDDs
    }
    options.put("hoodie.datasource.write.operation", "upsert");
    options.put("hoodie.datasource.write.table.type", spec.type().name());
    options.put("hoodie.datasource.write.commitmeta.key.prefix", METADATA_PREFIX);
    metadata.forEach((k, v) -> {
      if (!k.startsWith(METADATA_PREFIX)) {
        throw new IllegalStateException("commit metadata key " + k + " lacks the prefix " + METADATA_PREFIX);
      }
      options.put(k, v);
    });
    df.write().format("hudi").options(options).mode(SaveMode.Append).save(spec.basePath());
    state.committed(next, nextOrdering);
    long written = summary.rows - dropped;
    report.add(RunReport.COMMITS, 1).add(RunReport.ROWS_WRITTEN, written)
        .add("rowsLoad", summary.loads).add("rowsInsert", summary.inserts).add("rowsUpdate", summary.updates)
        .add("rowsDelete", summary.deleteCount);
    LOG.info("{}: committed {} files, {} rows ({} quarantined) with Spark", id, group.size(), written, summary.bad);
  }

  /** The records of a partition's outputs, decoded from Avro binary (static: a Spark closure must not hold the applier). */
  private static java.util.Iterator<GenericRecord> decode(String schemaJson, java.util.Iterator<Out> it) {
    Schema s = new Schema.Parser().parse(schemaJson);
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(s);
    long failAt = Long.getLong(FAIL_IN_WRITE, 0L);
    return new java.util.Iterator<GenericRecord>() {
      private long n;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public GenericRecord next() {
        if (++n == failAt) {
          throw new IllegalStateException("test failure injected in a task of the Hudi write at record " + n);
        }
        try {
          return reader.read(null, DecoderFactory.get().binaryDecoder(it.next().avro, null));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  private DeleteLedger ledger() {
    if (ledger == null) {
      ledger = DeleteLedger.open(tableStore(), StorageLocation.parse(spec.basePath()), settings.deleteRetention(),
          settings.clock().instant());
    }
    return ledger;
  }

  /** The quarantine object's name for a commit starting at {@code first}: stable across re-runs. */
  private static String batchName(DmsFile first) {
    String s = first.relativePath();
    return s.replaceAll("[^A-Za-z0-9._-]", "_") + "-spark-"
        + com.google.common.hash.Hashing.murmur3_32_fixed().hashString(s, StandardCharsets.UTF_8);
  }

  /** Counts, newest change sequence and deletes of a commit's outputs, reduced over the partitions. */
  static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;
    long rows;
    long bad;
    long loads;
    long inserts;
    long updates;
    long deleteCount;
    String maxChangeSeq;
    final List<String[]> deletes = new ArrayList<>();

    static java.util.Iterator<Summary> of(java.util.Iterator<Out> it) {
      Summary s = new Summary();
      while (it.hasNext()) {
        Out o = it.next();
        if (!o.isRecord()) {
          s.bad++;
          continue;
        }
        s.rows++;
        switch (o.op) {
          case 'L': s.loads++; break;
          case 'I': s.inserts++; break;
          case 'U': s.updates++; break;
          default: s.deleteCount++; s.deletes.add(new String[] {o.key, o.seq});
        }
        if (!o.fullLoad && (s.maxChangeSeq == null || s.maxChangeSeq.compareTo(o.seq) < 0)) {
          s.maxChangeSeq = o.seq;
        }
      }
      return List.of(s).iterator();
    }

    static Summary merge(Summary a, Summary b) {
      Summary s = new Summary();
      s.rows = a.rows + b.rows;
      s.bad = a.bad + b.bad;
      s.loads = a.loads + b.loads;
      s.inserts = a.inserts + b.inserts;
      s.updates = a.updates + b.updates;
      s.deleteCount = a.deleteCount + b.deleteCount;
      s.maxChangeSeq = a.maxChangeSeq == null ? b.maxChangeSeq : b.maxChangeSeq == null ? a.maxChangeSeq
          : a.maxChangeSeq.compareTo(b.maxChangeSeq) >= 0 ? a.maxChangeSeq : b.maxChangeSeq;
      s.deletes.addAll(a.deletes);
      s.deletes.addAll(b.deletes);
      return s;
    }
  }
}

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

package io.lakesmith.spark;

import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.ChangeSequencer;
import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.spark.internal.DistributedApplier;
import io.lakesmith.spark.internal.Settings;
import io.lakesmith.spark.internal.TableTask;
import io.lakesmith.spark.internal.TaskConfig;
import org.apache.spark.api.java.JavaSparkContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies AWS DMS output to Hudi tables with Spark, with the contract of lake-cdc's {@link DmsApply} (exactly once,
 * source order by {@code _lake_seq}, any arrival order within the delete retention, STRICT/QUARANTINE, schema
 * evolution, one writer per table):
 *
 * <pre>{@code
 * ApplyResult result = SparkDmsApply.on(spark)
 *     .from("s3://bucket/dms")
 *     .table(spec)
 *     .mode(ApplyMode.QUARANTINE)
 *     .execute();
 * }</pre>
 *
 * <p><b>Two ways per table</b>, chosen by the size of its listed DMS files: tables of at least
 * {@link #distributedThresholdBytes} are applied <i>distributed</i>: the driver takes the table's writer lease, reads
 * the checkpoint and lists the pending files with the same code as {@code DmsApply}; Spark tasks (one per file) read
 * and convert the files with lake-cdc's readers, converter and change sequencer, so every row gets the same record
 * and {@code _lake_seq} as with {@code DmsApply}; Hudi's Spark datasource writes each commit with the Java writer's
 * Hudi properties (key generator, ordering field and event-time merge mode, delete marker, global index for
 * partitioned tables, table version, commit lock), the checkpoint in the commit's metadata. A table written by
 * {@code DmsApply} can therefore be continued by this apply and back, exactly once. Commits hold whole files, up to
 * {@link #maxBytesPerCommit} of source each. Smaller tables are applied by {@code DmsApply} whole, one Spark task per table
 * (many small tables spread over the executors, each with the Hudi Java client).
 *
 * <p><b>Limits of the distributed way</b> (the table fails with a one-line error, nothing written): a reload (full-load
 * files rewritten after changes) and update rows with values not supplied ({@code CsvNoSupValue}) need the Java
 * apply's in-memory batch; apply such a table with {@code DmsApply} once. A failed Spark job commits nothing; the next
 * run rolls back its leftovers and applies the same files again.
 *
 * <p>Spark and Hudi's Spark bundle ({@code hudi-spark3.5-bundle_2.12} at Lakesmith's Hudi version) are provided by the
 * job. Not thread-safe; one {@code execute} at a time.
 */
public final class SparkDmsApply implements io.lakesmith.core.action.Action<ApplyResult> {

  private static final Logger LOG = LoggerFactory.getLogger(SparkDmsApply.class);
  /** Default of {@link #distributedThresholdBytes}: 1 GiB. */
  public static final long DEFAULT_DISTRIBUTED_THRESHOLD = 1L << 30;
  /** Default of {@link #maxBytesPerCommit}: 4 GiB. */
  public static final long DEFAULT_MAX_BYTES_PER_COMMIT = 4L << 30;

  private final SparkSession spark;
  private StorageLocation root;
  private final Map<DmsTableId, TableSpec> specs = new LinkedHashMap<>();
  private AwsSettings aws = AwsSettings.defaults();
  private DmsFormat format = DmsFormat.defaults().toBuilder()
      .csv(CsvOptions.defaults().toBuilder().header(HeaderMode.DETECT).build()).build();
  private ApplyMode mode = ApplyMode.STRICT;
  private ChangeSequencer sequencer = ChangeSequencer.builder().build();
  private HudiWriteOptions writeOptions = HudiWriteOptions.defaults();
  private LockOptions lockOptions = LockOptions.defaults();
  private Duration deleteRetention = DmsApply.DEFAULT_DELETE_RETENTION;
  private int maxRowsPerCommit = 500_000;
  private long maxBytesPerCommit = DEFAULT_MAX_BYTES_PER_COMMIT;
  private long threshold = DEFAULT_DISTRIBUTED_THRESHOLD;

  private SparkDmsApply(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /** An apply running on {@code spark}. */
  public static SparkDmsApply on(SparkSession spark) {
    return new SparkDmsApply(spark);
  }

  /** The DMS output root: a local path (seen by every executor), {@code s3://} or {@code s3a://} URI. */
  public SparkDmsApply from(String value) {
    this.root = StorageLocation.parse(value);
    return this;
  }

  /** A table to apply; see {@link DmsApply#table}. */
  public SparkDmsApply table(TableSpec spec) {
    DmsTableId id = DmsTableId.of(spec.database(), spec.table());
    if (specs.putIfAbsent(id, spec) != null) {
      throw new IllegalArgumentException("table " + id + " given twice");
    }
    return this;
  }

  /** Tables to apply. */
  public SparkDmsApply tables(Collection<TableSpec> values) {
    values.forEach(this::table);
    return this;
  }

  /** Where S3 and its credentials are; see {@link DmsApply#aws}. */
  public SparkDmsApply aws(AwsSettings value) {
    this.aws = Objects.requireNonNull(value);
    return this;
  }

  /** How the DMS task wrote its files; see {@link DmsApply#format}. */
  public SparkDmsApply format(DmsFormat value) {
    this.format = Objects.requireNonNull(value);
    return this;
  }

  /** Shortcut for {@link #format} with only the CSV options changed. */
  public SparkDmsApply csv(CsvOptions value) {
    this.format = format.toBuilder().csv(value).build();
    return this;
  }

  /** What happens to bad rows; default {@link ApplyMode#STRICT}. */
  public SparkDmsApply mode(ApplyMode value) {
    this.mode = Objects.requireNonNull(value);
    return this;
  }

  /** How changes are ordered; see {@link DmsApply#ordering}. */
  public SparkDmsApply ordering(ChangeSequencer value) {
    this.sequencer = Objects.requireNonNull(value);
    return this;
  }

  /** Orders by the DMS timestamp column {@code column}; see {@link DmsApply#timestampColumn}. */
  public SparkDmsApply timestampColumn(String column) {
    this.sequencer = ChangeSequencer.builder().timestampColumn(column).build();
    return this;
  }

  /** Hudi write options; see {@link DmsApply#writeOptions}. */
  public SparkDmsApply writeOptions(HudiWriteOptions value) {
    this.writeOptions = Objects.requireNonNull(value);
    return this;
  }

  /** How each table's writer lease is taken; see {@link DmsApply#lock}. */
  public SparkDmsApply lock(LockOptions value) {
    this.lockOptions = Objects.requireNonNull(value);
    return this;
  }

  /** The out-of-order delivery horizon; see {@link DmsApply#deleteRetention}. */
  public SparkDmsApply deleteRetention(Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("deleteRetention must be >= 0, got " + value);
    }
    this.deleteRetention = value;
    return this;
  }

  /** The most source rows one commit of a table applied by {@code DmsApply} takes; default 500,000. */
  public SparkDmsApply maxRowsPerCommit(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("maxRowsPerCommit must be positive, got " + value);
    }
    this.maxRowsPerCommit = value;
    return this;
  }

  /**
   * The most source bytes one commit of a distributed table takes (whole files; a larger file is a commit of its
   * own); default {@link #DEFAULT_MAX_BYTES_PER_COMMIT}.
   */
  public SparkDmsApply maxBytesPerCommit(long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("maxBytesPerCommit must be positive, got " + value);
    }
    this.maxBytesPerCommit = value;
    return this;
  }

  /**
   * Tables whose listed DMS files total at least this many bytes are applied distributed, the others one Spark task
   * per table; default {@link #DEFAULT_DISTRIBUTED_THRESHOLD}. 0: every table distributed;
   * {@link Long#MAX_VALUE}: none.
   */
  public SparkDmsApply distributedThresholdBytes(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("distributedThresholdBytes must be >= 0, got " + value);
    }
    this.threshold = value;
    return this;
  }

  /**
   * Lists the root once on the driver, then applies the distributed tables one after another (each uses the whole
   * cluster), then the small tables one task each; returns one report per table, as {@link DmsApply#execute}.
   */
  @Override
  public ApplyResult execute() {
    if (root == null) {
      throw new IllegalStateException("no DMS root: call from()");
    }
    if (specs.isEmpty()) {
      throw new IllegalStateException("no table to apply: add at least one TableSpec with table()");
    }
    Settings settings = new Settings(aws, format, mode, maxBytesPerCommit, sequencer, writeOptions, lockOptions,
        deleteRetention, Clock.systemUTC());
    RunReport.Builder overall = RunReport.builder("spark-apply", root.toUri());
    List<TableSpec> small = new ArrayList<>();
    Map<String, Throwable> failures = new LinkedHashMap<>();
    try (ObjectStore store = ObjectStores.open(root, aws)) {
      DmsListing listing = DmsLayout.scan(store, root);
      for (Map.Entry<DmsTableId, TableSpec> e : specs.entrySet()) {
        List<DmsTableId> folders = listing.tablesMatching(e.getKey());
        List<DmsFile> files = new ArrayList<>(folders.size() == 1 ? listing.files(folders.get(0)) : List.of());
        long bytes = files.stream().mapToLong(DmsFile::size).sum();
        if (folders.size() != 1 || bytes < threshold || !listing.transactionFiles().isEmpty()) {
          small.add(e.getValue()); // DmsApply reports missing or ambiguous folders and handles CDC_TXN files
          continue;
        }
        files.sort(DmsFile.ORDER);
        LOG.info("{}: {} files, {} bytes: applied distributed", e.getKey(), files.size(), bytes);
        DistributedApplier applier = new DistributedApplier(spark, store, root, settings, e.getValue(), files);
        overall.child(applier.apply());
        applier.failure().ifPresent(f -> failures.put(e.getKey().toString(), f));
      }
    }
    if (!small.isEmpty()) {
      // table per task: each small table is applied whole by DmsApply inside one Spark task
      TaskConfig config = new TaskConfig(root.toUri(), null, null, null, List.of(), List.of(), null, null, mode, aws,
          format, sequencer);
      List<TableTask> tasks = new ArrayList<>();
      for (TableSpec spec : small) {
        tasks.add(new TableTask(config, spec, writeOptions, lockOptions, maxRowsPerCommit, deleteRetention));
      }
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      List<String> reports = jsc.parallelize(tasks, tasks.size()).map(TableTask::run).collect();
      for (String json : reports) {
        RunReport task = RunReport.fromJson(json);
        RunReport table = task.children().isEmpty() ? task : task.children().get(0);
        overall.child(table).detail("tablePerTask:" + table.name(), task.details().getOrDefault("thread", ""));
      }
    }
    return ApplyResult.of(overall.finish(), failures);
  }
}

package io.lakesmith.cdc;

import com.google.common.base.Preconditions;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies AWS DMS output (full-load and CDC files under {@code <root>/<schema>/<table>/}, plus
 * {@code CDC_TXN} files of PreserveTransactions) to Hudi tables, one per {@link TableSpec}:
 *
 * <pre>{@code
 * ApplyResult result = DmsApply.from("s3://bucket/dms")
 *     .table(spec)
 *     .mode(ApplyMode.QUARANTINE)
 *     .maxRowsPerCommit(500_000)
 *     .execute();
 * }</pre>
 *
 * <p><b>Contract.</b> Exactly once: which files (and how far into a file) are applied is recorded in each Hudi
 * commit's metadata, atomically with the data, so re-running on the same files commits nothing and a run killed
 * at any point, then re-run, yields the table an uninterrupted run yields. Source order: every change gets a
 * deterministic sequence ({@code AR_H_CHANGE_SEQ}, else the DMS timestamp column, else file order; ties broken
 * by file and row) stored in {@code _lake_seq}, the table's event-time ordering field, so a change never
 * overwrites a newer one whatever order files arrive in; within a commit the last change per key wins. Full
 * load: bulk insert into a new table; CDC: upserts, and deletes as Hudi delete markers ordered like any change.
 * Memory: at most {@link #maxRowsPerCommit} changes are held per table. Tables run in parallel on a bounded pool;
 * one table's failure is reported in its {@link RunReport} and does not stop the others.
 *
 * <p>Tables get three bookkeeping columns: {@code _lake_seq}, {@code _lake_op} (L, I, U or D) and Hudi's
 * {@code _hoodie_is_deleted}. Quarantined rows and checkpoint sidecars live under {@code <table>/.lakesmith/}.
 */
public final class DmsApply {

  private static final Logger LOG = LoggerFactory.getLogger(DmsApply.class);

  private final StorageLocation root;
  private final Map<DmsTableId, TableSpec> specs = new LinkedHashMap<>();
  private AwsSettings aws = AwsSettings.defaults();
  // Header detection: a first row equal to the expected column names is a header (AddColumnName=true),
  // otherwise data; without a schema in the spec the first row must be the header.
  private DmsFormat format = DmsFormat.defaults().toBuilder()
      .csv(CsvOptions.defaults().toBuilder().header(io.lakesmith.cdc.HeaderMode.DETECT).build()).build();
  private ApplyMode mode = ApplyMode.STRICT;
  private int maxRowsPerCommit = 500_000;
  private ChangeSequencer sequencer = ChangeSequencer.builder().build();
  private ApplyListener listener = ApplyListener.NONE;
  private HudiWriteOptions writeOptions = HudiWriteOptions.defaults();
  private int parallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  private String tenantColumn;
  private String tenantValue;

  private DmsApply(StorageLocation root) {
    this.root = root;
  }

  /** Applies the DMS output under {@code root}: a local path, {@code s3://} or {@code s3a://} URI. */
  public static DmsApply from(String root) {
    return new DmsApply(StorageLocation.parse(root));
  }

  public static DmsApply from(StorageLocation root) {
    return new DmsApply(Preconditions.checkNotNull(root, "root"));
  }

  /**
   * A table to apply: the files of {@code <root>/<spec.database()>/<spec.table()>/} to the Hudi table at
   * {@code spec.basePath()}. Without a schema in the spec, columns come from CSV headers or Parquet schemas
   * (CSV columns are then strings).
   */
  public DmsApply table(TableSpec spec) {
    DmsTableId id = DmsTableId.of(spec.database(), spec.table());
    Preconditions.checkArgument(specs.putIfAbsent(id, spec) == null, "table %s given twice", id);
    return this;
  }

  public DmsApply tables(Collection<TableSpec> values) {
    values.forEach(this::table);
    return this;
  }

  /** Where S3 and its credentials are; default: the SDK's default chains against AWS. */
  public DmsApply aws(AwsSettings value) {
    this.aws = Preconditions.checkNotNull(value);
    return this;
  }

  /**
   * How the DMS task wrote its files (CSV options, Op in full load, ...); default: DMS defaults, except that CSV
   * header rows are detected rather than assumed absent.
   */
  public DmsApply format(DmsFormat value) {
    this.format = Preconditions.checkNotNull(value);
    return this;
  }

  /** Shortcut for {@link #format} with only the CSV options changed. */
  public DmsApply csv(CsvOptions value) {
    this.format = format.toBuilder().csv(value).build();
    return this;
  }

  /** What happens to bad rows; default {@link ApplyMode#STRICT}. */
  public DmsApply mode(ApplyMode value) {
    this.mode = Preconditions.checkNotNull(value);
    return this;
  }

  /** The most source rows one Hudi commit takes (and a table holds in memory); default 500,000. */
  public DmsApply maxRowsPerCommit(int value) {
    Preconditions.checkArgument(value > 0, "maxRowsPerCommit must be positive, got %s", value);
    this.maxRowsPerCommit = value;
    return this;
  }

  /**
   * How changes are ordered; default: per file, {@code AR_H_CHANGE_SEQ} if present, else the timestamp column if
   * configured and present, else file order. Keep it fixed for a table's life.
   */
  public DmsApply ordering(ChangeSequencer value) {
    this.sequencer = Preconditions.checkNotNull(value);
    return this;
  }

  /** Orders by the DMS {@code TimestampColumnName} column {@code column} (ties broken by file and row). */
  public DmsApply timestampColumn(String column) {
    this.sequencer = ChangeSequencer.builder().timestampColumn(column).build();
    return this;
  }

  /**
   * Tenant consolidation: adds the string column {@code column} = {@code value} to every row and puts it first
   * in the record key, so several source databases with one schema can be applied to one table.
   */
  public DmsApply tenant(String column, String value) {
    Preconditions.checkArgument(column != null && !column.isBlank(), "tenant column must not be blank");
    Preconditions.checkArgument(value != null && !value.isBlank(), "tenant value must not be blank");
    this.tenantColumn = column;
    this.tenantValue = value;
    return this;
  }

  /** Tables applied at once; default min(4, cores). */
  public DmsApply parallelism(int value) {
    Preconditions.checkArgument(value > 0, "parallelism must be positive, got %s", value);
    this.parallelism = value;
    return this;
  }

  public DmsApply listener(ApplyListener value) {
    this.listener = Preconditions.checkNotNull(value);
    return this;
  }

  /**
   * Hudi write options (compression, file sizes, metadata table, extra raw options). The ordering field, merge
   * mode and, for partitioned tables, the global index are always set by the apply.
   */
  public DmsApply writeOptions(HudiWriteOptions value) {
    this.writeOptions = Preconditions.checkNotNull(value);
    return this;
  }

  /** Lists the root once, then applies every given table that has files; returns one report per table. */
  public ApplyResult execute() {
    Preconditions.checkState(!specs.isEmpty(), "no table to apply: add at least one TableSpec with table()");
    RunReport.Builder overall = RunReport.builder("apply", root.toUri());
    try (ObjectStore store = ObjectStores.open(root, aws)) {
      DmsListing listing = DmsLayout.scan(store, root);
      overall.add("tablesFound", listing.tables().size())
          .add("unrecognizedObjects", listing.unrecognized().size());
      List<String> withoutSpec = new ArrayList<>();
      listing.tables().keySet().stream().filter(t -> !specs.containsKey(t)).forEach(t -> withoutSpec.add(t.toString()));
      if (!withoutSpec.isEmpty()) {
        overall.detail("tablesWithoutSpec", String.join(",", withoutSpec));
        LOG.info("tables under {} without a spec (not applied): {}", root, withoutSpec);
      }
      ApplyContext ctx = new ApplyContext(store, aws, format, mode, maxRowsPerCommit, sequencer, listener,
          writeOptions, tenantColumn, tenantValue);
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, specs.size()), r -> {
        Thread t = new Thread(r, "lakesmith-apply");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<RunReport>> results = new ArrayList<>();
        for (Map.Entry<DmsTableId, TableSpec> e : specs.entrySet()) {
          List<DmsFile> files = new ArrayList<>(listing.files(e.getKey()));
          files.addAll(listing.transactionFiles());
          files.sort(DmsFile.ORDER);
          TableApplier applier = new TableApplier(ctx, e.getValue(), files);
          results.add(pool.submit(applier::apply));
        }
        for (Future<RunReport> f : results) {
          overall.child(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        overall.error("interrupted");
      } catch (ExecutionException e) {
        overall.error("apply failed: " + e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    ApplyResult result = new ApplyResult(overall.finish());
    LOG.info("apply of {}: {}", root, result.report());
    return result;
  }
}

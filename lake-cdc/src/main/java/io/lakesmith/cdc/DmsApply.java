package io.lakesmith.cdc;

import com.google.common.base.Preconditions;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.UnrecognizedObject;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.lock.TableLease;
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
import java.util.concurrent.CompletableFuture;
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
 * Any arrival order: Hudi keeps no tombstones, so applied deletes are remembered in a delete ledger (see
 * {@link #deleteRetention}) and a change older than its key's applied delete is dropped; within that horizon the
 * table equals the in-order result whatever order the files arrive in and however they are split over runs. A
 * reload (an applied full-load file rewritten after changes were applied) replaces the table as of the point in
 * the change stream where it is seen: rows absent from it are deleted, newer changes apply on top, and older changes
 * arriving later are dropped. The checkpoint is read from Hudi's archived timeline when archival moved it.
 * Memory: at most {@link #maxRowsPerCommit} changes are held per table. Tables run in parallel on a bounded pool;
 * one table's failure is reported in its {@link RunReport} and does not stop the others.
 *
 * <p><b>One writer per table.</b> Each table is applied holding its writer lease ({@link TableLease}, a lease object
 * at {@code <table>/.lakesmith/writer.lock} taken with conditional writes), from before its checkpoint is read until
 * after its last commit. A concurrent apply of the same table (a retried job, a second run by hand) waits up to
 * {@link #lockWait} and otherwise fails that table with a one-line {@link io.lakesmith.core.lock.ConcurrentWriterException}
 * message, writing nothing: the table ends as a serial application of both runs would leave it. Commits also run
 * under Hudi's optimistic concurrency control with the write options' {@link io.lakesmith.core.hudi.CommitLock}.
 * A run that dies (even killed) blocks the table for at most the lease; the next run rolls back what it left in
 * flight.
 *
 * <p>Tables get three bookkeeping columns: {@code _lake_seq}, {@code _lake_op} (L, I, U or D) and Hudi's
 * {@code _hoodie_is_deleted}. Quarantined rows, checkpoint sidecars and the delete ledger live under
 * {@code <table>/.lakesmith/}.
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
  private LockOptions lockOptions = LockOptions.defaults();
  private java.time.Duration deleteRetention = DEFAULT_DELETE_RETENTION;
  private java.time.Clock clock = java.time.Clock.systemUTC();

  /** Default of {@link #deleteRetention}: 7 days. */
  public static final java.time.Duration DEFAULT_DELETE_RETENTION = java.time.Duration.ofDays(7);

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

  /**
   * Declares that the DMS task writes only inserts ({@code CdcInsertsOnly=true}): CDC files without an {@code Op}
   * column are then inserts. Without it such a file fails the table, since its updates and deletes could not be told
   * from inserts. Shortcut for {@link #format} with {@link DmsFormat#cdcInsertsOnly()} set.
   */
  public DmsApply cdcInsertsOnly(boolean value) {
    this.format = format.toBuilder().cdcInsertsOnly(value).build();
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

  /**
   * The retention horizon of out-of-order delivery: how long after a delete was applied a change of the same key
   * that is older than the delete (by change sequence) is still recognised as older and dropped. Default
   * {@link #DEFAULT_DELETE_RETENTION}. Within it, the table equals the in-order result for any arrival order of
   * the files; a change arriving later than that after its key's delete re-inserts the row (Hudi keeps no
   * tombstones). The deletes are kept in the table's delete ledger under {@code <table>/.lakesmith/deletes/}.
   */
  public DmsApply deleteRetention(java.time.Duration value) {
    Preconditions.checkArgument(value != null && !value.isNegative(), "deleteRetention must be >= 0, got %s", value);
    this.deleteRetention = value;
    return this;
  }

  /** The clock the delete ledger's retention is measured with (tests). */
  DmsApply clock(java.time.Clock value) {
    this.clock = Preconditions.checkNotNull(value);
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

  /**
   * How each table's writer lease is taken ({@link TableLease}); default {@link LockOptions#defaults()}: lease 60 s,
   * fail at once when another writer holds it.
   */
  public DmsApply lock(LockOptions value) {
    this.lockOptions = Preconditions.checkNotNull(value, "lockOptions");
    return this;
  }

  /**
   * How long to wait for a table another writer is applying before giving up on that table (default 0: at once).
   * A caller that re-runs the apply in a loop (continuous mode) should wait about one run's duration.
   */
  public DmsApply lockWait(java.time.Duration value) {
    this.lockOptions = lockOptions.toBuilder().waitTimeout(value).build();
    return this;
  }

  /**
   * The writer lease (default 60 s): renewed while the apply runs, so it only bounds how long a crashed apply blocks
   * the next one.
   */
  public DmsApply lockLease(java.time.Duration value) {
    this.lockOptions = lockOptions.toBuilder().lease(value).build();
    return this;
  }

  /**
   * Lists the root once, then applies every given table; returns one report per table. A table's folder is matched
   * ignoring case ({@code HR/EMPLOYEES} for {@code hr.employees}); two folders that differ only by case fail the
   * table. Objects in a table's folder that are not DMS files, and a table with no files at all, are warnings, and
   * failures in {@link ApplyMode#STRICT}: never a silent no-op.
   */
  public ApplyResult execute() {
    Preconditions.checkState(!specs.isEmpty(), "no table to apply: add at least one TableSpec with table()");
    RunReport.Builder overall = RunReport.builder("apply", root.toUri());
    Map<String, Throwable> failures = new LinkedHashMap<>();
    try (ObjectStore store = ObjectStores.open(root, aws);
        ApplyContext ctx = new ApplyContext(root, store, aws, format, mode, maxRowsPerCommit, sequencer, listener,
            writeOptions, tenantColumn, tenantValue, lockOptions, deleteRetention, clock)) {
      DmsListing listing = DmsLayout.scan(store, root);
      overall.add("tablesFound", listing.tables().size())
          .add("unrecognizedObjects", listing.unrecognized().size());
      List<String> withoutSpec = new ArrayList<>();
      listing.tables().keySet().stream().filter(t -> specs.keySet().stream().noneMatch(t::equalsIgnoreCase))
          .forEach(t -> withoutSpec.add(t.toString()));
      if (!withoutSpec.isEmpty()) {
        overall.detail("tablesWithoutSpec", String.join(",", withoutSpec));
        LOG.info("tables under {} without a spec (not applied): {}", root, withoutSpec);
      }
      List<UnrecognizedObject> elsewhere = new ArrayList<>(listing.unrecognized());
      specs.keySet().forEach(id -> elsewhere.removeAll(listing.unrecognizedIn(id)));
      if (!elsewhere.isEmpty()) {
        overall.warning(elsewhere.size() + " object(s) under " + root.toUri() + " outside the applied tables' folders"
            + " are not DMS data files and were ignored: " + sample(elsewhere));
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, specs.size()), r -> {
        Thread t = new Thread(r, "lakesmith-apply");
        t.setDaemon(true);
        return t;
      });
      try {
        Map<String, Future<RunReport>> results = new LinkedHashMap<>();
        Map<String, TableApplier> appliers = new LinkedHashMap<>();
        for (Map.Entry<DmsTableId, TableSpec> e : specs.entrySet()) {
          DmsTableId id = e.getKey();
          List<DmsTableId> folders = listing.tablesMatching(id);
          if (folders.size() > 1) {
            results.put(id.toString(), CompletableFuture.completedFuture(notApplied(id, "source folders " + folders
                + " differ only by case: which one holds " + id + " cannot be told; rename or remove the other",
                true)));
            continue;
          }
          List<DmsFile> files = new ArrayList<>(folders.isEmpty() ? List.of() : listing.files(folders.get(0)));
          List<String> stray = new ArrayList<>();
          listing.unrecognizedIn(id).forEach(u -> stray.add("not a DMS data file, ignored: " + u));
          if (files.isEmpty() && listing.transactionFiles().isEmpty()) {
            stray.forEach(w -> LOG.warn("{}: {}", id, w));
            String none = "no DMS files for " + id + " under " + root.resolve(id.schema() + "/" + id.table()).toUri()
                + " (folders are matched ignoring case)";
            RunReport.Builder r = RunReport.builder("apply", id.toString()).detail("target", e.getValue().basePath());
            stray.forEach(r::warning);
            if (mode == ApplyMode.STRICT) {
              r.error("strict mode: " + none + (stray.isEmpty() ? "" : "; " + String.join("; ", stray)));
            } else {
              r.warning(none);
            }
            LOG.warn("{}", none);
            results.put(id.toString(), CompletableFuture.completedFuture(finished(id, r)));
            continue;
          }
          stray.forEach(w -> LOG.warn("{}: {}", id, w));
          files.addAll(listing.transactionFiles());
          files.sort(DmsFile.ORDER);
          TableApplier applier = new TableApplier(ctx, e.getValue(), files).sourceWarnings(stray);
          appliers.put(id.toString(), applier);
          results.put(id.toString(), pool.submit(applier::apply));
        }
        for (Map.Entry<String, Future<RunReport>> f : results.entrySet()) {
          try {
            overall.child(f.getValue().get());
          } catch (ExecutionException e) {
            // one table's unexpected failure must not hide the others' results
            failures.put(f.getKey(), e.getCause());
            overall.child(RunReport.builder("apply", f.getKey()).error(Failures.describe(e.getCause())).finish());
          }
          TableApplier a = appliers.get(f.getKey());
          if (a != null) {
            a.failure().ifPresent(t -> failures.put(f.getKey(), t));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        overall.error("interrupted");
      } finally {
        pool.shutdownNow();
      }
    }
    ApplyResult result = new ApplyResult(overall.finish(), failures);
    LOG.info("apply of {}: {}", root, result.report());
    return result;
  }

  private RunReport notApplied(DmsTableId id, String error, boolean failed) {
    RunReport.Builder r = RunReport.builder("apply", id.toString()).detail("target", specs.get(id).basePath());
    if (failed) {
      r.error(error);
    } else {
      r.warning(error);
    }
    LOG.warn("{}: {}", id, error);
    return finished(id, r);
  }

  /** The finished report, after telling the listener (whose failure is recorded, never thrown). */
  private RunReport finished(DmsTableId id, RunReport.Builder r) {
    RunReport done = r.finish();
    try {
      listener.tableFinished(id.toString(), done);
    } catch (RuntimeException e) {
      r.error("the ApplyListener failed in tableFinished: " + Failures.describe(e));
      done = r.finish();
    }
    return done;
  }

  private static String sample(List<UnrecognizedObject> objects) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(5, objects.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append(objects.get(i));
    }
    return objects.size() > 5 ? sb + "; ..." : sb.toString();
  }
}

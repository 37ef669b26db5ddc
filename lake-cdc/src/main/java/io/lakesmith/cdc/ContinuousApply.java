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

import com.google.common.base.Preconditions;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.UnrecognizedObject;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running continuous apply ({@link DmsApply#continuous}): polls the DMS source and applies what is new to each
 * table, until {@link #stop()}ped. Thread-safe.
 *
 * <p><b>Listing.</b> The whole source is listed at start (unless {@link ContinuousOptions#sweepAtStart()} is off: each
 * table then starts from the newest date folder of its checkpoint) and every
 * {@link ContinuousOptions#fullSweepInterval()} (files that arrived late in older date folders, new table folders, case
 * of folder names). Between sweeps a table's
 * poll lists its folder only from the newest date folder (or, without date partitions, the newest day of CDC file
 * names) it applied on: a year of date folders is not listed again every poll. Date partition layouts that do not
 * start with the year ({@code MMYYYYDD}, {@code DDMMYYYY}) do not sort by time, so their tables are listed whole every
 * poll.
 *
 * <p><b>Files still being written.</b> S3 lists only completed objects. In a local folder a file is applied once its
 * size and modification time are the same at two polls in a row, or it was last modified more than one poll interval
 * ago.
 *
 * <p><b>Applying.</b> A poll that finds new files applies them exactly as {@link DmsApply#execute()} does (commits of
 * at most {@code maxRowsPerCommit} rows, exactly once, holding the table's writer lease, waiting for it up to
 * {@link ContinuousOptions#lockWait()}). A poll that finds nothing new touches neither the table nor its lease. Tables
 * are polled independently on a pool of {@code parallelism} threads: a failing table (S3 or Hudi errors, a held lock)
 * is retried with exponential backoff up to {@link ContinuousOptions#maxBackoff()}, and never delays the others.
 *
 * <p><b>Stopping.</b> {@link #stop()} ends each running apply at its next clean point: before its next file, between
 * rows of a batch not yet handed to Hudi (that batch is abandoned and applied by the next run), or right after a
 * commit; a commit Hudi is writing is finished. Writer leases are released. {@link #stopNow()} interrupts instead
 * (a crash as far as the tables are concerned: nothing is lost or applied twice, but a lease may be left to expire).
 */
public final class ContinuousApply implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ContinuousApply.class);
  private static final Pattern YEAR_FIRST = Pattern.compile("\\d{4}.*");
  static final String STOPPED = "continuous apply stopped; the rest is applied by the next run";

  private final StorageLocation root;
  private final ContinuousOptions options;
  private final ObjectStore store;
  private final ApplyContext ctx;
  /** For reading a table's checkpoint at start without telling the caller's listener. */
  private final ApplyContext probeCtx;
  private final boolean local;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, TableState> tables = new LinkedHashMap<>();
  private final ExecutorService pool;
  private final Thread driver;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Object wake = new Object();
  private boolean woken;
  private volatile boolean stopping;
  private volatile Instant nextSweep = Instant.EPOCH;
  private volatile long sweeps;
  private volatile Duration lastSweep = Duration.ZERO;
  private volatile List<DmsFile> transactionFiles = List.of();

  private ContinuousApply(DmsApply apply, ContinuousOptions options) {
    this.root = apply.root();
    this.options = options;
    this.local = !root.isS3();
    LockOptions lock = apply.lockOptions();
    if (lock.waitTimeout().isZero()) {
      // continuous mode waits for a table another writer holds (a crashed one's lease expires meanwhile)
      lock = lock.toBuilder().waitTimeout(options.lockWait().orElse(lock.lease().plus(options.pollInterval()))).build();
    } else if (options.lockWait().isPresent()) {
      lock = lock.toBuilder().waitTimeout(options.lockWait().get()).build();
    }
    this.store = ObjectStores.open(root, apply.awsSettings());
    ApplyListener own = new ApplyListener() {
      @Override
      public void lockWaited(String table, Duration waited, boolean acquired) {
        TableState t = tables.get(table);
        if (t != null) {
          t.lockTaken();
        }
      }

      @Override
      public void fileStarted(String table, String file) {
        checkStop();
      }

      @Override
      public void rowsRead(String table, String file, long rows) {
        checkStop();
      }

      @Override
      public int rowProgressInterval() {
        return 1_000;
      }

      @Override
      public void commitDone(String table, CommitSummary commit) {
        TableState t = tables.get(table);
        if (t != null) {
          commit.files().forEach(f -> DmsLayout.fileTime(f).ifPresent(t::applied));
        }
        checkStop();
      }
    };
    this.ctx = apply.context(store, ApplyListener.compose(apply.listenerSetting(), own), lock);
    this.probeCtx = apply.context(store, own, lock);
    Instant now = clock.instant();
    for (Map.Entry<DmsTableId, TableSpec> e : apply.specs().entrySet()) {
      TableState t = new TableState(e.getKey(), e.getValue());
      if (!options.sweepAtStart()) {
        t.bootstrapped = false;
        t.nextPoll = now;
      }
      tables.put(e.getKey().toString(), t);
    }
    if (!options.sweepAtStart()) {
      nextSweep = now.plus(options.fullSweepInterval().isZero() ? options.pollInterval()
          : options.fullSweepInterval());
    }
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(Math.min(apply.parallelismSetting(), tables.size()), r -> {
      Thread t = new Thread(r, "lakesmith-watch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.driver = new Thread(this::drive, "lakesmith-watch");
    driver.setDaemon(true);
  }

  static ContinuousApply start(DmsApply apply, ContinuousOptions options) {
    ContinuousApply c = new ContinuousApply(apply, options);
    LOG.info("continuous apply of {} ({} tables): {}", c.root, c.tables.size(), options);
    c.driver.start();
    return c;
  }

  /** Asks every table to stop at its next clean point and stops polling; returns at once (see {@link #await}). */
  public void stop() {
    if (!stopping) {
      stopping = true;
      LOG.info("continuous apply of {}: stopping", root);
      tables.values().forEach(TableState::interruptLockWait);
      signal();
    }
  }

  /**
   * Stops at once: running applies are interrupted wherever they are. Like a crash, nothing is lost or applied twice
   * (the next run rolls back what was in flight), but a table's writer lease may be left to expire.
   */
  public void stopNow() {
    stopping = true;
    pool.shutdownNow();
    driver.interrupt();
    signal();
  }

  /** Waits until stopped and every apply has ended; true when that happened within {@code timeout}. */
  public boolean await(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Waits until stopped and every apply has ended. */
  public void await() throws InterruptedException {
    terminated.await();
  }

  /** Whether it still polls or applies (false once stopped and every apply ended). */
  public boolean isRunning() {
    return terminated.getCount() > 0;
  }

  /** {@link #stop()} then {@link #await()}. */
  @Override
  public void close() {
    stop();
    try {
      await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Each table's lag (by {@code schema.table}): now minus the DMS time of the newest file applied (the time in its CDC
   * file name, when DMS wrote it); tables with no CDC file applied yet are absent. A quiet source shows a growing lag
   * with nothing pending ({@link TableStatus#pendingFiles()}).
   */
  public Map<String, Duration> lag() {
    Map<String, Duration> out = new LinkedHashMap<>();
    Instant now = clock.instant();
    tables.forEach((name, t) -> {
      Instant newest = t.newestApplied.get();
      if (newest != null) {
        out.put(name, Duration.between(newest, now));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** One table's lag ({@link #lag()}), empty before its first CDC file is applied. */
  public Optional<Duration> lag(String schemaDotTable) {
    return Optional.ofNullable(lag().get(state(schemaDotTable).name));
  }

  /** Each table's state by {@code schema.table}. */
  public Map<String, TableStatus> status() {
    Map<String, TableStatus> out = new LinkedHashMap<>();
    tables.forEach((name, t) -> out.put(name, t.snapshot()));
    return Collections.unmodifiableMap(out);
  }

  /** One table's state. */
  public TableStatus status(String schemaDotTable) {
    return state(schemaDotTable).snapshot();
  }

  /** Full sweeps (listings of the whole source) done so far. */
  public long sweeps() {
    return sweeps;
  }

  /** How long the last full sweep took to list the source. */
  public Duration lastSweepDuration() {
    return lastSweep;
  }

  private TableState state(String schemaDotTable) {
    TableState t = tables.get(schemaDotTable);
    if (t == null) {
      throw new IllegalArgumentException("no table " + schemaDotTable + " in this apply; tables: " + tables.keySet());
    }
    return t;
  }

  private void checkStop() {
    if (stopping) {
      throw new ApplyStopped(STOPPED);
    }
  }

  private void signal() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  // ---- the driver: sweeps and hands due polls to the pool

  private void drive() {
    try {
      while (!stopping) {
        Instant now = clock.instant();
        if (!now.isBefore(nextSweep)) {
          sweep();
          now = clock.instant();
        }
        Instant next = nextSweep;
        for (TableState t : tables.values()) {
          if (stopping) {
            break;
          }
          if (!t.running && !now.isBefore(t.nextPoll)) {
            t.running = true;
            try {
              pool.execute(() -> poll(t));
            } catch (RejectedExecutionException e) {
              t.running = false;
            }
          }
          if (!t.running && t.nextPoll.isBefore(next)) {
            next = t.nextPoll;
          }
        }
        long waitMs = Math.max(5, Math.min(1000, Duration.between(clock.instant(), next).toMillis()));
        synchronized (wake) {
          if (!woken && !stopping) {
            wake.wait(waitMs);
          }
          woken = false;
        }
      }
    } catch (InterruptedException e) {
      // stopNow
    } catch (RuntimeException | Error e) {
      LOG.error("continuous apply of {}: the poll loop failed, stopping: {}", root, Failures.describe(e), e);
      stopping = true;
    } finally {
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
          LOG.info("continuous apply of {}: waiting for running applies to reach a clean point", root);
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
      ctx.close(); // the tables' stores it opened
      probeCtx.close();
      store.close();
      LOG.info("continuous apply of {}: stopped", root);
      terminated.countDown();
    }
  }

  private void sweep() {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    try {
      DmsListing all = DmsLayout.scan(store, root);
      lastSweep = Duration.ofNanos(System.nanoTime() - t0);
      transactionFiles = all.transactionFiles();
      for (TableState t : tables.values()) {
        List<DmsTableId> folders = all.tablesMatching(t.id);
        if (folders.size() > 1) {
          t.folderProblem = "source folders " + folders + " differ only by case: which one holds " + t.id
              + " cannot be told; rename or remove the other";
          continue;
        }
        t.folderProblem = null;
        List<DmsFile> files = new ArrayList<>(folders.isEmpty() ? List.of() : all.files(folders.get(0)));
        files.addAll(transactionFiles);
        t.sweep.set(new Listed(files, stray(all.unrecognizedIn(t.id)), all.unrecognizedIn(t.id).size()
            + files.size()));
        if (sweeps == 0 && options.sweepAtStart()) {
          t.nextPoll = started;
        }
      }
      sweeps++;
      nextSweep = started.plus(options.fullSweepInterval().isZero() ? options.pollInterval()
          : options.fullSweepInterval());
      LOG.debug("continuous apply of {}: full sweep {} listed in {} ms", root, sweeps, lastSweep.toMillis());
    } catch (RuntimeException e) {
      Duration retry = min(options.maxBackoff(), options.pollInterval().multipliedBy(2));
      LOG.warn("continuous apply of {}: listing the source failed, retrying in {} s: {}", root, retry.toSeconds(),
          Failures.describe(e));
      nextSweep = clock.instant().plus(retry);
    }
  }

  private static List<String> stray(List<UnrecognizedObject> objects) {
    List<String> out = new ArrayList<>();
    objects.forEach(u -> out.add("not a DMS data file, ignored: " + u));
    return out;
  }

  // ---- one poll of one table (on a pool thread)

  private void poll(TableState t) {
    boolean ok = true;
    t.thread = Thread.currentThread();
    try {
      if (stopping) {
        return;
      }
      if (t.folderProblem != null) {
        ok = false;
        t.lastError = t.folderProblem;
        return;
      }
      if (!t.bootstrapped) {
        bootstrap(t);
        t.bootstrapped = true;
      }
      Listed listed = t.sweep.getAndSet(null);
      long t0 = System.nanoTime();
      if (listed == null) {
        listed = listIncrementally(t);
        if (listed.objects > 0) {
          t.folderSeen = true;
        } else if (!t.folderSeen && t.startAfter != null) {
          // the checkpoint has files but the folder named as in the spec has none: its case differs (HR/EMPLOYEES)
          t.folderSeen = true;
          LOG.info("{}: no files under {}: listing the whole source to find the table's folder", t.id, t.prefix);
          t.prefix = null;
          t.startAfter = null;
          nextSweep = Instant.EPOCH;
          signal();
        }
      } else {
        t.folderSeen = true;
      }
      t.lastListing = Duration.ofNanos(System.nanoTime() - t0);
      t.lastListed = listed.objects;

      Map<String, String> seenNow = new HashMap<>();
      Instant settled = clock.instant().minus(options.pollInterval());
      List<DmsFile> ready = new ArrayList<>();
      int growing = 0;
      for (DmsFile f : listed.files) {
        String sig = signature(f);
        seenNow.put(f.key(), sig);
        boolean stable = !local || sig.equals(t.seen.get(f.key()))
            || f.lastModified().map(m -> m.isBefore(settled)).orElse(true);
        if (stable) {
          ready.add(f);
        } else {
          growing++;
        }
      }
      t.seen = seenNow;
      int fresh = 0;
      for (DmsFile f : ready) {
        if (!signature(f).equals(t.applied.get(f.key()))) {
          fresh++;
        }
      }
      t.pending = fresh + growing;
      if (fresh == 0) {
        return; // nothing new: neither the table nor its lease is touched
      }
      ready.sort(DmsFile.ORDER);
      TableApplier applier = new TableApplier(ctx, t.spec, ready).sourceWarnings(listed.stray);
      t.phase(Phase.WAITING_FOR_LOCK);
      RunReport r = applier.apply();
      t.phase(Phase.IDLE);
      t.lastReport = r;
      t.applies++;
      t.commits += r.counter(RunReport.COMMITS);
      if (r.warnings().contains(STOPPED)) {
        return; // stopped at a clean point: what is not committed is applied by the next run
      }
      if (r.status() == RunReport.Status.FAILED) {
        ok = false;
        t.lastError = String.join("; ", r.errors());
        return;
      }
      t.lastError = null;
      for (DmsFile f : ready) {
        t.applied.put(f.key(), signature(f));
        DmsLayout.fileTime(f.key()).ifPresent(t::applied);
        t.advance(f);
      }
      t.pending = growing;
    } catch (ApplyStopped e) {
      // between two steps of a poll
    } catch (RuntimeException e) {
      ok = false;
      t.lastError = Failures.describe(e);
      LOG.warn("{}: poll failed: {}", t.id, t.lastError);
      LOG.debug("{}: poll failed", t.id, e);
    } finally {
      t.phase(Phase.IDLE);
      Thread.interrupted(); // an interrupt meant for a lock wait must not reach the next poll
      t.thread = null;
      if (ok && !stopping) {
        maintain(t);
      }
      t.failures = ok ? 0 : t.failures + 1;
      Duration delay = ok ? options.pollInterval() : backoff(t.failures);
      if (!ok) {
        LOG.warn("{}: poll failed {} time(s) in a row; next in {} ms: {}", t.id, t.failures, delay.toMillis(),
            t.lastError);
      }
      t.polls++;
      t.nextPoll = clock.instant().plus(delay);
      t.running = false;
      signal();
    }
  }

  /**
   * Starts a table from its checkpoint (no full listing): the files it has applied give the newest date folder to list
   * from. Reads the checkpoint as an apply with no files would, under the table's lease; the caller's listener is not
   * told.
   */
  private void bootstrap(TableState t) {
    TableApplier probe = new TableApplier(probeCtx, t.spec, List.of());
    t.phase(Phase.WAITING_FOR_LOCK);
    RunReport r = probe.apply();
    t.phase(Phase.IDLE);
    if (r.status() == RunReport.Status.FAILED) {
      throw new IllegalStateException("cannot read the checkpoint of " + t.id + ": " + String.join("; ", r.errors()));
    }
    String prefix = root.prefix() + t.id.schema() + "/" + t.id.table() + "/";
    String tenant = ctx.tenantValue().map(v -> v + ":").orElse("");
    for (String key : probe.checkpoint().applied().keySet()) {
      String rel = key.startsWith(tenant) ? key.substring(tenant.length()) : key;
      DmsLayout.classify(root, io.lakesmith.core.storage.ObjectInfo.listed(prefix + rel, 0, null))
          .ifPresent(f -> {
            t.advance(f);
            DmsLayout.fileTime(f.key()).ifPresent(t::applied);
          });
    }
    LOG.info("{}: starting from its checkpoint ({} files applied): listing after {}", t.id,
        probe.checkpoint().applied().size(), t.startAfter == null ? "nothing (whole folder)" : t.startAfter);
  }

  private Listed listIncrementally(TableState t) {
    String prefix = t.prefix != null ? t.prefix : root.prefix() + t.id.schema() + "/" + t.id.table() + "/";
    DmsListing listing = DmsLayout.scan(store, root, prefix, t.incremental ? t.startAfter : null);
    List<DmsFile> files = new ArrayList<>();
    listing.tables().values().forEach(files::addAll);
    files.addAll(listing.transactionFiles());
    int objects = files.size() + listing.unrecognized().size();
    List<DmsFile> txn = transactionFiles;
    if (!txn.isEmpty()) {
      // CDC_TXN files (PreserveTransactions) live in their own CdcPath folder: listed whole
      String txnPrefix = commonFolder(txn);
      DmsListing more = DmsLayout.scan(store, root, txnPrefix, null);
      files.addAll(more.transactionFiles());
      objects += more.transactionFiles().size();
    }
    return new Listed(files, stray(listing.unrecognized()), objects);
  }

  private static String commonFolder(List<DmsFile> files) {
    String common = null;
    for (DmsFile f : files) {
      String folder = f.key().substring(0, f.key().lastIndexOf('/') + 1);
      if (common == null) {
        common = folder;
      } else {
        int i = 0;
        while (i < common.length() && i < folder.length() && common.charAt(i) == folder.charAt(i)) {
          i++;
        }
        common = common.substring(0, common.lastIndexOf('/', i - 1) + 1);
      }
    }
    return common == null ? "" : common;
  }

  private void maintain(TableState t) {
    Optional<ContinuousOptions.Maintenance> task = options.maintenance();
    if (task.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    if (t.nextMaintenance == null) {
      t.nextMaintenance = now.plus(options.maintenanceInterval());
      return;
    }
    if (now.isBefore(t.nextMaintenance)) {
      return;
    }
    try {
      task.get().run(t.spec);
      t.maintenanceError = null;
      t.maintenances++;
      LOG.info("{}: maintenance done", t.id);
    } catch (Exception e) {
      t.maintenanceError = Failures.describe(e);
      LOG.warn("{}: maintenance failed (retried at the next slot): {}", t.id, t.maintenanceError);
    } finally {
      Thread.interrupted();
      t.nextMaintenance = clock.instant().plus(options.maintenanceInterval());
    }
  }

  private Duration backoff(int failures) {
    Duration d = options.pollInterval().multipliedBy(1L << Math.min(failures, 16));
    return min(d, options.maxBackoff());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** What identifies a listed file's content for this process: size plus entity tag or modification time. */
  private static String signature(DmsFile f) {
    return f.size() + "/" + f.eTag().orElse("") + "/" + f.lastModified().map(Instant::toString).orElse("");
  }

  private record Listed(List<DmsFile> files, List<String> stray, int objects) {}

  private enum Phase { IDLE, WAITING_FOR_LOCK, APPLYING }

  private final class TableState {
    final DmsTableId id;
    final TableSpec spec;
    final String name;
    final AtomicReference<Listed> sweep = new AtomicReference<>();
    final AtomicReference<Instant> newestApplied = new AtomicReference<>();
    /** Files this process applied (or found applied), by key: their signature then. */
    final Map<String, String> applied = new HashMap<>();
    volatile Map<String, String> seen = Map.of();
    volatile String prefix;
    volatile String startAfter;
    volatile boolean incremental = true;
    volatile boolean bootstrapped = true;
    volatile boolean folderSeen;
    volatile String folderProblem;
    volatile boolean running;
    volatile Instant nextPoll = Instant.MAX;
    volatile Instant nextMaintenance;
    volatile int failures;
    volatile int pending;
    volatile long polls;
    volatile long applies;
    volatile long commits;
    volatile long maintenances;
    volatile String lastError;
    volatile String maintenanceError;
    volatile RunReport lastReport;
    volatile Duration lastListing = Duration.ZERO;
    volatile int lastListed;
    volatile Thread thread;
    private Phase phase = Phase.IDLE;

    TableState(DmsTableId id, TableSpec spec) {
      this.id = id;
      this.spec = spec;
      this.name = id.toString();
    }

    synchronized void phase(Phase p) {
      phase = p;
    }

    /** The lease is held: from here on only the stop listener ends the apply (an interrupt could strand the lease). */
    synchronized void lockTaken() {
      phase = Phase.APPLYING;
      Thread.interrupted();
    }

    synchronized void interruptLockWait() {
      Thread th = thread;
      if (phase == Phase.WAITING_FOR_LOCK && th != null) {
        th.interrupt();
      }
    }

    void applied(Instant dmsTime) {
      newestApplied.accumulateAndGet(dmsTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** Moves the incremental listing's start to the newest date folder (or CDC day) applied. */
    void advance(DmsFile f) {
      if (f.kind() == DmsFile.Kind.CDC_TXN) {
        return;
      }
      String key = f.key();
      String tablePrefix = key.substring(0, key.length() - f.relativePath().length());
      if (!tablePrefix.equals(prefix)) {
        prefix = tablePrefix; // the folder as the store spells it (a sweep found it), not as the spec does
        startAfter = null;
      }
      String anchor = f.datePartition().orElse(f.kind() == DmsFile.Kind.CDC ? f.name().substring(0, 8) : null);
      if (anchor == null) {
        return;
      }
      if (!YEAR_FIRST.matcher(anchor).matches()) {
        incremental = false; // the layout does not sort by time: list the whole folder
        return;
      }
      String candidate = prefix + anchor;
      if (startAfter == null || candidate.compareTo(startAfter) > 0) {
        startAfter = candidate;
        // files before the new start are not listed again until the next sweep: forget them
        applied.keySet().removeIf(k -> k.compareTo(candidate) < 0 && k.startsWith(prefix));
      }
    }

    TableStatus snapshot() {
      Instant newest = newestApplied.get();
      return new TableStatus(name, polls, applies, commits, pending, failures, Optional.ofNullable(lastError),
          Optional.ofNullable(lastReport), Optional.ofNullable(newest),
          Optional.ofNullable(newest).map(n -> Duration.between(n, clock.instant())), lastListing, lastListed,
          Optional.ofNullable(startAfter), maintenances, Optional.ofNullable(maintenanceError));
    }
  }

  /** A snapshot of one table's continuous apply. */
  public static final class TableStatus {
    private final String table;
    private final long polls;
    private final long applies;
    private final long commits;
    private final int pendingFiles;
    private final int consecutiveFailures;
    private final Optional<String> lastError;
    private final Optional<RunReport> lastReport;
    private final Optional<Instant> newestApplied;
    private final Optional<Duration> lag;
    private final Duration lastListing;
    private final int lastListedObjects;
    private final Optional<String> listingStartsAfter;
    private final long maintenances;
    private final Optional<String> maintenanceError;

    TableStatus(String table, long polls, long applies, long commits, int pendingFiles, int consecutiveFailures,
        Optional<String> lastError, Optional<RunReport> lastReport, Optional<Instant> newestApplied,
        Optional<Duration> lag, Duration lastListing, int lastListedObjects, Optional<String> listingStartsAfter,
        long maintenances, Optional<String> maintenanceError) {
      this.table = Preconditions.checkNotNull(table);
      this.polls = polls;
      this.applies = applies;
      this.commits = commits;
      this.pendingFiles = pendingFiles;
      this.consecutiveFailures = consecutiveFailures;
      this.lastError = lastError;
      this.lastReport = lastReport;
      this.newestApplied = newestApplied;
      this.lag = lag;
      this.lastListing = lastListing;
      this.lastListedObjects = lastListedObjects;
      this.listingStartsAfter = listingStartsAfter;
      this.maintenances = maintenances;
      this.maintenanceError = maintenanceError;
    }

    /** {@code schema.table}. */
    public String table() { return table; }

    /** Polls finished. */
    public long polls() { return polls; }

    /** Polls that found new files and ran an apply. */
    public long applies() { return applies; }

    /** Hudi commits made. */
    public long commits() { return commits; }

    /** Files listed and not applied yet at the last poll (new, or still being written). */
    public int pendingFiles() { return pendingFiles; }

    /** Polls failed in a row (0 after a good one); the next poll waits with backoff while above 0. */
    public int consecutiveFailures() { return consecutiveFailures; }

    /** The error of the last poll, if it failed. */
    public Optional<String> lastError() { return lastError; }

    /** The report of the last apply run. */
    public Optional<RunReport> lastReport() { return lastReport; }

    /** The DMS time of the newest CDC file applied. */
    public Optional<Instant> newestApplied() { return newestApplied; }

    /** Now minus {@link #newestApplied()}. */
    public Optional<Duration> lag() { return lag; }

    /** How long the last poll's listing took. */
    public Duration lastListing() { return lastListing; }

    /** Objects the last poll listed. */
    public int lastListedObjects() { return lastListedObjects; }

    /** The key incremental listings start after (the newest applied date folder), if any. */
    public Optional<String> listingStartsAfter() { return listingStartsAfter; }

    /** Maintenance runs done. */
    public long maintenances() { return maintenances; }

    /** The error of the last maintenance run, if it failed. */
    public Optional<String> maintenanceError() { return maintenanceError; }

    @Override
    public String toString() {
      return table + ": polls=" + polls + " applies=" + applies + " commits=" + commits + " pending=" + pendingFiles
          + lag.map(l -> " lag=" + l.toMillis() + "ms").orElse("") + " failures=" + consecutiveFailures
          + lastError.map(e -> " error=" + e).orElse("");
    }
  }
}

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

package io.lakesmith.cdc.metrics;

import io.lakesmith.cdc.ApplyListener;
import io.lakesmith.cdc.CommitSummary;
import io.lakesmith.cdc.RowError;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.core.report.RunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes an apply's progress as Micrometer meters, every one tagged {@code table} ({@code schema.table}):
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@code lakesmith.apply.rows}</td><td>counter, tag {@code op} = insert | update | delete</td>
 *       <td>source rows committed (full-load rows count as inserts)</td></tr>
 *   <tr><td>{@code lakesmith.apply.rows.quarantined}</td><td>counter</td><td>rows set aside as bad</td></tr>
 *   <tr><td>{@code lakesmith.apply.records.written}</td><td>counter</td>
 *       <td>records sent to Hudi (the last change per key of each commit)</td></tr>
 *   <tr><td>{@code lakesmith.apply.commits}</td><td>counter</td><td>Hudi commits</td></tr>
 *   <tr><td>{@code lakesmith.apply.commit.duration}</td><td>timer</td>
 *       <td>from the start of a batch (first file read after the previous commit) to its commit</td></tr>
 *   <tr><td>{@code lakesmith.apply.files.pending}</td><td>gauge</td>
 *       <td>files the running apply has still to read</td></tr>
 *   <tr><td>{@code lakesmith.apply.files.read}</td><td>counter</td><td>source files read</td></tr>
 *   <tr><td>{@code lakesmith.apply.bytes.read}</td><td>counter (bytes)</td><td>size of the source files read</td></tr>
 *   <tr><td>{@code lakesmith.apply.lag}</td><td>gauge (seconds)</td>
 *       <td>now minus the DMS time of the newest CDC file committed (NaN before the first)</td></tr>
 *   <tr><td>{@code lakesmith.apply.lock.wait}</td><td>timer, tag {@code outcome} = acquired | timeout</td>
 *       <td>time spent waiting for the table's writer lease</td></tr>
 *   <tr><td>{@code lakesmith.apply.runs}</td><td>counter, tag {@code status}</td><td>table applies finished</td></tr>
 * </table>
 *
 * <p>Use it as (or {@linkplain ApplyListener#compose compose it into}) the apply's listener:
 * {@code DmsApply.from(root).table(spec).listener(MicrometerApplyMetrics.of(registry))}. Micrometer is an optional
 * dependency of lake-cdc: only this class needs it, and nothing else in Lakesmith loads it. Thread-safe; several
 * listeners on one registry (one per run) share its meters (the lag is measured with the first one's clock).
 */
public final class MicrometerApplyMetrics implements ApplyListener {

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, TableMeters> tables;
  /**
   * Per registry, the state its gauges read: a registry keeps the first gauge registered under a name and tags, so
   * every listener on one registry (one per run, say) must update that one's state.
   */
  private static final Map<MeterRegistry, Map<String, TableMeters>> BY_REGISTRY =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private MicrometerApplyMetrics(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tables = BY_REGISTRY.computeIfAbsent(registry, r -> new ConcurrentHashMap<>());
  }

  /** A listener recording into {@code registry}. */
  public static MicrometerApplyMetrics of(MeterRegistry registry) {
    return new MicrometerApplyMetrics(registry, Clock.systemUTC());
  }

  /** Same, measuring the lag with {@code clock}. */
  public static MicrometerApplyMetrics of(MeterRegistry registry, Clock clock) {
    return new MicrometerApplyMetrics(registry, clock);
  }

  private TableMeters meters(String table) {
    return tables.computeIfAbsent(table, TableMeters::new);
  }

  @Override
  public void lockWaited(String table, Duration waited, boolean acquired) {
    Timer.builder("lakesmith.apply.lock.wait").description("time spent waiting for the table's writer lease")
        .tag("table", table).tag("outcome", acquired ? "acquired" : "timeout").register(registry).record(waited);
  }

  @Override
  public void filesPending(String table, Map<String, Long> files) {
    TableMeters m = meters(table);
    m.sizes.clear();
    m.sizes.putAll(files);
    m.pending.set(files.size());
    m.batchStart.set(System.nanoTime());
  }

  @Override
  public void fileFinished(String table, String file, long rows) {
    TableMeters m = meters(table);
    Long bytes = m.sizes.remove(file);
    m.filesRead.increment();
    if (bytes != null) {
      m.bytesRead.increment(bytes);
      m.pending.updateAndGet(n -> Math.max(0, n - 1));
    }
  }

  @Override
  public void commitDone(String table, CommitSummary commit) {
    TableMeters m = meters(table);
    m.inserts.increment(commit.inserts());
    m.updates.increment(commit.updates());
    m.deletes.increment(commit.deletes());
    m.written.increment(commit.recordsWritten());
    m.commits.increment();
    long now = System.nanoTime();
    m.commitDuration.record(Duration.ofNanos(now - m.batchStart.getAndSet(now)));
    for (String f : commit.files()) {
      DmsLayout.fileTime(f).ifPresent(t -> m.newest.accumulateAndGet(t, (a, b) -> a == null || b.isAfter(a) ? b : a));
    }
  }

  @Override
  public void rowQuarantined(String table, RowError error) {
    meters(table).quarantined.increment();
  }

  @Override
  public void tableFinished(String table, RunReport report) {
    TableMeters m = meters(table);
    m.pending.set(0);
    m.sizes.clear();
    Counter.builder("lakesmith.apply.runs").description("table applies finished").tag("table", table)
        .tag("status", report.status().name()).register(registry).increment();
  }

  /** The meters of one table; gauges read its state (held here, so they are not collected). */
  private final class TableMeters {
    final Map<String, Long> sizes = new ConcurrentHashMap<>();
    final AtomicLong pending = new AtomicLong();
    final AtomicLong batchStart = new AtomicLong(System.nanoTime());
    final AtomicReference<Instant> newest = new AtomicReference<>();
    final Counter inserts;
    final Counter updates;
    final Counter deletes;
    final Counter quarantined;
    final Counter written;
    final Counter commits;
    final Counter filesRead;
    final Counter bytesRead;
    final Timer commitDuration;

    TableMeters(String table) {
      inserts = rows(table, "insert");
      updates = rows(table, "update");
      deletes = rows(table, "delete");
      quarantined = Counter.builder("lakesmith.apply.rows.quarantined").description("rows set aside as bad")
          .tag("table", table).register(registry);
      written = Counter.builder("lakesmith.apply.records.written").description("records sent to Hudi")
          .tag("table", table).register(registry);
      commits = Counter.builder("lakesmith.apply.commits").description("Hudi commits").tag("table", table)
          .register(registry);
      filesRead = Counter.builder("lakesmith.apply.files.read").description("source files read").tag("table", table)
          .register(registry);
      bytesRead = Counter.builder("lakesmith.apply.bytes.read").description("bytes of source files read")
          .baseUnit("bytes").tag("table", table).register(registry);
      commitDuration = Timer.builder("lakesmith.apply.commit.duration")
          .description("from the start of a batch to its commit").tag("table", table).register(registry);
      Gauge.builder("lakesmith.apply.files.pending", pending, AtomicLong::get)
          .description("files the running apply has still to read").tag("table", table).register(registry);
      Gauge.builder("lakesmith.apply.lag", newest, this::lagSeconds).baseUnit("seconds")
          .description("now minus the DMS time of the newest CDC file committed").tag("table", table)
          .register(registry);
    }

    private Counter rows(String table, String op) {
      return Counter.builder("lakesmith.apply.rows").description("source rows committed").tag("table", table)
          .tag("op", op).register(registry);
    }

    private double lagSeconds(AtomicReference<Instant> ref) {
      Instant t = ref.get();
      return t == null ? Double.NaN : Duration.between(t, clock.instant()).toMillis() / 1000.0;
    }
  }
}

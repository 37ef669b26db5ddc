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

package io.lakesmith.examples.cli;

import io.lakesmith.cdc.ContinuousApply;
import io.lakesmith.cdc.ContinuousOptions;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.compaction.hudi.HudiMaintenance;
import io.lakesmith.compaction.hudi.MaintenancePolicy;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.table.TableSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code lakesmith apply --watch}: runs {@link DmsApply#continuous} until SIGTERM/Ctrl-C (or {@code --watch-for}),
 * printing a status line per table every minute on stderr. On a signal the shutdown hook stops the apply at a commit
 * boundary and waits for it, so no table is left locked.
 */
final class WatchRunner {
  private static final Duration STATUS_EVERY = Duration.ofMinutes(1);

  private final DmsApply apply;
  private final List<TableSpec> tables;
  private final AwsSettings aws;
  private final LockOptions lock;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean quiet;

  WatchRunner(DmsApply apply, List<TableSpec> tables, AwsSettings aws, LockOptions lock, PrintWriter out,
      PrintWriter err, boolean quiet) {
    this.apply = apply;
    this.tables = tables;
    this.aws = aws;
    this.lock = lock;
    this.out = out;
    this.err = err;
    this.quiet = quiet;
  }

  int run(Duration poll, Duration fullSweep, boolean sweepAtStart, Duration maintainEvery, Duration watchFor) {
    if (poll.isZero()) {
      throw new IllegalArgumentException("--poll must be positive");
    }
    ContinuousOptions.Builder o = ContinuousOptions.builder().pollInterval(poll).fullSweepInterval(fullSweep)
        .sweepAtStart(sweepAtStart);
    if (maintainEvery != null && !maintainEvery.isZero()) {
      o.maintenance(maintainEvery, this::maintain);
    }
    ContinuousOptions options = o.build();
    if (!quiet) {
      err.println("watching " + tables.size() + " table(s): polling every " + human(poll) + ", full sweep every "
          + human(fullSweep) + (maintainEvery == null ? "" : ", maintenance every " + human(maintainEvery))
          + "; stop with Ctrl-C or SIGTERM");
      err.flush();
    }
    ContinuousApply handle = apply.continuous(options);
    Thread hook = new Thread(() -> {
      err.println("stopping: running applies end at their next commit boundary");
      err.flush();
      handle.stop();
      try {
        boolean done = handle.await(Duration.ofMinutes(5));
        err.println(done ? "stopped" : "not stopped after 5 minutes; leases expire by themselves");
        err.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lakesmith-watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long end = watchFor == null ? Long.MAX_VALUE : System.nanoTime() + watchFor.toNanos();
    long nextStatus = System.nanoTime() + STATUS_EVERY.toNanos();
    try {
      while (handle.isRunning()) {
        long now = System.nanoTime();
        if (now >= end) {
          handle.stop();
        }
        if (!quiet && now >= nextStatus) {
          status(handle);
          nextStatus = now + STATUS_EVERY.toNanos();
        }
        handle.await(Duration.ofMillis(Math.max(1, Math.min(1000, (Math.min(end, nextStatus) - now) / 1_000_000))));
      }
    } catch (InterruptedException e) {
      handle.stop();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for the apply
      }
    }
    if (!quiet) {
      err.println("stopped");
    }
    handle.status().values().forEach(s -> out.println(s.toString()));
    out.flush();
    return 0;
  }

  private void status(ContinuousApply handle) {
    handle.status().forEach((table, s) -> {
      err.println("[" + table + "] watching: " + s.commits() + " commits, " + s.pendingFiles() + " files pending"
          + s.lag().map(l -> ", lag " + human(l)).orElse("")
          + (s.consecutiveFailures() > 0 ? ", failing (" + s.consecutiveFailures() + "x): " + s.lastError().orElse("")
              : ""));
    });
    err.flush();
  }

  private void maintain(TableSpec table) {
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("_lake_seq").build();
    try (HudiMaintenance m = HudiMaintenance.forTable(table, options, aws).lockOptions(lock.toBuilder()
        .waitTimeout(lock.lease()).build())) {
      m.runNeeded(MaintenancePolicy.defaults());
    }
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return d.toMillis() + "ms";
    }
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : String.format(Locale.ROOT, "%ds", s);
  }
}

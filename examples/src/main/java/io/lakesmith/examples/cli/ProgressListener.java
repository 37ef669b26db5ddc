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

import io.lakesmith.cdc.ApplyListener;
import io.lakesmith.cdc.CommitSummary;
import io.lakesmith.cdc.RowError;
import io.lakesmith.core.report.RunReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Prints an apply's progress on stderr; thread-safe. Per table: rows read, rows per second, rows done of the rows
 * estimated from the bytes read so far, and an ETA once the first file is done (rows of the file being read are
 * reported every {@link #rowProgressInterval()} rows, so a large file shows progress too). Two styles:
 * <ul>
 *   <li>{@link Style#LOG}: one line per file, commit and table result, plus a progress line per table every interval
 *       while it applies (for logs and non-terminals);</li>
 *   <li>{@link Style#BAR}: a progress bar per table (for a terminal), then the commit and table result lines.</li>
 * </ul>
 */
final class ProgressListener implements ApplyListener, AutoCloseable {

  /** How progress is shown. */
  enum Style { LOG, BAR }

  private final PrintWriter err;
  private final PrintStream barStream;
  private final String prefix;
  private final Style style;
  private final Duration interval;
  private final Map<String, TableProgress> tables = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;

  /** {@code prefix}: the source root's key prefix, left out of the file names printed. Log lines every 10 s. */
  ProgressListener(PrintWriter err, String prefix) {
    this(err, null, prefix, Style.LOG, Duration.ofSeconds(10));
  }

  /**
   * @param barStream where progress bars are drawn ({@link Style#BAR}; the terminal's stderr)
   * @param interval how often a progress line is printed per running table ({@link Style#LOG})
   */
  ProgressListener(PrintWriter err, PrintStream barStream, String prefix, Style style, Duration interval) {
    this.err = err;
    this.barStream = barStream;
    this.prefix = prefix;
    this.style = style;
    this.interval = interval;
  }

  /** Whether stderr is likely a terminal: a console is attached and TERM is not dumb. */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.isEmpty() && !term.equals("dumb");
  }

  private String name(String file) {
    return !prefix.isEmpty() && file.startsWith(prefix) ? file.substring(prefix.length()) : file;
  }

  private void say(String table, String text) {
    synchronized (err) {
      err.println("[" + table + "] " + text);
      err.flush();
    }
  }

  private synchronized void startTicker() {
    if (ticker == null && style == Style.LOG) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lakesmith-progress");
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(100, interval.toMillis());
      ticker.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  private void tick() {
    long now = System.nanoTime();
    tables.forEach((table, p) -> {
      if (p.active && now - p.started >= interval.toNanos()) {
        say(table, p.line(now));
      }
    });
  }

  @Override
  public void filesPending(String table, Map<String, Long> files) {
    if (files.isEmpty()) {
      return;
    }
    TableProgress p = new TableProgress(files);
    tables.put(table, p);
    if (style == Style.BAR) {
      p.bar = new ProgressBarBuilder().setTaskName(table).setInitialMax(Math.max(1, p.totalBytes))
          .setUnit(" MiB", 1 << 20).showSpeed().setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(110)
          .setConsumer(new ConsoleProgressBarConsumer(barStream, 110)).setUpdateIntervalMillis(500).build();
    } else {
      startTicker();
    }
  }

  @Override
  public void fileStarted(String table, String file) {
    TableProgress p = tables.get(table);
    if (p != null) {
      p.fileStarted();
    }
    if (style == Style.LOG) {
      say(table, "reading " + name(file));
    }
  }

  @Override
  public int rowProgressInterval() {
    return 1_000;
  }

  @Override
  public void rowsRead(String table, String file, long rows) {
    TableProgress p = tables.get(table);
    if (p != null) {
      p.currentRows = rows;
      p.update();
    }
  }

  @Override
  public void fileFinished(String table, String file, long rows) {
    TableProgress p = tables.get(table);
    if (p != null) {
      p.fileFinished(file, rows);
    }
    if (style == Style.LOG) {
      say(table, "read " + rows + " rows from " + name(file));
    }
  }

  @Override
  public void beforeCommit(String table, String instant, long records) {
    TableProgress p = tables.get(table);
    if (p != null) {
      p.committing = true;
    }
    if (style == Style.LOG) {
      say(table, "committing " + records + " records as " + instant);
    }
  }

  @Override
  public void commitDone(String table, CommitSummary c) {
    TableProgress p = tables.get(table);
    if (p != null) {
      p.committing = false;
    }
    if (style == Style.LOG) {
      say(table, "committed " + c.instant() + ": " + c.inserts() + " inserts, " + c.updates() + " updates, "
          + c.deletes() + " deletes, " + c.quarantined() + " quarantined");
    }
  }

  @Override
  public void rowQuarantined(String table, RowError error) {
    if (style == Style.LOG) {
      say(table, "quarantined " + error);
    }
  }

  @Override
  public void tableFinished(String table, RunReport report) {
    TableProgress p = tables.remove(table);
    String rate = "";
    if (p != null) {
      p.active = false;
      if (p.bar != null) {
        p.bar.close();
      }
      double secs = Math.max(1e-3, (System.nanoTime() - p.started) / 1e9);
      long rows = p.rowsDone + p.currentRows;
      rate = String.format(Locale.ROOT, ", %,d rows (%,.0f rows/s)", rows, rows / secs);
    }
    say(table, report.status() + " in " + report.durationMillis() + " ms" + rate);
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    tables.values().forEach(p -> {
      if (p.bar != null) {
        p.bar.close();
      }
    });
  }

  /** One table's apply in progress. */
  private static final class TableProgress {
    final Map<String, Long> sizes;
    final long totalBytes;
    final int totalFiles;
    final long started = System.nanoTime();
    volatile boolean active = true;
    volatile boolean committing;
    volatile long currentRows;
    volatile long rowsDone;
    volatile long bytesDone;
    volatile int filesDone;
    volatile ProgressBar bar;

    TableProgress(Map<String, Long> files) {
      this.sizes = Map.copyOf(files);
      this.totalBytes = files.values().stream().mapToLong(Long::longValue).sum();
      this.totalFiles = files.size();
    }

    void fileStarted() {
      currentRows = 0;
    }

    synchronized void fileFinished(String file, long rows) {
      rowsDone += rows;
      bytesDone += sizes.getOrDefault(file, 0L);
      filesDone++;
      currentRows = 0;
      update();
    }

    /** Bytes consumed, estimated inside the current file from the bytes per row of the files done. */
    long bytesConsumed() {
      if (rowsDone == 0 || bytesDone == 0) {
        return bytesDone;
      }
      double perRow = (double) bytesDone / rowsDone;
      return Math.min(totalBytes, bytesDone + (long) (currentRows * perRow));
    }

    void update() {
      ProgressBar b = bar;
      if (b != null) {
        b.stepTo(bytesConsumed());
        long rows = rowsDone + currentRows;
        double secs = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        b.setExtraMessage(String.format(Locale.ROOT, "%,d%s rows, %,.0f rows/s", rows, estimate(), rows / secs));
      }
    }

    private String estimate() {
      if (rowsDone == 0 || bytesDone == 0 || totalBytes == 0) {
        return "";
      }
      long est = (long) ((double) totalBytes * rowsDone / bytesDone);
      return String.format(Locale.ROOT, " of ~%,d", Math.max(est, rowsDone + currentRows));
    }

    String line(long now) {
      long rows = rowsDone + currentRows;
      double secs = Math.max(1e-3, (now - started) / 1e9);
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d%s rows read (%,.0f rows/s), file %d of %d",
          rows, estimate(), rows / secs, Math.min(totalFiles, filesDone + 1), totalFiles));
      long consumed = bytesConsumed();
      if (totalBytes > 0 && consumed > 0) {
        double fraction = (double) consumed / totalBytes;
        long eta = (long) (secs * (1 - fraction) / fraction);
        sb.append(String.format(Locale.ROOT, ", %.0f%% of %s, ETA %s", fraction * 100, mib(totalBytes), clock(eta)));
      } else {
        sb.append(String.format(Locale.ROOT, " (%s), ETA after the first file", mib(totalBytes)));
      }
      return committing ? sb.append(", committing").toString() : sb.toString();
    }

    private static String mib(long bytes) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String clock(long seconds) {
      return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
          : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
  }
}

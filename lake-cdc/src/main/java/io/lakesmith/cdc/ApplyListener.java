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

import io.lakesmith.core.report.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Progress callbacks of an apply. Called on the thread applying the table (tables may run in parallel, so
 * implementations must be thread-safe). An exception thrown by a callback aborts that table's apply at that
 * point, exactly as a crash there would: what was committed stays, the rest is applied by the next run (for
 * {@link #tableFinished} see there). Other tables go on.
 *
 * <p>Several listeners can be combined with {@link #compose}.
 */
public interface ApplyListener {

  ApplyListener NONE = new ApplyListener() {};

  /**
   * The table's writer lease was asked for: {@code waited} is how long another writer made this apply wait (zero when
   * the lease was free); {@code acquired} is false when the wait ran out and the table is not applied.
   */
  default void lockWaited(String table, Duration waited, boolean acquired) {}

  /**
   * The table's checkpoint was read: {@code files} are the files this apply will read, in order, with their sizes in
   * bytes (empty when there is nothing new).
   */
  default void filesPending(String table, Map<String, Long> files) {}

  default void fileStarted(String table, String file) {}

  /**
   * Progress inside a file: called every {@link #rowProgressInterval()} rows read with the rows read from it so far
   * (rows skipped because an earlier commit already applied them included).
   */
  default void rowsRead(String table, String file, long rows) {}

  /** How often {@link #rowsRead} is called, in rows; 0 or less: never. Read once per file. Default 10,000. */
  default int rowProgressInterval() {
    return 10_000;
  }

  default void fileFinished(String table, String file, long rows) {}

  /** Hudi has written the batch's files but not committed it: the last moment the batch can still vanish. */
  default void beforeCommit(String table, String instant, long records) {}

  default void commitDone(String table, CommitSummary commit) {}

  default void rowQuarantined(String table, io.lakesmith.cdc.RowError error) {}

  /**
   * The table's apply is over ({@code report} is its final report). An exception thrown here is recorded as an error
   * in the table's report (which then fails); it never stops or hides other tables.
   */
  default void tableFinished(String table, RunReport report) {}

  /**
   * One listener calling each of {@code listeners} in order. Every listener is called even when an earlier one
   * throws; the first exception is then rethrown (the others added to it as suppressed), with the effect an
   * exception of a single listener has. {@link #rowProgressInterval()} is the smallest positive interval of the
   * listeners, and each listener's {@link #rowsRead} is called at multiples of its own interval only.
   */
  static ApplyListener compose(ApplyListener... listeners) {
    List<ApplyListener> all = new ArrayList<>();
    for (ApplyListener l : Arrays.asList(listeners)) {
      if (l == null) {
        throw new NullPointerException("listener");
      }
      if (l != NONE) {
        all.add(l);
      }
    }
    if (all.isEmpty()) {
      return NONE;
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return new Composite(List.copyOf(all));
  }

  /** The listener behind {@link #compose}. */
  final class Composite implements ApplyListener {
    private final List<ApplyListener> listeners;

    private Composite(List<ApplyListener> listeners) {
      this.listeners = listeners;
    }

    private void each(Consumer<ApplyListener> call) {
      RuntimeException first = null;
      for (ApplyListener l : listeners) {
        try {
          call.accept(l);
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }

    @Override
    public void lockWaited(String table, Duration waited, boolean acquired) {
      each(l -> l.lockWaited(table, waited, acquired));
    }

    @Override
    public void filesPending(String table, Map<String, Long> files) {
      each(l -> l.filesPending(table, files));
    }

    @Override
    public void fileStarted(String table, String file) {
      each(l -> l.fileStarted(table, file));
    }

    /** Each listener only at multiples of its own interval. */
    @Override
    public void rowsRead(String table, String file, long rows) {
      each(l -> {
        int every = l.rowProgressInterval();
        if (every > 0 && rows % every == 0) {
          l.rowsRead(table, file, rows);
        }
      });
    }

    @Override
    public int rowProgressInterval() {
      int min = 0;
      for (ApplyListener l : listeners) {
        int i = l.rowProgressInterval();
        if (i > 0 && (min == 0 || i < min)) {
          min = i;
        }
      }
      return min;
    }

    @Override
    public void fileFinished(String table, String file, long rows) {
      each(l -> l.fileFinished(table, file, rows));
    }

    @Override
    public void beforeCommit(String table, String instant, long records) {
      each(l -> l.beforeCommit(table, instant, records));
    }

    @Override
    public void commitDone(String table, CommitSummary commit) {
      each(l -> l.commitDone(table, commit));
    }

    @Override
    public void rowQuarantined(String table, RowError error) {
      each(l -> l.rowQuarantined(table, error));
    }

    @Override
    public void tableFinished(String table, RunReport report) {
      each(l -> l.tableFinished(table, report));
    }
  }
}

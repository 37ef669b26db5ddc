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
import java.util.Objects;

/**
 * What an apply counted for one table (or, from {@link ApplyResult#totals()}, for all), as typed fields. Row counts
 * are source rows; {@link #rowsWritten()} are records sent to Hudi after keeping the last change per key in a
 * commit. The constants are the counters' names in the run report's JSON ({@code counters}), for readers of the
 * JSON form. Immutable.
 */
public final class ApplyCounts {

  /** Counter: files read (applied fully or in part) by this run. */
  public static final String FILES_READ = RunReport.FILES_READ;
  /** Counter: files skipped because a previous run applied them and they are unchanged. */
  public static final String FILES_SKIPPED = RunReport.FILES_SKIPPED;
  /** Counter: files applied although later files were applied before them. */
  public static final String LATE_FILES = "lateFiles";
  /** Counter: applied files whose content changed since, applied again. */
  public static final String CHANGED_FILES = "changedFiles";
  /** Counter: full-load files applied as a reload (a full load after changes). */
  public static final String RELOAD_FILES = "reloadFiles";
  /** Counter: source rows read. */
  public static final String ROWS_READ = RunReport.ROWS_READ;
  /** Counter: full-load rows. */
  public static final String ROWS_LOAD = "rowsLoad";
  /** Counter: {@code I} rows. */
  public static final String ROWS_INSERT = "rowsInsert";
  /** Counter: {@code U} rows. */
  public static final String ROWS_UPDATE = "rowsUpdate";
  /** Counter: {@code D} rows. */
  public static final String ROWS_DELETE = "rowsDelete";
  /** Counter: rows set aside under the table's quarantine folder. */
  public static final String ROWS_QUARANTINED = RunReport.ROWS_QUARANTINED;
  /** Counter: records written to Hudi. */
  public static final String ROWS_WRITTEN = RunReport.ROWS_WRITTEN;
  /** Counter: changes dropped because a newer delete of their key was applied before they arrived. */
  public static final String ROWS_OLDER_THAN_DELETE = "rowsOlderThanDelete";
  /** Counter: changes dropped because a reload applied before they arrived replaced them. */
  public static final String ROWS_OLDER_THAN_RELOAD = "rowsOlderThanReload";
  /** Counter: rows deleted when a reload started. */
  public static final String ROWS_REPLACED_BY_RELOAD = "rowsReplacedByReload";
  /** Counter: Hudi commits. */
  public static final String COMMITS = RunReport.COMMITS;

  private final RunReport report;

  private ApplyCounts(RunReport report) {
    this.report = Objects.requireNonNull(report, "report");
  }

  /**
   * The counts of an apply's report: a table's report counts that table, the run's report (which has the tables'
   * reports as children) the sum over its children.
   */
  public static ApplyCounts of(RunReport report) {
    return new ApplyCounts(report);
  }

  private long get(String name) {
    if (!report.children().isEmpty()) {
      return report.children().stream().mapToLong(c -> c.counter(name)).sum();
    }
    return report.counter(name);
  }

  public long filesRead() { return get(FILES_READ); }
  public long filesSkipped() { return get(FILES_SKIPPED); }
  public long lateFiles() { return get(LATE_FILES); }
  public long changedFiles() { return get(CHANGED_FILES); }
  public long reloadFiles() { return get(RELOAD_FILES); }
  public long rowsRead() { return get(ROWS_READ); }
  public long rowsLoad() { return get(ROWS_LOAD); }
  public long rowsInsert() { return get(ROWS_INSERT); }
  public long rowsUpdate() { return get(ROWS_UPDATE); }
  public long rowsDelete() { return get(ROWS_DELETE); }
  public long rowsQuarantined() { return get(ROWS_QUARANTINED); }
  public long rowsWritten() { return get(ROWS_WRITTEN); }
  public long rowsOlderThanDelete() { return get(ROWS_OLDER_THAN_DELETE); }
  public long rowsOlderThanReload() { return get(ROWS_OLDER_THAN_RELOAD); }
  public long rowsReplacedByReload() { return get(ROWS_REPLACED_BY_RELOAD); }
  public long commits() { return get(COMMITS); }

  @Override
  public String toString() {
    return "files=" + filesRead() + " skipped=" + filesSkipped() + " load=" + rowsLoad() + " inserts=" + rowsInsert()
        + " updates=" + rowsUpdate() + " deletes=" + rowsDelete() + " quarantined=" + rowsQuarantined()
        + " commits=" + commits();
  }
}

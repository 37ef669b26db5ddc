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

/**
 * Progress callbacks of an apply. Called on the thread applying the table (tables may run in parallel, so
 * implementations must be thread-safe). An exception thrown by a callback aborts that table's apply at that
 * point, exactly as a crash there would: what was committed stays, the rest is applied by the next run (for
 * {@link #tableFinished} see there). Other tables go on.
 */
public interface ApplyListener {

  ApplyListener NONE = new ApplyListener() {};

  default void fileStarted(String table, String file) {}

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
}

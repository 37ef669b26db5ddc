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
import java.io.PrintWriter;

/** Prints an apply's progress (files, commits, quarantined rows, table results) on stderr; thread-safe. */
final class ProgressListener implements ApplyListener {
  private final PrintWriter err;
  private final String prefix;

  /** {@code prefix}: the source root's key prefix, left out of the file names printed. */
  ProgressListener(PrintWriter err, String prefix) {
    this.err = err;
    this.prefix = prefix;
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

  @Override
  public void fileStarted(String table, String file) {
    say(table, "reading " + name(file));
  }

  @Override
  public void fileFinished(String table, String file, long rows) {
    say(table, "read " + rows + " rows from " + name(file));
  }

  @Override
  public void beforeCommit(String table, String instant, long records) {
    say(table, "committing " + records + " records as " + instant);
  }

  @Override
  public void commitDone(String table, CommitSummary c) {
    say(table, "committed " + c.instant() + ": " + c.inserts() + " inserts, " + c.updates() + " updates, "
        + c.deletes() + " deletes, " + c.quarantined() + " quarantined");
  }

  @Override
  public void rowQuarantined(String table, RowError error) {
    say(table, "quarantined " + error);
  }

  @Override
  public void tableFinished(String table, RunReport report) {
    say(table, report.status() + " in " + report.durationMillis() + " ms");
  }
}

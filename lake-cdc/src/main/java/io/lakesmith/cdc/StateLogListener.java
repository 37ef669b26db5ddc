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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.core.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link ApplyListener} that appends each table's state changes to a log of JSON lines, one file per table:
 * {@code <directory>/<schema>.<table>.jsonl}, for people and alerting tools that follow a table's progress
 * ({@code tail -f}, a log shipper). Every line is one JSON object with {@code time} (ISO-8601 UTC), {@code table}
 * and {@code state}, one of:
 * <ul>
 *   <li>{@code read}: reading of {@code file} (a store key) started;</li>
 *   <li>{@code convert}: {@code file} was read and its {@code rows} converted into the pending commit;</li>
 *   <li>{@code write}: Hudi wrote the files of {@code instant} ({@code records} records), not yet committed;</li>
 *   <li>{@code commit}: {@code instant} committed, with {@code inserts}, {@code updates}, {@code deletes},
 *       {@code quarantined}, {@code recordsWritten} and {@code files};</li>
 *   <li>{@code finished}: the table's apply ended with {@code status} (a {@link RunReport.Status}) after
 *       {@code durationMillis}, with {@code commits}, {@code warnings} and {@code errors} counts and, when it
 *       failed, the first {@code error}.</li>
 * </ul>
 * Lines are appended (runs follow each other in one file) and flushed one by one; a line is never split by another
 * table's, since each table has its own file. Thread-safe. The directory must be on the local file system; it is
 * created if missing. A line that cannot be written throws {@link UncheckedIOException}, which stops that table's
 * apply as the {@link ApplyListener} contract says (what was committed stays). Close it after the apply to release
 * files of tables that did not finish.
 */
public final class StateLogListener implements ApplyListener, AutoCloseable {

  /** Name suffix of the per-table log files. */
  public static final String SUFFIX = ".jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final Clock clock;
  private final Map<String, Writer> open = new HashMap<>();

  private StateLogListener(Path directory, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A state log under {@code directory}. */
  public static StateLogListener to(Path directory) {
    return new StateLogListener(directory, Clock.systemUTC());
  }

  /** The log file of {@code table} ({@code schema.table}). */
  public Path logOf(String table) {
    return directory.resolve(table + SUFFIX);
  }

  @Override
  public void fileStarted(String table, String file) {
    append(table, "read", Map.of("file", file));
  }

  @Override
  public void fileFinished(String table, String file, long rows) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file", file);
    f.put("rows", rows);
    append(table, "convert", f);
  }

  @Override
  public void beforeCommit(String table, String instant, long records) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("instant", instant);
    f.put("records", records);
    append(table, "write", f);
  }

  @Override
  public void commitDone(String table, CommitSummary commit) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("instant", commit.instant());
    f.put("inserts", commit.inserts());
    f.put("updates", commit.updates());
    f.put("deletes", commit.deletes());
    f.put("quarantined", commit.quarantined());
    f.put("recordsWritten", commit.recordsWritten());
    f.put("files", commit.files());
    append(table, "commit", f);
  }

  @Override
  public void tableFinished(String table, RunReport report) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", report.status().name());
    f.put("durationMillis", report.durationMillis());
    f.put("commits", report.commitInstants().size());
    f.put("warnings", report.warnings().size());
    f.put("errors", report.errors().size());
    if (!report.errors().isEmpty()) {
      f.put("error", report.errors().get(0));
    }
    try {
      append(table, "finished", f);
    } finally {
      closeTable(table);
    }
  }

  private void append(String table, String state, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", clock.instant().toString());
    line.put("table", table);
    line.put("state", state);
    line.putAll(fields);
    String text;
    try {
      text = JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    Writer w = writer(table);
    synchronized (w) {
      try {
        w.write(text);
        w.write('\n');
        w.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the state log " + logOf(table) + ": " + e.getMessage(), e);
      }
    }
  }

  private synchronized Writer writer(String table) {
    Writer w = open.get(table);
    if (w == null) {
      try {
        Files.createDirectories(directory);
        w = Files.newBufferedWriter(logOf(table), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the state log " + logOf(table) + ": " + e.getMessage(), e);
      }
      open.put(table, w);
    }
    return w;
  }

  private synchronized void closeTable(String table) {
    Writer w = open.remove(table);
    if (w != null) {
      try {
        w.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the state log " + logOf(table) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Closes the logs of tables whose apply did not finish (their lines are already flushed). */
  @Override
  public synchronized void close() {
    for (String table : new java.util.ArrayList<>(open.keySet())) {
      closeTable(table);
    }
  }
}

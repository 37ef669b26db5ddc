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

package io.lakesmith.compaction.hudi;

import io.lakesmith.core.action.ActionResult;
import com.google.common.collect.ImmutableList;
import io.lakesmith.core.report.RunReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one Hudi table service run did: the instants it created or completed, the files it deleted (clean), the
 * commits it archived (archive), why it did nothing when it did nothing, and notes on decisions taken for safety
 * (e.g. a widened archival window). Immutable.
 */
public final class HudiServiceResult implements ActionResult {

  private final HudiService service;
  private final String table;
  private final ImmutableList<String> instants;
  private final ImmutableList<String> deletedFiles;
  private final int commitsArchived;
  private final String skippedReason;
  private final ImmutableList<String> notes;
  private final Duration duration;
  private final RunReport report;

  HudiServiceResult(HudiService service, String table, List<String> instants, List<String> deletedFiles,
      int commitsArchived, String skippedReason, List<String> notes, Duration duration, RunReport report) {
    this.service = service;
    this.table = table;
    this.instants = ImmutableList.copyOf(instants);
    this.deletedFiles = ImmutableList.copyOf(deletedFiles);
    this.commitsArchived = commitsArchived;
    this.skippedReason = skippedReason;
    this.notes = ImmutableList.copyOf(notes);
    this.duration = duration;
    this.report = report;
  }

  public HudiService service() {
    return service;
  }

  /** {@code database.table} of the table. */
  public String table() {
    return table;
  }

  /** Instants the service created or completed (compaction, clustering, clean, savepoint, restore). */
  public List<String> instants() {
    return instants;
  }

  /** Files deleted by a clean, as {@code partition/fileName}. */
  public List<String> deletedFiles() {
    return deletedFiles;
  }

  /** Completed commits moved off the active timeline by an archival. */
  public int commitsArchived() {
    return commitsArchived;
  }

  /** Why the service did nothing (nothing to do, or refused for safety), when it did nothing. */
  public Optional<String> skippedReason() {
    return Optional.ofNullable(skippedReason);
  }

  public boolean didWork() {
    return skippedReason == null;
  }

  /** Decisions taken for safety, e.g. an archival window widened to keep the checkpoint commit. */
  public List<String> notes() {
    return notes;
  }

  public Duration duration() {
    return duration;
  }

  /** The same as a lake-core {@link RunReport} (operation {@code hudi.<service>}). */
  public RunReport report() {
    return report;
  }

  @Override
  public String toString() {
    return service + " " + table + ": " + (skippedReason != null ? "skipped (" + skippedReason + ")"
        : "instants=" + instants + (deletedFiles.isEmpty() ? "" : ", deleted " + deletedFiles.size() + " files")
            + (commitsArchived == 0 ? "" : ", archived " + commitsArchived + " commits"))
        + (notes.isEmpty() ? "" : " " + notes) + " in " + duration.toMillis() + " ms";
  }

  /** Accumulates a result. */
  static final class Builder {
    private final HudiService service;
    private final String table;
    private final RunReport.Builder report;
    private final long t0 = System.nanoTime();
    private final List<String> instants = new java.util.ArrayList<>();
    private final List<String> deletedFiles = new java.util.ArrayList<>();
    private final List<String> notes = new java.util.ArrayList<>();
    private int commitsArchived;
    private String skipped;

    Builder(HudiService service, String table, String basePath) {
      this.service = service;
      this.table = table;
      this.report = RunReport.builder("hudi." + service.name().toLowerCase(java.util.Locale.ROOT), table);
      report.detail("basePath", basePath);
    }

    Builder instant(String i) {
      instants.add(i);
      return this;
    }

    Builder deleted(List<String> files) {
      deletedFiles.addAll(files);
      return this;
    }

    Builder archived(int n) {
      commitsArchived += n;
      return this;
    }

    Builder skipped(String reason) {
      skipped = reason;
      return this;
    }

    Builder note(String note) {
      notes.add(note);
      return this;
    }

    Builder error(String error) {
      report.error(error);
      return this;
    }

    HudiServiceResult build() {
      report.add("instants", instants.size()).add("filesDeleted", deletedFiles.size())
          .add("commitsArchived", commitsArchived);
      if (!instants.isEmpty()) {
        report.detail("instants", String.join(",", instants));
      }
      if (skipped != null) {
        report.detail("skipped", skipped);
      }
      for (int i = 0; i < notes.size(); i++) {
        report.detail("note" + (i + 1), notes.get(i));
      }
      return new HudiServiceResult(service, table, instants, deletedFiles, commitsArchived, skipped, notes,
          Duration.ofNanos(System.nanoTime() - t0), report.finish());
    }
  }
}

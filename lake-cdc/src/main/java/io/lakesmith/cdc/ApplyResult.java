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

import io.lakesmith.core.action.ActionResult;
import com.google.common.collect.ImmutableMap;
import io.lakesmith.core.report.RunReport;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@link DmsApply}: one {@link RunReport} per table (by {@code schema.table}) under an overall
 * report. A table's failure is in its report ({@link RunReport.Status#FAILED} with the error); it does not stop
 * other tables.
 */
public final class ApplyResult implements ActionResult {
  private final RunReport report;
  private final ImmutableMap<String, RunReport> tables;
  private final ImmutableMap<String, Throwable> failures;

  ApplyResult(RunReport report) {
    this(report, Map.of());
  }

  ApplyResult(RunReport report, Map<String, Throwable> failures) {
    this.report = report;
    this.failures = ImmutableMap.copyOf(failures);
    ImmutableMap.Builder<String, RunReport> t = ImmutableMap.builder();
    report.children().forEach(c -> t.put(c.name(), c));
    this.tables = t.build();
  }

  /**
   * A result made by another apply engine (lake-spark): {@code report} with one child per table, and the unexpected
   * exceptions that failed tables, by table.
   */
  public static ApplyResult of(RunReport report, Map<String, Throwable> failures) {
    return new ApplyResult(report, failures);
  }

  /** The overall report; its children are the tables' reports. Serialize with {@link RunReport#toJson()}. */
  public RunReport report() {
    return report;
  }

  /** Each table's report by {@code schema.table}. */
  public Map<String, RunReport> tables() {
    return tables;
  }

  /** One table's report; throws when the table was not part of the apply. */
  public RunReport table(String schemaDotTable) {
    RunReport r = tables.get(schemaDotTable);
    if (r == null) {
      throw new IllegalArgumentException("no table " + schemaDotTable + " in this apply; tables: " + tables.keySet());
    }
    return r;
  }

  /** One table's counts, typed; throws when the table was not part of the apply. */
  public ApplyCounts counts(String schemaDotTable) {
    return ApplyCounts.of(table(schemaDotTable));
  }

  /** The counts summed over every table. */
  public ApplyCounts totals() {
    return ApplyCounts.of(report);
  }

  /**
   * The unexpected exception that failed a table (an I/O error, a Hudi failure), for callers that want its stack
   * trace; empty for tables that succeeded or stopped on a described problem (bad row, schema drift). The table's
   * report holds the one-line description with the root cause.
   */
  public Optional<Throwable> failure(String schemaDotTable) {
    return Optional.ofNullable(failures.get(schemaDotTable));
  }

  /** Whether every table did its work ({@link RunReport.Status#isSuccess()}: possibly with warnings). */
  @Override
  public boolean succeeded() {
    return report.status().isSuccess();
  }

  @Override
  public String toString() {
    return report.toString();
  }
}

package io.lakesmith.cdc;

import com.google.common.collect.ImmutableMap;
import io.lakesmith.core.report.RunReport;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@link DmsApply}: one {@link RunReport} per table (by {@code schema.table}) under an overall
 * report. A table's failure is in its report ({@link RunReport.Status#FAILED} with the error); it does not stop
 * other tables.
 */
public final class ApplyResult {
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
    report.children().forEach(c -> t.put(c.target(), c));
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

  /**
   * The unexpected exception that failed a table (an I/O error, a Hudi failure), for callers that want its stack
   * trace; empty for tables that succeeded or stopped on a described problem (bad row, schema drift). The table's
   * report holds the one-line description with the root cause.
   */
  public Optional<Throwable> failure(String schemaDotTable) {
    return Optional.ofNullable(failures.get(schemaDotTable));
  }

  /** Whether every table succeeded. */
  public boolean succeeded() {
    return report.status() == RunReport.Status.SUCCEEDED;
  }

  @Override
  public String toString() {
    return report.toString();
  }
}

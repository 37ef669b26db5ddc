package io.lakesmith.compaction.hudi;

import io.lakesmith.core.action.ActionResult;
import com.google.common.collect.ImmutableList;
import io.lakesmith.core.report.RunReport;
import java.util.List;

/** The outcome of {@link HudiMaintenance#runNeeded}: the plan and one result per step, in order. Immutable. */
public final class MaintenanceRun implements ActionResult {

  private final MaintenancePlan plan;
  private final ImmutableList<HudiServiceResult> results;
  private final RunReport report;

  MaintenanceRun(MaintenancePlan plan, List<HudiServiceResult> results, RunReport report) {
    this.plan = plan;
    this.results = ImmutableList.copyOf(results);
    this.report = report;
  }

  public MaintenancePlan plan() {
    return plan;
  }

  public List<HudiServiceResult> results() {
    return results;
  }

  /** Operation {@code hudi.maintenance}, one child report per service run. */
  public RunReport report() {
    return report;
  }

  @Override
  public String toString() {
    return plan + " -> " + results;
  }
}

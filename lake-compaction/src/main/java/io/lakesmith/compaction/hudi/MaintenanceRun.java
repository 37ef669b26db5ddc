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

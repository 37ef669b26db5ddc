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

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a table needs now, in the order it is safe to run: pending compactions, then a new compaction, then
 * clustering (these write new file slices), then cleaning (removes what they superseded, within the retention),
 * then archival (only ever behind the cleaner and the checkpoint commit). Immutable.
 */
public final class MaintenancePlan {

  /** One service to run and why. */
  public static final class Step {
    private final HudiService service;
    private final String reason;

    Step(HudiService service, String reason) {
      this.service = service;
      this.reason = reason;
    }

    public HudiService service() {
      return service;
    }

    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return service + " (" + reason + ")";
    }
  }

  private final String table;
  private final ImmutableList<Step> steps;

  MaintenancePlan(String table, List<Step> steps) {
    this.table = table;
    this.steps = ImmutableList.copyOf(steps);
  }

  public String table() {
    return table;
  }

  public List<Step> steps() {
    return steps;
  }

  public List<HudiService> services() {
    return steps.stream().map(Step::service).toList();
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  @Override
  public String toString() {
    return "MaintenancePlan " + table + ": " + (steps.isEmpty() ? "nothing to do" : steps);
  }
}

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

package io.lakesmith.core.action;

import io.lakesmith.core.report.RunReport;
import java.time.Duration;

/**
 * What every action's result shares: its {@link RunReport} (JSON schema v1), and from it the status and the
 * duration. Results add typed accessors for what their action counts (rows applied, objects deleted, partitions
 * added), so callers never look counters up by name. Results are immutable.
 */
public interface ActionResult {

  /** The run report of this run; its JSON form is {@link RunReport#toJson()}. */
  RunReport report();

  /** The run's outcome: {@code report().status()}. */
  default RunReport.Status status() {
    return report().status();
  }

  /** Whether the run did its work, possibly with warnings ({@link RunReport.Status#isSuccess()}). */
  default boolean succeeded() {
    return status().isSuccess();
  }

  /** The run's wall-clock duration. */
  default Duration duration() {
    return report().duration();
  }
}

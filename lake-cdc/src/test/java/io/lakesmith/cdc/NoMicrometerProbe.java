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
import java.time.Duration;

/** Run by {@link ApplyMetricsTest} in a class loader without Micrometer: a batch apply, then a short continuous run. */
public final class NoMicrometerProbe {
  private NoMicrometerProbe() {}

  /** Applies the people table under {@code root} to {@code base}; returns the rows counted as applied. */
  public static long run(String root, String base) throws Exception {
    DmsApply apply = Specs.apply(new DmsFixture(java.nio.file.Path.of(root)), Specs.cow(base))
        .listener(ApplyListener.compose(ApplyListener.NONE, new ApplyListener() {}));
    ApplyResult r = apply.execute();
    if (!r.succeeded()) {
      throw new AssertionError(r.report().toJson());
    }
    try (ContinuousApply c = apply.continuous(Duration.ofMillis(200))) {
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (c.status("app.people").polls() < 1 && System.nanoTime() < end) {
        Thread.sleep(20);
      }
    }
    RunReport t = r.table("app.people");
    return t.counter("rowsLoad") + t.counter("rowsInsert");
  }
}

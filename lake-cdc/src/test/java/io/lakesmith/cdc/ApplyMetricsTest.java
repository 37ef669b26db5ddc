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

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.metrics.MicrometerApplyMetrics;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.lock.TableLease;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Micrometer metrics of an apply, and lake-cdc without Micrometer on the class path. */
class ApplyMetricsTest {

  @TempDir
  Path tmp;

  @Test
  void metersCountRowsCommitsBytesQuarantineLagAndLockWaits() throws Exception {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    Path load = dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000", "3,c,1.00,d,2025-01-01 00:00:00.000000");
    Path cdc = dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a2,2.00,d,2025-01-01 10:00:00.000001", "I,4,d,1.00,d,2025-01-01 10:00:00.000002",
        "D,2,b,1.00,d,2025-01-01 10:00:00.000003", "U,3,c2,not-a-number,d,2025-01-01 10:00:00.000004");
    String base = tmp.resolve("lake/people").toString();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T10:05:00Z"), ZoneOffset.UTC);

    // another writer holds the table: a short lock wait runs out, and is measured as such
    Files.createDirectories(Path.of(base));
    TableLease other = TableLease.acquire(base, io.lakesmith.core.aws.AwsSettings.defaults(), "app.people",
        LockOptions.defaults());
    ApplyResult blocked = Specs.apply(dms, Specs.cow(base)).lockWait(Duration.ofMillis(300))
        .listener(MicrometerApplyMetrics.of(registry, clock)).execute();
    assertThat(blocked.succeeded()).isFalse();
    other.close();
    var timedOut = registry.get("lakesmith.apply.lock.wait").tag("table", "app.people").tag("outcome", "timeout")
        .timer();
    assertThat(timedOut.count()).isEqualTo(1);
    assertThat(timedOut.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);

    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).maxRowsPerCommit(3)
        .listener(MicrometerApplyMetrics.of(registry, clock)).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();

    assertThat(count(registry, "lakesmith.apply.rows", "op", "insert")).isEqualTo(4); // 3 full-load + 1 insert
    assertThat(count(registry, "lakesmith.apply.rows", "op", "update")).isEqualTo(1);
    assertThat(count(registry, "lakesmith.apply.rows", "op", "delete")).isEqualTo(1);
    assertThat(count(registry, "lakesmith.apply.rows.quarantined", null, null)).isEqualTo(1);
    assertThat(count(registry, "lakesmith.apply.commits", null, null))
        .isEqualTo(r.table("app.people").counter("commits")).isGreaterThanOrEqualTo(2);
    assertThat(registry.get("lakesmith.apply.commit.duration").tag("table", "app.people").timer().count())
        .isEqualTo(r.table("app.people").counter("commits"));
    assertThat(count(registry, "lakesmith.apply.files.read", null, null)).isEqualTo(2);
    assertThat(count(registry, "lakesmith.apply.bytes.read", null, null))
        .isEqualTo((double) (Files.size(load) + Files.size(cdc)));
    assertThat(registry.get("lakesmith.apply.files.pending").tag("table", "app.people").gauge().value()).isZero();
    // the newest CDC file committed was written by DMS at 10:00:00, the clock says 10:05
    assertThat(registry.get("lakesmith.apply.lag").tag("table", "app.people").gauge().value()).isEqualTo(300.0);
    assertThat(registry.get("lakesmith.apply.lock.wait").tag("table", "app.people").tag("outcome", "acquired")
        .timer().count()).isEqualTo(1);
    assertThat(count(registry, "lakesmith.apply.runs", "status", "SUCCEEDED_WITH_WARNINGS")).as("a quarantined row")
        .isEqualTo(1);
    assertThat(count(registry, "lakesmith.apply.runs", "status", "FAILED")).isEqualTo(1);
  }

  private static double count(MeterRegistry registry, String name, String tag, String value) {
    var search = registry.get(name).tag("table", "app.people");
    if (tag != null) {
      search = search.tag(tag, value);
    }
    return search.counter().count();
  }

  /**
   * lake-cdc applies (and continuous mode runs) with Micrometer absent: a class loader over the test class path
   * without Micrometer's jars runs {@link NoMicrometerProbe}; every public lake-cdc API class resolves its methods.
   */
  @Test
  void applyWorksWithoutMicrometerOnTheClassPath() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (entry.contains("micrometer") || entry.contains("HdrHistogram") || entry.contains("LatencyUtils")) {
        dropped.add(entry);
      } else if (!entry.isBlank()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    assertThat(dropped).anyMatch(e -> e.contains("micrometer-core"));
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "I,4,d,1.00,d,2025-01-01 10:00:00.000002");
    String base = tmp.resolve("lake/people").toString();
    // not closed: Hadoop's shutdown hook of that loader still needs its classes when the JVM exits
    URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    {
      assertThat(loadable(loader, "io.micrometer.core.instrument.MeterRegistry")).isFalse();
      for (String api : List.of("DmsApply", "ApplyListener", "ContinuousApply", "ContinuousOptions", "ApplyResult",
          "CommitSummary")) {
        Class<?> c = Class.forName("io.lakesmith.cdc." + api, true, loader);
        assertThat(c.getMethods()).isNotEmpty(); // resolves every signature
      }
      Class<?> probe = Class.forName(NoMicrometerProbe.class.getName(), true, loader);
      assertThat(probe.getClassLoader()).isSameAs(loader);
      Method run = probe.getMethod("run", String.class, String.class);
      Thread self = Thread.currentThread();
      ClassLoader before = self.getContextClassLoader();
      self.setContextClassLoader(loader); // Hadoop loads its plug-ins through the context class loader
      try {
        assertThat(run.invoke(null, dms.root.toString(), base)).isEqualTo(2L);
      } finally {
        self.setContextClassLoader(before);
      }
    }
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1", "4");
  }

  private static boolean loadable(ClassLoader loader, String name) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}

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

package io.lakesmith.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.report.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply --watch} (in process and stopped by SIGTERM in a child JVM) and the progress output. */
class CliWatchTest {

  @TempDir
  Path tmp;

  private static void orders(Path dms, int rows, String file) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("ORDER_ID,CUSTOMER,AMOUNT,REGION");
    for (int i = 1; i <= rows; i++) {
      lines.add(i + ",customer-" + i + "," + (i % 100) + ".25," + (i % 2 == 0 ? "eu" : "us"));
    }
    CliLocalTest.write(dms.resolve("sales/orders/" + file), lines.toArray(String[]::new));
  }

  @Test
  void watchAppliesFilesAsTheyArriveAndStopsByItself() throws Exception {
    Path dms = tmp.resolve("dms");
    orders(dms, 3, "LOAD00000001.csv");
    String base = tmp.resolve("lake/orders").toString();
    Thread later = new Thread(() -> {
      try {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (completedCommits(base) < 1 && System.nanoTime() < end) {
          Thread.sleep(50);
        }
        CliLocalTest.write(dms.resolve("sales/orders/2025/03/02/20250302-120000000.csv"),
            "Op,ORDER_ID,CUSTOMER,AMOUNT,REGION", "U,1,alice,12.00,eu", "I,4,dan,1.00,us");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    later.start();
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--watch", "--poll", "300ms", "--watch-for", "15s", "--progress", "log", "--no-start-sweep");
    later.join();
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("watching 1 table(s): polling every 300ms").contains("[sales.orders] committed")
        .contains("stopped");
    assertThat(r.out()).contains("sales.orders: polls=");
    Map<String, GenericRecord> rows = CliLocalTest.rows(base, "ORDER_ID");
    assertThat(rows).containsOnlyKeys("1", "2", "3", "4");
    assertThat(rows.get("1").get("CUSTOMER").toString()).isEqualTo("alice");
  }

  @Test
  void watchRejectsAReportAndBadDurations() throws Exception {
    Path dms = tmp.resolve("dms");
    orders(dms, 1, "LOAD00000001.csv");
    String base = tmp.resolve("lake/orders").toString();
    CliRun withReport = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--watch", "--report", tmp.resolve("r.json").toString());
    assertThat(withReport.code()).as(withReport.toString()).isEqualTo(LakesmithCli.USAGE);
    assertThat(withReport.err()).contains("--report cannot be combined with --watch");
    CliRun badPoll = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--watch", "--poll", "often");
    assertThat(badPoll.code()).as(badPoll.toString()).isEqualTo(LakesmithCli.USAGE);
    assertThat(badPoll.err()).contains("not a duration: often");
    assertThat(Path.of(base)).doesNotExist();
  }

  @Test
  void progressLinesShowRowsPerSecondRowsEstimatedAndEta() throws Exception {
    Path dms = tmp.resolve("dms");
    orders(dms, 20_000, "LOAD00000001.csv");
    orders(dms, 20_000, "LOAD00000002.csv");
    String base = tmp.resolve("lake/orders").toString();
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--progress", "log", "--progress-every", "200ms", "--max-rows-per-commit", "10000");
    assertThat(r.code()).as(r.toString()).isZero();
    List<String> progress = r.err().lines().filter(l -> l.contains(" rows read (")).toList();
    System.out.println("progress sample:\n" + String.join("\n", r.err().lines()
        .filter(l -> l.contains(" rows read (") || l.contains("reading") || l.contains("committed")
            || l.contains("SUCCEEDED")).toList()));
    assertThat(progress).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("[sales.orders] ").contains("rows/s"));
    // inside the first file: rows, no ETA yet; after it: rows of an estimated total and an ETA
    assertThat(progress).anySatisfy(l -> assertThat(l).contains("file 2 of 2").contains(" of ~").contains("ETA "));
    assertThat(r.err()).containsPattern("\\[sales.orders\\] SUCCEEDED in \\d+ ms, 40,000 rows \\([\\d,]+ rows/s\\)");
  }

  @Test
  void progressBarStyleDrawsABarPerTable() {
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    StringWriter lines = new StringWriter();
    try (ProgressListener p = new ProgressListener(new PrintWriter(lines), new PrintStream(bar, true,
        StandardCharsets.UTF_8), "", ProgressListener.Style.BAR, Duration.ofSeconds(1))) {
      p.filesPending("app.t", Map.of("a.csv", 4L << 20, "b.csv", 4L << 20));
      p.fileStarted("app.t", "a.csv");
      p.rowsRead("app.t", "a.csv", 1000);
      p.fileFinished("app.t", "a.csv", 2000);
      p.fileStarted("app.t", "b.csv");
      p.rowsRead("app.t", "b.csv", 1000);
      p.tableFinished("app.t", RunReport.builder("apply", "app.t").finish());
    }
    String drawn = bar.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("app.t").contains("%").contains("MiB").contains("rows/s");
    assertThat(lines.toString()).contains("[app.t] SUCCEEDED").doesNotContain("reading a.csv");
  }

  /**
   * SIGTERM to a watching CLI stops it at a commit boundary and releases the table's lock; a batch run then finishes
   * the table, every key once. The child's output carries no JOL warning ("Unable to get Instrumentation"), which JOL
   * did print, into the debug log.
   */
  @Test
  void sigtermStopsCleanlyAndNoThirdPartyWarningsReachTheOutput() throws Exception {
    Path dms = tmp.resolve("dms");
    orders(dms, 30_000, "LOAD00000001.csv");
    CliLocalTest.write(dms.resolve("sales/orders/20250302-120000000.csv"), "Op,ORDER_ID,CUSTOMER,AMOUNT,REGION",
        "U,1,alice,12.00,eu", "I,40000,dan,1.00,us");
    String base = tmp.resolve("lake/orders").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.log.io.lakesmith.core.internal.hudi.QuietJol=debug",
        "-cp", classPath, LakesmithCli.class.getName(), "apply", "--source", dms.toString(), "--table", "sales.orders",
        "--target", base, "--key", "ORDER_ID", "--watch", "--poll", "300ms", "--progress", "log",
        "--max-rows-per-commit", "5000"));
    Path out = tmp.resolve("child.out");
    Path err = tmp.resolve("child.err");
    Process child = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (completedCommits(base) < 1) {
        assertThat(child.isAlive()).as("child running: " + Files.readString(err)).isTrue();
        assertThat(System.nanoTime()).as("a first commit within 120 s").isLessThan(end);
        Thread.sleep(50);
      }
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertThat(stderr).contains("stopped");
    // what JOL printed went to the debug log line, not to the output as its own lines
    assertThat((stdout + stderr).lines().filter(l -> l.startsWith("# WARNING"))).isEmpty();
    assertThat(stderr).contains("DEBUG QuietJol - JOL initialized: # WARNING: Unable to get Instrumentation");
    assertThat(stderr).doesNotContain("HoodieTableConfig");
    assertThat(TableLease.lockObject(base).localPath()).as("lock released").doesNotExist();

    CliRun rest = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "-q");
    assertThat(rest.code()).as(rest.toString()).isZero();
    Map<String, GenericRecord> rows = CliLocalTest.rows(base, "ORDER_ID");
    assertThat(rows).hasSize(30_001);
    assertThat(rows.get("1").get("CUSTOMER").toString()).isEqualTo("alice");
    long stored = io.lakesmith.core.internal.hudi.HudiTableReader.of(base, io.lakesmith.core.aws.AwsSettings.defaults())
        .read().size();
    assertThat(stored).as("no key stored twice").isEqualTo(30_001);
  }

  private static long completedCommits(String base) throws Exception {
    long n = 0;
    // completed commits: <instant>.commit in .hoodie (table version 6), <requested>_<completed>.commit in
    // .hoodie/timeline (8 and 9)
    for (Path dir : List.of(Path.of(base, ".hoodie"), Path.of(base, ".hoodie", "timeline"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          n += files.map(p -> p.getFileName().toString()).filter(f -> f.matches("\\d+(_\\d+)?\\.commit")).count();
        }
      }
    }
    return n;
  }
}

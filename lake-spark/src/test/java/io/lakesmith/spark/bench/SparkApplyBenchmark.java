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

package io.lakesmith.spark.bench;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.spark.SparkDmsApply;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * Scaling of the distributed apply: the same generated DMS full load and changes applied by lake-spark in local[1]
 * and local[2] and by lake-cdc's Java apply; prints rows/s, process CPU seconds and the load average. Not a test.
 *
 * <pre>
 * ./mvnw -B -q -pl lake-spark -am test-compile exec:exec@bench -Dbench.args="--load-rows 200000 --cdc-rows 200000"
 * </pre>
 */
public final class SparkApplyBenchmark {

  private SparkApplyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int loadRows = 20_000;
    int cdcRows = 20_000;
    int files = 8;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--load-rows": loadRows = Integer.parseInt(args[++i]); break;
        case "--cdc-rows": cdcRows = Integer.parseInt(args[++i]); break;
        case "--files": files = Integer.parseInt(args[++i]); break;
        case "--dir": dir = Path.of(args[++i]); break;
        default:
          System.out.println("usage: SparkApplyBenchmark [--load-rows N] [--cdc-rows N] [--files N] [--dir D]");
          return;
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("lake-spark-bench");
    }
    Path dmsLoad = dir.resolve("dms-load");
    Path dmsAll = dir.resolve("dms-all");
    generate(dmsLoad, dmsAll, loadRows, cdcRows, files);
    System.out.printf(Locale.ROOT, "rows: %d load + %d changes in %d + %d files; cores: %d%n", loadRows, cdcRows, files,
        files, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-10s %-6s %9s %8s %10s %8s %6s %s%n", "engine", "phase", "rows", "seconds",
        "rows/s", "cpu s", "cores", "loadavg(1m before->after)");
    run("java", null, dir, dmsLoad, dmsAll, loadRows, cdcRows);
    for (String master : List.of("local[1]", "local[2]")) {
      SparkSession spark = SparkSession.builder().master(master).appName("lake-spark-bench")
          .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", master.equals("local[1]") ? "1" : "2")
          .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
          .config("spark.sql.extensions", "org.apache.spark.sql.hudi.HoodieSparkSessionExtension")
          .getOrCreate();
      try {
        run(master, spark, dir, dmsLoad, dmsAll, loadRows, cdcRows);
      } finally {
        spark.stop();
      }
    }
  }

  private static void run(String engine, SparkSession spark, Path dir, Path dmsLoad, Path dmsAll, int loadRows,
      int cdcRows) throws IOException {
    String base = dir.resolve("lake-" + engine.replaceAll("[^a-z0-9]", "")).toString();
    measure(engine, "load", loadRows, () -> apply(spark, dmsLoad, base));
    measure(engine, "cdc", cdcRows, () -> apply(spark, dmsAll, base));
  }

  private static ApplyResult apply(SparkSession spark, Path dms, String base) {
    TableSpec spec = TableSpec.builder().database("app").table("people").recordKey("ID").partitionBy("DEPT")
        .type(TableType.COPY_ON_WRITE).basePath(base).column("ID", ColumnType.LONG).column("NAME", ColumnType.STRING)
        .column("AMT", ColumnType.decimal(10, 2)).column("DEPT", ColumnType.STRING).column("TS", ColumnType.STRING)
        .build();
    CsvOptions csv = CsvOptions.builder().header(HeaderMode.PRESENT).build();
    if (spark == null) {
      return DmsApply.from(dms.toString()).table(spec).timestampColumn("TS").csv(csv).maxRowsPerCommit(10_000_000)
          .execute();
    }
    return SparkDmsApply.on(spark).from(dms.toString()).table(spec).timestampColumn("TS").csv(csv)
        .distributedThresholdBytes(0).maxBytesPerCommit(Long.MAX_VALUE).execute();
  }

  private static void measure(String engine, String phase, int rows, java.util.function.Supplier<ApplyResult> run) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    ApplyResult r = run.get();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    if (!r.succeeded()) {
      throw new IllegalStateException(engine + " " + phase + " failed: " + r.report().toJson());
    }
    System.out.printf(Locale.ROOT, "%-10s %-6s %9d %8.1f %10.0f %8.1f %6.2f %.2f->%.2f%n", engine, phase, rows, seconds,
        rows / seconds, cpu, cpu / seconds, loadBefore, os.getSystemLoadAverage());
  }

  /** A full load of ids 1..loadRows and cdcRows changes (60% updates, 20% inserts, 20% deletes, some moves). */
  private static void generate(Path dmsLoad, Path dmsAll, int loadRows, int cdcRows, int files) throws IOException {
    Random random = new Random(42);
    String[] depts = {"a", "b", "c", "d"};
    int perFile = (loadRows + files - 1) / files;
    for (int f = 0; f < files; f++) {
      List<String> lines = new ArrayList<>();
      lines.add("ID,NAME,AMT,DEPT,TS");
      for (int id = f * perFile + 1; id <= Math.min(loadRows, (f + 1) * perFile); id++) {
        lines.add(id + ",name" + id + "," + (id % 10000) + ".25," + depts[id % 4] + ",2025-01-01 00:00:00.000000");
      }
      String name = String.format(Locale.ROOT, "app/people/LOAD%08X.csv", f + 1);
      write(dmsLoad.resolve(name), lines);
      write(dmsAll.resolve(name), lines);
    }
    int next = loadRows + 1;
    int perCdc = (cdcRows + files - 1) / files;
    long second = 0;
    for (int f = 0; f < files; f++) {
      List<String> lines = new ArrayList<>();
      lines.add("Op,ID,NAME,AMT,DEPT,TS");
      for (int i = 0; i < perCdc && f * perCdc + i < cdcRows; i++) {
        second++;
        String ts = String.format(Locale.ROOT, "2025-01-02 %02d:%02d:%02d.%06d", (second / 3600) % 24,
            (second / 60) % 60, second % 60, second % 1_000_000);
        int p = random.nextInt(10);
        if (p < 2) {
          int id = next++;
          lines.add("I," + id + ",new" + id + ",1.00," + depts[id % 4] + "," + ts);
        } else {
          int id = 1 + random.nextInt(loadRows);
          String op = p < 4 ? "D" : "U";
          lines.add(op + "," + id + ",upd" + id + "," + p + ".50," + depts[random.nextInt(4)] + "," + ts);
        }
      }
      String name = String.format(Locale.ROOT, "app/people/2025/01/02/20250102-%02d%02d%02d000.csv", f / 3600,
          (f / 60) % 60, f % 60);
      write(dmsAll.resolve(name), lines);
    }
  }

  private static void write(Path p, List<String> lines) throws IOException {
    Files.createDirectories(p.getParent());
    try (Writer w = Files.newBufferedWriter(p)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    }
  }
}

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

package io.lakesmith.examples.bench;

import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lakesmith against its peer, Spark 3.5 with Hudi's Spark writer, on identical DMS files: generates a backlog once
 * (the {@link ApplyBenchmark} generator: {@code N} full-load rows, then {@code N} changes, 30% inserts, 60% updates,
 * 10% deletes with full before-images, a DMS timestamp column shared by the changes of a transaction, no key changed
 * twice in one transaction), then applies it with each engine in its own JVM, alternating (Lakesmith, Spark,
 * Lakesmith, Spark, ...) so that both see the same machine load, for copy-on-write and merge-on-read tables:
 * non-partitioned, snappy, metadata table off, SIMPLE index, event-time ordering (Lakesmith: its change sequence
 * from the DMS timestamp; Spark: the DMS timestamp column, {@code Op = D} deleting), full load as bulk insert, CDC
 * as upsert (see {@link PeerSparkWorker} for Spark's configuration). After every run it reads the table back and
 * checks every key and a sample of rows column by column against the generator's expected state.
 *
 * <p>Prints per phase and run: rows/s, wall and CPU seconds (whole process, GC and JIT included, and child processes
 * such as JOL's helper JVM), peak heap and peak RSS, the load average before and after; then the ratios
 * Lakesmith / Spark per phase and round, and the parquet-avro write rate of the final rows as the limit line.
 *
 * <p>Needs Spark SQL on the class path and the Hudi Spark bundle jar ({@code -Dpeer.hudiBundle} or
 * {@code --hudi-bundle}): {@code ./mvnw -B -q -pl examples -am -Ppeer-bench test-compile exec:exec@peer-bench
 * -Dpeer.args="--rows 100k"}; see examples/README.md. Throws {@link IllegalStateException} when an apply fails or a
 * table is not as expected.
 */
public final class PeerBenchmark {

  private static final Pattern LINE = Pattern.compile(
      "PEER (\\S+) rows=(-?\\d+) wall=([0-9.]+) cpu=([0-9.]+) heap=(\\d+) rss=(\\d+)(?: commits=(\\d+))?");
  private static final Pattern TOTAL = Pattern.compile("PEER total cpu=([0-9.]+) uptime=([0-9.]+)");

  private PeerBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--lakesmith-worker")) {
      lakesmithWorker(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    Options o = Options.parse(args);
    if (o.help) {
      System.out.println(Options.USAGE);
      return;
    }
    run(o);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Lakesmith worker (its own JVM)
  // ------------------------------------------------------------------------------------------------------------

  /** {@code tableType loadRoot allRoot tablePath loadRows cdcRows maxRowsPerCommit fileGroupParallelism}. */
  static void lakesmithWorker(String[] a) {
    TableType type = TableType.valueOf(a[0]);
    TableSpec spec = ApplyBenchmark.spec(a[3], false, type);
    HudiWriteOptions options = HudiWriteOptions.builder().compression(HudiWriteOptions.Compression.SNAPPY)
        .metadataTable(false).indexType(HudiWriteOptions.IndexType.SIMPLE)
        .fileGroupParallelism(a.length > 7 ? Integer.parseInt(a[7]) : 0).build();
    PeerMeter meter = new PeerMeter();
    String[][] phases = {{"full-load", a[1], a[4]}, {"cdc", a[2], a[5]}};
    for (String[] phase : phases) {
      meter.start();
      ApplyResult r = DmsApply.from(phase[1]).table(spec).mode(ApplyMode.STRICT).timestampColumn(ApplyBenchmark.TS_COLUMN)
          .maxRowsPerCommit(Integer.parseInt(a[6])).writeOptions(options).execute();
      if (!r.succeeded()) {
        throw new IllegalStateException(phase[0] + " apply failed: " + r.report().toJson());
      }
      RunReport t = r.table(ApplyBenchmark.SCHEMA_NAME + "." + ApplyBenchmark.TABLE_NAME);
      meter.end(phase[0], t.counter(RunReport.ROWS_READ), t.counter(RunReport.COMMITS));
    }
    meter.total();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Driver
  // ------------------------------------------------------------------------------------------------------------

  /** One phase of one run. */
  record Phase(String engine, TableType type, int round, String phase, long rows, double wall, double cpu, long heap,
      long rss, int commits, double loadBefore, double loadAfter) {}

  static List<Phase> run(Options o) throws IOException, InterruptedException {
    Path work = o.dir != null ? Files.createDirectories(o.dir) : Files.createTempDirectory("lakesmith-peer");
    Path loadRoot = work.resolve("dms-load");
    Path allRoot = work.resolve("dms-all");
    Path staging = work.resolve("staging");
    Path loadDir = loadRoot.resolve(ApplyBenchmark.SCHEMA_NAME).resolve(ApplyBenchmark.TABLE_NAME);
    Path allDir = allRoot.resolve(ApplyBenchmark.SCHEMA_NAME).resolve(ApplyBenchmark.TABLE_NAME);
    Path stagingDir = staging.resolve(ApplyBenchmark.SCHEMA_NAME).resolve(ApplyBenchmark.TABLE_NAME);
    if (Files.exists(loadRoot)) {
      throw new IllegalArgumentException(work + " already holds a benchmark: give an empty --dir");
    }
    ApplyBenchmark.Options gen = ApplyBenchmark.Options.parse("--load-rows", Integer.toString(o.loadRows),
        "--cdc-rows", Integer.toString(o.cdcRows), "--load-files", Integer.toString(o.loadFiles), "--cdc-files",
        Integer.toString(o.cdcFiles), "--seed", Long.toString(o.seed), "--no-ties");
    long t0 = System.nanoTime();
    ApplyBenchmark.Backlog b = ApplyBenchmark.generate(gen, loadDir, stagingDir);
    Files.createDirectories(allDir);
    try (Stream<Path> s = Stream.concat(Files.list(loadDir), Files.list(stagingDir))) {
      for (Path f : s.toList()) {
        Files.createLink(allDir.resolve(f.getFileName()), f);
      }
    }
    String bundle = o.hudiBundle != null ? o.hudiBundle : System.getProperty("peer.hudiBundle");
    if (o.engines.contains("spark") && (bundle == null || !Files.isRegularFile(Paths.get(bundle)))) {
      throw new IllegalArgumentException("the Hudi Spark bundle jar is missing (" + bundle + "): pass --hudi-bundle or "
          + "run through exec:exec@peer-bench with -Ppeer-bench");
    }
    String sparkVersion = jarVersion("spark-core_2.12-");
    System.out.printf(Locale.ROOT, "Peer benchmark in %s: load=%,d cdc=%,d (I=%,d U=%,d D=%,d), %d+%d files, generated "
        + "in %.1fs; %d cpus, engines %s, table types %s, %d round(s), -Xmx%s, Spark %s %s + %s%n", work, o.loadRows,
        o.cdcRows, b.inserts, b.updates, b.deletes, b.loadFiles, b.cdcFiles, (System.nanoTime() - t0) / 1e9,
        Runtime.getRuntime().availableProcessors(), o.engines, o.tableTypes, o.rounds, o.xmx, sparkVersion,
        o.sparkMaster, bundle == null ? "-" : Paths.get(bundle).getFileName());

    List<Phase> phases = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int round = 1; round <= o.rounds; round++) {
      for (TableType type : o.tableTypes) {
        for (String engine : o.engines) {
          Path table = work.resolve("tables").resolve(engine + "-" + type + "-" + round);
          Path log = work.resolve("logs").resolve(engine + "-" + type + "-" + round + ".log");
          Files.createDirectories(log.getParent());
          List<String> cmd = new ArrayList<>();
          cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
          cmd.add("-Xmx" + o.xmx);
          if (engine.equals("spark")) {
            cmd.addAll(Arrays.asList(System.getProperty("peer.javaFlags", "").trim().split("\\s+")));
            cmd.add("-Dpeer.sparkMaster=" + o.sparkMaster);
            cmd.add("-cp");
            cmd.add(sparkClasspath(bundle));
            cmd.addAll(List.of(PeerSparkWorker.class.getName(), type.name(), loadDir + "/LOAD*.csv",
                stagingDir + "/*.csv", table.toString(), work.toString()));
          } else {
            cmd.add("-cp");
            cmd.add(lakesmithClasspath());
            cmd.addAll(List.of(PeerBenchmark.class.getName(), "--lakesmith-worker", type.name(), loadRoot.toString(),
                allRoot.toString(), table.toString(), Integer.toString(o.loadRows), Integer.toString(o.cdcRows),
                Integer.toString(o.maxRowsPerCommit), Integer.toString(o.fileGroupParallelism)));
          }
          cmd.removeIf(String::isEmpty);
          double before = loadAverage();
          List<String> lines = runWorker(cmd, log);
          double after = loadAverage();
          List<Phase> run = new ArrayList<>();
          for (String l : lines) {
            Matcher m = LINE.matcher(l);
            if (m.matches()) {
              long rows = Long.parseLong(m.group(2));
              rows = rows >= 0 ? rows : m.group(1).equals("cdc") ? o.cdcRows : o.loadRows;
              run.add(new Phase(engine, type, round, m.group(1), rows, Double.parseDouble(m.group(3)),
                  Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
                  m.group(7) == null ? -1 : Integer.parseInt(m.group(7)), before, after));
            }
          }
          String total = lines.stream().filter(l -> TOTAL.matcher(l).matches()).findFirst().orElse("PEER total ?");
          if (run.size() != 2) {
            throw new IllegalStateException(engine + " " + type + " round " + round + " did not finish; see " + log);
          }
          phases.addAll(run);
          String check;
          try {
            ApplyBenchmark.Verification v = ApplyBenchmark.verify(table.toString(), b, o.sample,
                engine.equals("lakesmith"));
            check = String.format(Locale.ROOT, "verified %,d rows (%,d compared column by column)", v.rows(),
                v.sampled());
          } catch (IllegalStateException e) {
            check = "NOT AS EXPECTED: " + e.getMessage().lines().limit(4).reduce((x, y) -> x + " | " + y).orElse("");
            failures.add(engine + " " + type + " round " + round + ": " + check);
          }
          System.out.printf(Locale.ROOT, "round %d %-9s %s: full load %.1fs wall %.1fs CPU, cdc %.1fs wall %.1fs CPU; "
              + "JVM %s; %s; load average %.2f -> %.2f%n", round, engine, type, run.get(0).wall(), run.get(0).cpu(),
              run.get(1).wall(), run.get(1).cpu(), total.substring("PEER total ".length()), check, before, after);
          if (!o.keep) {
            deleteRecursively(table);
          }
        }
      }
    }
    ApplyBenchmark.Baseline limit = ApplyBenchmark.baseline(b, work.resolve("parquet-avro"),
        ApplyBenchmark.spec(work.resolve("unused").toString(), false, TableType.COPY_ON_WRITE));
    System.out.println(report(o, phases, limit));
    if (!o.keep) {
      deleteRecursively(work);
    } else {
      System.out.println("kept " + work);
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("tables not as expected:\n  " + String.join("\n  ", failures));
    }
    return phases;
  }

  private static List<String> runWorker(List<String> cmd, Path log) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    }
    int code = p.waitFor();
    Files.write(log, lines.stream().map(l -> "[stdout] " + l).toList(), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    if (code != 0) {
      List<String> tail = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new IllegalStateException("worker exited with " + code + " (" + String.join(" ", cmd.subList(0, 2))
          + " ...); last lines of " + log + ":\n" + String.join("\n",
          tail.subList(Math.max(0, tail.size() - 30), tail.size())));
    }
    return lines;
  }

  static String report(Options o, List<Phase> phases, ApplyBenchmark.Baseline limit) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%n== Lakesmith vs Spark + Hudi: load=%,d cdc=%,d, non-partitioned, snappy, "
        + "metadata table off, SIMPLE index, %s ==%n", o.loadRows, o.cdcRows, o.sparkMaster));
    sb.append(String.format(Locale.ROOT, "%-5s %-9s %-4s %-9s %10s %8s %8s %10s %10s %10s %7s %s%n", "round", "engine",
        "type", "phase", "rows", "wall s", "CPU s", "rows/s", "peak heap", "peak RSS", "commits", "load avg"));
    for (Phase p : phases) {
      sb.append(String.format(Locale.ROOT, "%-5d %-9s %-4s %-9s %,10d %8.1f %8.1f %,10.0f %10s %10s %7s %.2f->%.2f%n",
          p.round(), p.engine(), p.type() == TableType.COPY_ON_WRITE ? "COW" : "MOR", p.phase(), p.rows(), p.wall(),
          p.cpu(), p.rows() / Math.max(1e-9, p.wall()), ApplyBenchmark.mib(p.heap()), ApplyBenchmark.mib(p.rss()),
          p.commits() < 0 ? "-" : Integer.toString(p.commits()), p.loadBefore(), p.loadAfter()));
    }
    sb.append(String.format(Locale.ROOT, "%nratios Lakesmith / Spark+Hudi (below 1: Lakesmith needs less)%n"));
    sb.append(String.format(Locale.ROOT, "%-4s %-9s %-5s %10s %10s %12s %12s %s%n", "type", "phase", "round",
        "CPU ratio", "wall ratio", "Lakesmith CPU", "Spark CPU", "load avg (Lakesmith; Spark)"));
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Phase l : phases) {
      if (!l.engine().equals("lakesmith")) {
        continue;
      }
      for (Phase s : phases) {
        if (s.engine().equals("spark") && s.type() == l.type() && s.round() == l.round() && s.phase().equals(l.phase())) {
          String type = l.type() == TableType.COPY_ON_WRITE ? "COW" : "MOR";
          sb.append(String.format(Locale.ROOT, "%-4s %-9s %-5d %10.2f %10.2f %12.1f %12.1f %.2f->%.2f; %.2f->%.2f%n",
              type, l.phase(), l.round(), l.cpu() / s.cpu(), l.wall() / s.wall(), l.cpu(), s.cpu(), l.loadBefore(),
              l.loadAfter(), s.loadBefore(), s.loadAfter()));
          double[] sum = sums.computeIfAbsent(type + " " + l.phase(), k -> new double[4]);
          sum[0] += l.cpu();
          sum[1] += s.cpu();
          sum[2] += l.wall();
          sum[3] += s.wall();
        }
      }
    }
    sums.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-14s all rounds %10.2f %10.2f %12.1f %12.1f%n", k,
        v[0] / v[1], v[2] / v[3], v[0], v[1])));
    sb.append(String.format(Locale.ROOT, "parquet-avro limit: the %,d final rows written with AvroParquetWriter (snappy) "
        + "at %,.0f rows/s, %.1f CPU s (in the driver JVM)%n", limit.rows(), limit.rowsPerSecond(), limit.cpuSeconds()));
    return sb.toString();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** This class path without Spark and Scala (not used by Lakesmith). */
  private static String lakesmithClasspath() {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/")) {
        out.add(e);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  /**
   * This class path without Lakesmith and hudi-java-client (the bundle repackages the Hudi classes in its own
   * versions), plus the bundle; this module's classes stay for the worker's main class.
   */
  private static String sparkClasspath(String bundle) {
    String self = PeerSparkWorker.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    List<String> out = new ArrayList<>();
    out.add(bundle);
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean lakesmith = e.contains("/io/lakesmith/") || e.matches(".*/lake-(core|cdc|compaction|catalog)/.*");
      if (samePath(e, self) || !lakesmith && !e.contains("/org/apache/hudi/")) {
        out.add(e);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  private static boolean samePath(String a, String b) {
    return Paths.get(a).toAbsolutePath().normalize().equals(Paths.get(b).toAbsolutePath().normalize());
  }

  private static String jarVersion(String prefix) {
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Paths.get(e).getFileName().toString();
      if (name.startsWith(prefix) && name.endsWith(".jar")) {
        return name.substring(prefix.length(), name.length() - 4);
      }
    }
    return "?";
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Options
  // ------------------------------------------------------------------------------------------------------------

  /** Command-line options; see {@link #USAGE}. */
  static final class Options {
    static final String USAGE = String.join("\n",
        "PeerBenchmark [options]",
        "  --rows N                  full-load rows and CDC changes (default 100k)",
        "  --load-rows N, --cdc-rows N   each on its own",
        "  --load-files N            LOAD files (default 10)",
        "  --cdc-files N             CDC files (default 100)",
        "  --rounds N                rounds of Lakesmith then Spark per table type (default 2: A-B-A-B)",
        "  --table-types T,...       COW and/or MOR (default COW,MOR)",
        "  --engines E,...           lakesmith and/or spark (default lakesmith,spark)",
        "  --xmx SIZE                -Xmx of each worker JVM (default 3g)",
        "  --max-rows-per-commit N   Lakesmith's DmsApply.maxRowsPerCommit (default 500000)",
        "  --file-group-parallelism N   Lakesmith's HudiWriteOptions.fileGroupParallelism (default 0: all cpus)",
        "  --spark-master M          default local[2]",
        "  --hudi-bundle JAR         hudi-spark3.5-bundle_2.12 jar (default: -Dpeer.hudiBundle)",
        "  --sample N                rows compared column by column per table (default 5000)",
        "  --seed N                  generator seed (default 42)",
        "  --dir PATH                work folder (default: a new temp folder)",
        "  --keep                    keep DMS files, tables and worker logs");

    int loadRows = 100_000;
    int cdcRows = 100_000;
    int loadFiles = 10;
    int cdcFiles = 100;
    int rounds = 2;
    List<TableType> tableTypes = List.of(TableType.COPY_ON_WRITE, TableType.MERGE_ON_READ);
    List<String> engines = List.of("lakesmith", "spark");
    String xmx = "3g";
    int maxRowsPerCommit = 500_000;
    int fileGroupParallelism;
    String sparkMaster = "local[2]";
    String hudiBundle;
    int sample = 5000;
    long seed = 42;
    Path dir;
    boolean keep;
    boolean help;

    static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          o.help = true;
          continue;
        }
        if (a.equals("--keep")) {
          o.keep = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
        }
        String v = args[++i];
        switch (a) {
          case "--rows": o.loadRows = count(v); o.cdcRows = o.loadRows; break;
          case "--load-rows": o.loadRows = count(v); break;
          case "--cdc-rows": o.cdcRows = count(v); break;
          case "--load-files": o.loadFiles = count(v); break;
          case "--cdc-files": o.cdcFiles = count(v); break;
          case "--rounds": o.rounds = count(v); break;
          case "--table-types": o.tableTypes = Arrays.stream(v.split(",")).map(Options::tableType).toList(); break;
          case "--engines": o.engines = Arrays.stream(v.split(",")).map(e -> engine(e)).toList(); break;
          case "--xmx": o.xmx = v; break;
          case "--max-rows-per-commit": o.maxRowsPerCommit = count(v); break;
          case "--file-group-parallelism": o.fileGroupParallelism = count(v); break;
          case "--spark-master": o.sparkMaster = v; break;
          case "--hudi-bundle": o.hudiBundle = v; break;
          case "--sample": o.sample = count(v); break;
          case "--seed": o.seed = Long.parseLong(v); break;
          case "--dir": o.dir = Paths.get(v).toAbsolutePath(); break;
          default: throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
        }
      }
      if (o.loadRows < 1 || o.rounds < 1 || o.maxRowsPerCommit < 1) {
        throw new IllegalArgumentException("--load-rows, --rounds and --max-rows-per-commit must be at least 1");
      }
      return o;
    }

    private static int count(String v) {
      String s = v.replace("_", "").trim().toLowerCase(Locale.ROOT);
      double n = s.endsWith("m") ? Double.parseDouble(s.substring(0, s.length() - 1)) * 1e6
          : s.endsWith("k") ? Double.parseDouble(s.substring(0, s.length() - 1)) * 1e3 : Double.parseDouble(s);
      if (n < 0 || n > 500_000_000) {
        throw new IllegalArgumentException("count out of range: " + v);
      }
      return (int) Math.round(n);
    }

    private static TableType tableType(String v) {
      switch (v.trim().toUpperCase(Locale.ROOT)) {
        case "COW": case "COPY_ON_WRITE": return TableType.COPY_ON_WRITE;
        case "MOR": case "MERGE_ON_READ": return TableType.MERGE_ON_READ;
        default: throw new IllegalArgumentException("table type must be COW or MOR, got " + v);
      }
    }

    private static String engine(String v) {
      String e = v.trim().toLowerCase(Locale.ROOT);
      if (!e.equals("lakesmith") && !e.equals("spark")) {
        throw new IllegalArgumentException("engine must be lakesmith or spark, got " + v);
      }
      return e;
    }
  }
}

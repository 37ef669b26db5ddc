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

package io.lakesmith.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Hudi table readers that are not Lakesmith's, for tests that check what Lakesmith writes: Spark 3.5 with a
 * {@code hudi-spark3.5-bundle_2.12} ({@link #spark}: 0.15.0 is the Hudi of Athena and AWS Glue 5.0, 1.0.2 that of
 * Glue 5.1) and hudi-rs ({@link #hudiRs}, the {@code hudi} package on PyPI). Each runs in its own Python process
 * (pyspark starts its own JVM, so a bundle never meets the project's Hudi on one class path) from the venv of
 * {@code readers-requirements.txt} under {@code lake.test.readers.home} ({@link PythonVenv}); the Spark bundles
 * are files Maven puts into {@code lake.test.hudi.bundles} (lake-interop's {@code hudi-bundles} execution).
 *
 * <p>{@link Reader#read} takes several tables at once, so a Spark start (~10-20 s) is paid once per batch. Rows
 * come back as column name to canonical string ({@code null} for NULL), without Hudi's meta columns, in the form
 * the {@code canonical*} helpers here give expected values: integers in decimal; floats and doubles as the exact
 * decimal value of their binary form; decimals in plain notation at the column's scale; timestamps
 * {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (UTC); dates {@code yyyy-MM-dd}; booleans {@code true}/{@code false};
 * binary as lower-case hex. A read that fails yields a {@link Result} holding the reader's error (with its root
 * cause); a reader process that cannot start or dies fails the call with its log tail.
 */
public final class IndependentReaders {

  /** Hudi query types both engines support. */
  public enum Query {
    SNAPSHOT("snapshot"), READ_OPTIMIZED("read_optimized");

    private final String code;

    Query(String code) {
      this.code = code;
    }
  }

  /** One table to read, and how. */
  public record Read(String basePath, Query query) {
    public Read {
      Objects.requireNonNull(basePath, "basePath");
      Objects.requireNonNull(query, "query");
    }

    public static Read snapshot(String basePath) {
      return new Read(basePath, Query.SNAPSHOT);
    }

    public static Read readOptimized(String basePath) {
      return new Read(basePath, Query.READ_OPTIMIZED);
    }

    @Override
    public String toString() {
      return query.code + " of " + basePath;
    }
  }

  /** What one reader returned for one {@link Read}: rows, or the reader's error. */
  public static final class Result {
    private final String reader;
    private final Read read;
    private final List<Map<String, String>> rows;
    private final String error;

    private Result(String reader, Read read, List<Map<String, String>> rows, String error) {
      this.reader = reader;
      this.read = read;
      this.rows = rows;
      this.error = error;
    }

    public boolean failed() {
      return error != null;
    }

    /** The reader's error, or null. */
    public String error() {
      return error;
    }

    /** The rows; an {@link AssertionError} naming reader, table and query when the read failed. */
    public List<Map<String, String>> rows() {
      if (error != null) {
        throw new AssertionError(this.toString());
      }
      return rows;
    }

    @Override
    public String toString() {
      return reader + " " + read + (error != null ? " failed: " + error : ": " + rows.size() + " rows");
    }
  }

  /** An engine that reads Hudi tables in its own process. */
  public static final class Reader {
    private final String name;
    private final List<String> engineArgs;

    private Reader(String name, List<String> engineArgs) {
      this.name = name;
      this.engineArgs = engineArgs;
    }

    /** e.g. {@code spark+hudi-0.15.0} or {@code hudi-rs}. */
    public String name() {
      return name;
    }

    /** Reads every given table in one process; results in the order of {@code reads}. */
    public Map<Read, Result> read(Collection<Read> reads) {
      Map<Read, Result> results = new LinkedHashMap<>();
      if (reads.isEmpty()) {
        return results;
      }
      PythonVenv venv = venv();
      try {
        Path work = Files.createDirectories(venv.home().resolve("runs"));
        Path dir = Files.createTempDirectory(work, name.replaceAll("[^A-Za-z0-9.-]", "_") + "-");
        Path script = dir.resolve("lakesmith_read.py");
        Files.writeString(script, PythonVenv.resource("/lakesmith_read.py"));
        List<Read> list = List.copyOf(reads);
        ArrayNode requests = JSON.createArrayNode();
        for (int i = 0; i < list.size(); i++) {
          requests.addObject().put("id", Integer.toString(i))
              .put("path", Paths.get(list.get(i).basePath()).toAbsolutePath().toString())
              .put("query", list.get(i).query().code);
        }
        Path in = dir.resolve("requests.json");
        Path out = dir.resolve("rows.jsonl");
        Path log = dir.resolve("reader.log");
        JSON.writeValue(in.toFile(), requests);
        List<String> command = new ArrayList<>(List.of(venv.python().toString(), script.toString()));
        command.addAll(engineArgs);
        command.add(in.toString());
        command.add(out.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().put("TZ", "UTC");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // pyspark's JVM = the tests' JDK
        pb.environment().put("PYTHONUNBUFFERED", "1");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException(name + " did not finish within 15 minutes; log " + log);
        }
        Map<String, JsonNode> byId = new TreeMap<>();
        if (Files.exists(out)) {
          for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            byId.put(n.get("id").asText(), n);
          }
        }
        if (p.exitValue() != 0 || byId.size() != list.size()) {
          throw new IllegalStateException(name + " exited with code " + p.exitValue() + " after " + byId.size()
              + " of " + list.size() + " tables (log " + log + "):\n" + PythonVenv.tail(log, 40));
        }
        for (int i = 0; i < list.size(); i++) {
          results.put(list.get(i), result(list.get(i), byId.get(Integer.toString(i))));
        }
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("lakesmith_read: ")) { // the script's timings
            System.out.println(name + ": " + line.substring("lakesmith_read: ".length()));
          }
        }
        if (results.values().stream().noneMatch(Result::failed)) {
          deleteTree(dir); // kept (with the reader's log) only when something failed
        }
        return results;
      } catch (IOException e) {
        throw new UncheckedIOException(name + " could not read " + reads + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(name + " interrupted", e);
      }
    }

    /** One table's rows (a snapshot query); one process per call, prefer {@link #read(Collection)} for several. */
    public List<Map<String, String>> snapshot(String basePath) {
      return read(List.of(Read.snapshot(basePath))).values().iterator().next().rows();
    }

    private Result result(Read read, JsonNode n) {
      if (n.hasNonNull("error")) {
        return new Result(name, read, null, n.get("error").asText());
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (JsonNode r : n.get("rows")) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          row.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
        }
        rows.add(row);
      }
      return new Result(name, read, List.copyOf(rows), null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private IndependentReaders() {}

  /**
   * Spark 3.5 (pyspark, {@code local[1]}) with {@code hudi-spark3.5-bundle_2.12-<hudiVersion>.jar} from
   * {@code lake.test.hudi.bundles}, default reader settings (vectorized Parquet reader on).
   */
  public static Reader spark(String hudiVersion) {
    String dir = System.getProperty("lake.test.hudi.bundles", "target/hudi-bundles");
    Path bundle = Paths.get(dir, "hudi-spark3.5-bundle_2.12-" + hudiVersion + ".jar").toAbsolutePath();
    if (!Files.isRegularFile(bundle)) {
      throw new IllegalStateException("no Hudi Spark bundle " + bundle + ": run the test through Maven (lake-interop's"
          + " hudi-bundles execution copies org.apache.hudi:hudi-spark3.5-bundle_2.12:" + hudiVersion + " there)");
    }
    List<String> args = new ArrayList<>(List.of("--engine", "spark", "--bundle", bundle.toString()));
    String javaOptions = System.getProperty("lake.test.spark.javaOptions", "");
    if (!javaOptions.isBlank()) {
      args.add("--java-options=" + javaOptions);
    }
    return new Reader("spark+hudi-" + hudiVersion, List.copyOf(args));
  }

  /** hudi-rs (the {@code hudi} package on PyPI) through its Python binding. */
  public static Reader hudiRs() {
    return new Reader("hudi-rs", List.of("--engine", "hudi-rs"));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static PythonVenv venv() {
    Path home = Paths.get(System.getProperty("lake.test.readers.home", "target/readers"));
    return PythonVenv.ensure(home,
        PythonVenv.requirements("lake.test.readers.requirements", "/readers-requirements.txt"),
        "the independent Hudi readers (pyspark, hudi-rs)");
  }

  // ---- canonical forms of expected values (what the reader script prints) ----

  public static String canonicalLong(long v) {
    return Long.toString(v);
  }

  public static String canonicalDouble(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    return v == 0 ? "0" : new BigDecimal(v).toPlainString();
  }

  /** A float widened exactly to double, as every reader hands it to Python. */
  public static String canonicalFloat(float v) {
    return canonicalDouble(v);
  }

  /** Plain notation at {@code scale} digits. */
  public static String canonicalDecimal(BigDecimal v, int scale) {
    return v.setScale(scale).toPlainString();
  }

  public static String canonicalTimestampMicros(long micros) {
    return TIMESTAMP.format(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS));
  }

  public static String canonicalDate(LocalDate v) {
    return v.toString();
  }

  public static String canonicalBoolean(boolean v) {
    return Boolean.toString(v);
  }

  public static String canonicalBytes(byte[] v) {
    return HexFormat.of().formatHex(v);
  }

  /**
   * How {@code actual} rows differ from {@code expected} ones (by the value of {@code keyColumn}), on {@code columns}:
   * one line per missing, unexpected or duplicated key and per differing value ({@code <absent>} for a column the
   * reader did not return); empty when they are equal.
   */
  public static List<String> differences(Map<String, Map<String, String>> expected, List<Map<String, String>> actual,
      String keyColumn, List<String> columns) {
    List<String> out = new ArrayList<>();
    Map<String, Map<String, String>> byKey = new TreeMap<>();
    for (Map<String, String> row : actual) {
      if (byKey.put(row.get(keyColumn), row) != null) {
        out.add(keyColumn + " " + row.get(keyColumn) + ": returned more than once");
      }
    }
    for (Map.Entry<String, Map<String, String>> e : new TreeMap<>(expected).entrySet()) {
      Map<String, String> row = byKey.get(e.getKey());
      if (row == null) {
        out.add(keyColumn + " " + e.getKey() + ": missing");
        continue;
      }
      for (String c : columns) {
        String want = e.getValue().get(c);
        String got = row.containsKey(c) ? row.get(c) : "<absent>";
        if (!Objects.equals(want, got)) {
          out.add(keyColumn + " " + e.getKey() + ": " + c + " expected [" + want + "] but was [" + got + "]");
        }
      }
    }
    byKey.keySet().stream().filter(k -> !expected.containsKey(k))
        .forEach(k -> out.add(keyColumn + " " + k + ": unexpected row " + byKey.get(k)));
    return out;
  }
}

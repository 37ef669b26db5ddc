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

package io.lakesmith.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.compaction.hudi.HudiMaintenance;
import io.lakesmith.compaction.hudi.HudiServiceResult;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.hudi.TableVersion;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.IndependentReaders;
import io.lakesmith.testing.IndependentReaders.Read;
import io.lakesmith.testing.IndependentReaders.Reader;
import io.lakesmith.testing.IndependentReaders.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables Lakesmith writes are read by engines that are not Lakesmith, and every reader returns exactly the rows the
 * DMS history says the table holds. The history ({@link DmsHistory}: every column type, NULLs, inserts, updates,
 * key-only deletes, partition moves, an added column) is applied with {@link DmsApply} in three runs (full load, CDC,
 * CDC with the new column) to partitioned COW and MOR tables at Hudi table version 6 (the default) and 8. MOR tables
 * are compacted before the last run, so they end with base files plus log files (updates, deletes, moves, the new
 * column); a copy of each is then compacted again, and every table is cleaned. Readers, each in its own process and
 * all at once (one Spark start per bundle for all tables):
 * <ul>
 *   <li>Spark 3.5 + hudi-spark3.5-bundle 0.15.0 (Athena's and Glue 5.0's Hudi): version-6 tables only;
 *   <li>Spark 3.5 + hudi-spark3.5-bundle 1.0.2 (Glue 5.1's Hudi): all tables;
 *   <li>hudi-rs (the {@code hudi} package on PyPI): all tables.
 * </ul>
 * Queries: snapshot on every table, read-optimized on the compacted MOR tables (where it must equal the snapshot).
 */
class ReaderCompatibilityTest {

  private static final long SEED = 20261202L;

  /** A table under test: how it was written and the reads every reader does on it. */
  private record Table(String name, TableType type, TableVersion version, String basePath, List<Read> reads) {}

  @TempDir
  static Path tmp;

  private static DmsHistory history;
  private static final List<Table> TABLES = new ArrayList<>();
  /** The readers' results, started together once the tables are written (each reader is its own process). */
  private static final Map<String, CompletableFuture<Map<Read, Result>>> READS = new LinkedHashMap<>();
  private static ExecutorService pool;

  @BeforeAll
  static void writeTablesAndStartReaders() throws Exception {
    history = DmsHistory.generate(SEED);
    pool = Executors.newFixedThreadPool(3);
    long start = System.nanoTime();
    List<Future<List<Table>>> written = new ArrayList<>();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      for (TableVersion version : List.of(TableVersion.V6, TableVersion.V8)) {
        for (TableType type : TableType.values()) {
          written.add(writers.submit(() -> write(type, version)));
        }
      }
      for (Future<List<Table>> f : written) {
        TABLES.addAll(f.get());
      }
    } finally {
      writers.shutdownNow();
    }
    for (Table t : TABLES) {
      assertThat(tableVersion(t.basePath())).as("hoodie.table.version of %s", t.name()).isEqualTo(t.version().code());
    }
    System.out.printf("reader compatibility: %s; tables %s written in %d s%n", history.summary(),
        TABLES.stream().map(Table::name).toList(), (System.nanoTime() - start) / 1_000_000_000L);
    start(IndependentReaders.spark("0.15.0"), TABLES.stream().filter(t -> t.version() == TableVersion.V6).toList());
    start(IndependentReaders.spark("1.0.2"), TABLES);
    start(IndependentReaders.hudiRs(), TABLES);
  }

  @AfterAll
  static void stopReaders() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Test
  void sparkWithHudi0150ReadsVersion6Tables() {
    check("spark+hudi-0.15.0");
  }

  @Test
  void sparkWithHudi102ReadsAllTables() {
    check("spark+hudi-1.0.2");
  }

  @Test
  void hudiRsReadsAllTables() {
    check("hudi-rs");
  }

  /**
   * One table's life: the three apply runs (MOR: compacted before the last), then clean; a MOR table is also copied
   * and the copy compacted and cleaned. Each table has its own DMS root, so tables are written in parallel.
   */
  private static List<Table> write(TableType type, TableVersion version) throws IOException {
    String name = (type == TableType.COPY_ON_WRITE ? "cow" : "mor") + "_v" + version.code();
    Path dms = tmp.resolve("dms-" + name);
    TableSpec spec = DmsHistory.spec(tmp.resolve("lake").resolve(name).toString(), type).build();
    for (int phase = 0; phase < history.phases(); phase++) {
      history.writePhase(phase, dms);
      apply(dms, spec, version);
      if (phase == history.phases() - 2 && type == TableType.MERGE_ON_READ) {
        compact(spec, version);
      }
    }
    if (type == TableType.COPY_ON_WRITE) {
      clean(spec, version);
      return List.of(new Table(name, type, version, spec.basePath(), List.of(Read.snapshot(spec.basePath()))));
    }
    assertThat(files(spec.basePath(), ".log.")).as("%s ends with log files on top of its base files", name)
        .isNotEmpty();
    Path compacted = tmp.resolve("lake").resolve(name + "_compacted");
    copyTree(Path.of(spec.basePath()), compacted);
    TableSpec compactedSpec = spec.toBuilder().basePath(compacted.toString()).build();
    compact(compactedSpec, version);
    clean(compactedSpec, version);
    clean(spec, version);
    return List.of(new Table(name + "_logs", type, version, spec.basePath(), List.of(Read.snapshot(spec.basePath()))),
        new Table(name + "_compacted", type, version, compacted.toString(),
            List.of(Read.snapshot(compacted.toString()), Read.readOptimized(compacted.toString()))));
  }

  private static void start(Reader reader, List<Table> tables) {
    List<Read> reads = new ArrayList<>();
    tables.forEach(t -> reads.addAll(t.reads()));
    READS.put(reader.name(), CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      Map<Read, Result> results = reader.read(reads);
      System.out.printf("  %s read %d tables in %d s%n", reader.name(), tables.size(),
          (System.nanoTime() - start) / 1_000_000_000L);
      return results;
    }, pool));
  }

  /** Every read of {@code reader} must have given exactly the expected rows. */
  private static void check(String reader) {
    Map<Read, Result> results = READS.get(reader).join();
    Map<String, String> tableOf = new LinkedHashMap<>();
    TABLES.forEach(t -> t.reads().forEach(r -> tableOf.put(r.basePath(), t.name())));
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<Read, Result> e : results.entrySet()) {
      String what = reader + " " + e.getKey().query() + " of " + tableOf.get(e.getKey().basePath());
      Result result = e.getValue();
      if (result.failed()) {
        System.out.println("  " + what + ": FAILED " + result.error());
        softly.fail(what + " failed: " + result.error());
        continue;
      }
      List<String> diff = IndependentReaders.differences(history.expectedFinal(), result.rows(), "ID",
          DmsHistory.COMPARED);
      System.out.println("  " + what + ": " + result.rows().size() + " rows, " + diff.size() + " differences");
      if (!diff.isEmpty()) {
        softly.fail(what + ": " + diff.size() + " differences from the expected " + history.expectedFinal().size()
            + " rows, first ones:\n  " + String.join("\n  ", diff.subList(0, Math.min(10, diff.size()))));
      }
    }
    softly.assertAll();
  }

  // ---- writing and maintaining the tables with Lakesmith's public API ----

  private static void apply(Path dms, TableSpec spec, TableVersion version) {
    ApplyResult r = DmsApply.from(dms.toString()).table(spec).timestampColumn("TS")
        .csv(CsvOptions.builder().header(HeaderMode.PRESENT).build())
        .writeOptions(HudiWriteOptions.builder().tableVersion(version).build())
        .execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
  }

  private static HudiMaintenance maintenance(TableSpec spec, TableVersion version) {
    return HudiMaintenance.forTable(spec,
        HudiWriteOptions.builder().orderingField("_lake_seq").tableVersion(version).build(), AwsSettings.defaults());
  }

  private static void compact(TableSpec spec, TableVersion version) {
    try (HudiMaintenance m = maintenance(spec, version)) {
      HudiServiceResult r = m.compact().execute();
      assertThat(r.didWork()).as("compaction of %s: %s", spec.basePath(), r).isTrue();
    }
  }

  private static void clean(TableSpec spec, TableVersion version) {
    try (HudiMaintenance m = maintenance(spec, version)) {
      m.clean().retainCommits(1).execute();
    }
  }

  private static List<Path> files(String base, String nameContains) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(base))) {
      return s.filter(p -> !p.toString().contains("/.hoodie/"))
          .filter(p -> p.getFileName().toString().contains(nameContains)).toList();
    }
  }

  private static int tableVersion(String base) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(base, ".hoodie", "hoodie.properties"))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Integer.parseInt(p.getProperty("hoodie.table.version"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

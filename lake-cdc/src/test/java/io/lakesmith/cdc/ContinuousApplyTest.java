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

import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.testing.IndependentReaders;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuous mode: files applied as they arrive, kill and restart, stop during a commit, one table failing. */
class ContinuousApplyTest {

  private static final Duration POLL = Duration.ofMillis(400);
  private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

  @TempDir
  Path tmp;

  private DmsFixture dms;

  @BeforeEach
  void source() {
    dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000", "3,c,1.00,d,2025-01-01 00:00:00.000000");
  }

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  /** A CDC file in the date folder of {@code time}, named with {@code time} as DMS does. */
  private Path cdc(String table, LocalDateTime time, String... rows) {
    String rel = "app/" + table + "/" + FOLDER.format(time) + "/" + NAME.format(time) + ".csv";
    List<String> lines = new ArrayList<>();
    lines.add(Specs.CDC_HEADER);
    lines.addAll(List.of(rows));
    return dms.write(rel, lines.toArray(String[]::new));
  }

  private static LocalDateTime nowUtc() {
    return LocalDateTime.now(ZoneOffset.UTC);
  }

  private static void waitFor(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static boolean applied(ContinuousApply c, String table, Path file) {
    return c.status(table).lastReport().map(r -> r.inputs().stream().anyMatch(i -> i.endsWith(file.toString())))
        .orElse(false) && c.status(table).pendingFiles() == 0;
  }

  @Test
  void filesDroppedWhileItRunsAreAppliedWithinTwoPollsAndLagIsMeasured() throws Exception {
    String base = base("people");
    List<String> changedWarnings = new CopyOnWriteArrayList<>();
    ApplyListener warnings = new ApplyListener() {
      @Override
      public void tableFinished(String table, RunReport report) {
        report.warnings().stream().filter(w -> w.contains("changed since")).forEach(changedWarnings::add);
      }
    };
    try (ContinuousApply c = Specs.apply(dms, Specs.cow(base)).listener(warnings).continuous(POLL)) {
      waitFor("the full load", Duration.ofSeconds(60), () -> c.status("app.people").commits() >= 1);
      List<Long> latencies = new ArrayList<>();
      List<Long> pollsTaken = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long pollsBefore = c.status("app.people").polls();
        long dropped = System.nanoTime();
        Path f = cdc("people", nowUtc(), "U,1,a" + i + ",2.00,d,2025-01-02 00:00:0" + i + ".000000",
            "I," + (10 + i) + ",n" + i + ",1.00,d,2025-01-02 00:00:0" + i + ".000001");
        waitFor(f + " applied", Duration.ofSeconds(60), () -> applied(c, "app.people", f));
        latencies.add((System.nanoTime() - dropped) / 1_000_000);
        // the poll in progress when it was dropped, then the poll that saw it growing, then the one applying it
        pollsTaken.add(c.status("app.people").polls() - pollsBefore);
        assertThat(c.status("app.people").polls() - pollsBefore).as("polls until applied").isLessThanOrEqualTo(3);
      }
      Duration lag = c.lag("app.people").orElseThrow();
      ContinuousApply.TableStatus s = c.status("app.people");
      System.out.printf("continuous: drop-to-commit latency %s ms (poll %d ms), polls per file %s, lag %d ms,"
          + " last listing %d objects in %.2f ms, listing starts after %s%n", latencies, POLL.toMillis(), pollsTaken,
          lag.toMillis(), s.lastListedObjects(), s.lastListing().toNanos() / 1e6, s.listingStartsAfter().orElse("-"));
      assertThat(lag).isLessThan(Duration.ofSeconds(30));
      // the incremental listing starts at the newest date folder: the LOAD file's folder is not re-listed
      assertThat(s.listingStartsAfter()).hasValueSatisfying(k -> assertThat(k).endsWith(FOLDER.format(nowUtc())));

      // a file still being written is not applied until it stops growing
      LocalDateTime t = nowUtc().plusSeconds(1);
      Path growing = dms.root.resolve("app/people/" + FOLDER.format(t) + "/" + NAME.format(t) + ".csv");
      Files.createDirectories(growing.getParent());
      try (Writer w = Files.newBufferedWriter(growing, StandardCharsets.UTF_8)) {
        w.write(Specs.CDC_HEADER + "\n");
        for (int i = 0; i < 8; i++) {
          w.write("I," + (100 + i) + ",g" + i + ",1.00,d,2025-01-03 00:00:0" + i + ".000000\n");
          w.flush();
          Thread.sleep(POLL.toMillis() / 2);
        }
      }
      waitFor("the grown file", Duration.ofSeconds(60), () -> applied(c, "app.people", growing));
    }
    assertThat(changedWarnings).as("a growing file applied before it was complete").isEmpty();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsKeys("1", "10", "11", "12", "100", "107").hasSize(3 + 3 + 8);
    assertThat(DmsFixture.s(rows.get("1"), "NAME")).isEqualTo("a2");
    assertThat(TableLease.lockObject(base).localPath()).doesNotExist();
  }

  /** Writes a history of {@code files} CDC files (date folders over several days) and returns the expected names. */
  private Map<String, String> history(String table, int files, long seed) {
    Random r = new Random(seed);
    Map<String, String> expected = new TreeMap<>();
    expected.put("1", "a");
    expected.put("2", "b");
    expected.put("3", "c");
    LocalDateTime t = LocalDateTime.of(2025, 1, 1, 10, 0);
    int seq = 0;
    for (int f = 0; f < files; f++) {
      t = t.plusHours(9);
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String id = Integer.toString(1 + r.nextInt(12));
        seq++;
        String ts = String.format("2025-02-01 00:00:00.%06d", seq);
        if (r.nextInt(5) == 0 && expected.containsKey(id)) {
          rows.add("D," + id + ",x,1.00,d," + ts);
          expected.remove(id);
        } else {
          String name = "n" + seq;
          rows.add((expected.containsKey(id) ? "U," : "I,") + id + "," + name + ",1.00,d," + ts);
          expected.put(id, name);
        }
      }
      cdc(table, t, rows.toArray(String[]::new));
    }
    return expected;
  }

  private static Map<String, String> names(String base) {
    Map<String, String> out = new TreeMap<>();
    DmsFixture.read(base, "ID").forEach((k, v) -> out.put(k, DmsFixture.s(v, "NAME")));
    return out;
  }

  @Test
  void killAndRestartLosesAndDuplicatesNothing() throws Exception {
    Map<String, String> expected = history("people", 12, 42);
    String serial = base("serial");
    assertThat(Specs.apply(dms, Specs.cow(serial)).maxRowsPerCommit(3).execute().succeeded()).isTrue();
    assertThat(names(serial)).isEqualTo(expected);

    String base = base("killed");
    Random r = new Random(7);
    int kills = 0;
    for (int round = 0; round < 4; round++) {
      ContinuousApply c = Specs.apply(dms, Specs.cow(base)).maxRowsPerCommit(3).lockLease(Duration.ofSeconds(2))
          .continuous(ContinuousOptions.builder().pollInterval(POLL).lockWait(Duration.ofSeconds(10)).build());
      Thread.sleep(300 + r.nextInt(2500));
      c.stopNow();
      assertThat(c.await(Duration.ofSeconds(60))).isTrue();
      kills++;
    }
    // a final run that is left to finish
    try (ContinuousApply c = Specs.apply(dms, Specs.cow(base)).maxRowsPerCommit(3).lockLease(Duration.ofSeconds(2))
        .continuous(ContinuousOptions.builder().pollInterval(POLL).lockWait(Duration.ofSeconds(10)).build())) {
      waitFor("the rest", Duration.ofSeconds(120), () -> c.status("app.people").applies() >= 1
          && c.status("app.people").pendingFiles() == 0 && c.status("app.people").consecutiveFailures() == 0
          && c.status("app.people").lastReport().map(rep -> rep.status() != RunReport.Status.FAILED).orElse(false));
    }
    System.out.println("continuous kill/restart: " + kills + " abrupt stops, then converged");
    assertThat(names(base)).isEqualTo(expected); // DmsFixture.read fails on a duplicate key
    List<Map<String, String>> independent = IndependentReaders.hudiRs().snapshot(base);
    Map<String, String> independentNames = new TreeMap<>();
    independent.forEach(row -> assertThat(independentNames.put(row.get("ID"), row.get("NAME"))).isNull());
    assertThat(independentNames).isEqualTo(expected);
  }

  @Test
  void stopDuringACommitFinishesItReleasesTheLeaseAndARestartConverges() throws Exception {
    Map<String, String> expected = history("people", 6, 3);
    String base = base("stopped");
    AtomicReference<ContinuousApply> handle = new AtomicReference<>();
    AtomicInteger commitsBeforeStop = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ApplyListener stopInSecondCommit = new ApplyListener() {
      @Override
      public void beforeCommit(String table, String instant, long records) {
        if (commitsBeforeStop.incrementAndGet() == 2) {
          while (handle.get() == null) {
            Thread.onSpinWait();
          }
          handle.get().stop(); // Hudi has written the batch: the commit is finished, then the apply ends
        }
      }

      @Override
      public void commitDone(String table, CommitSummary commit) {
        done.incrementAndGet();
      }
    };
    ContinuousApply c = Specs.apply(dms, Specs.cow(base)).maxRowsPerCommit(3).listener(stopInSecondCommit)
        .continuous(POLL);
    handle.set(c);
    assertThat(c.await(Duration.ofSeconds(60))).isTrue();
    assertThat(done.get()).as("the commit in progress when stopped completed").isEqualTo(2);
    assertThat(DmsFixture.commits(base, "ID")).isEqualTo(2);
    assertThat(c.status("app.people").lastReport().orElseThrow().warnings()).contains(ContinuousApply.STOPPED);
    assertThat(TableLease.lockObject(base).localPath()).as("lease released").doesNotExist();

    try (ContinuousApply again = Specs.apply(dms, Specs.cow(base)).maxRowsPerCommit(3).continuous(POLL)) {
      waitFor("the rest", Duration.ofSeconds(60), () -> again.status("app.people").applies() >= 1
          && again.status("app.people").pendingFiles() == 0);
    }
    assertThat(names(base)).isEqualTo(expected);
  }

  @Test
  void anErrorOnOneTableDoesNotStopTheOthersAndItRecovers() throws Exception {
    dms.write("app/orders/LOAD00000001.csv", Specs.HEADER, "1,o1,1.00,d,2025-01-01 00:00:00.000000");
    String people = base("people");
    String orders = base("orders");
    // the orders table cannot be written: a plain file where its folder must go
    Files.createDirectories(Path.of(orders).getParent());
    Files.writeString(Path.of(orders), "in the way");
    DmsApply apply = DmsApply.from(dms.root.toString()).timestampColumn("TS")
        .csv(CsvOptions.builder().header(HeaderMode.PRESENT).build())
        .table(Specs.cow(people))
        .table(Specs.people(orders).table("orders").build())
        .lock(LockOptions.defaults());
    try (ContinuousApply c = apply.continuous(ContinuousOptions.builder().pollInterval(POLL)
        .maxBackoff(Duration.ofSeconds(1)).build())) {
      waitFor("orders failing twice", Duration.ofSeconds(60),
          () -> c.status("app.orders").consecutiveFailures() >= 2);
      assertThat(c.status("app.orders").lastError()).isPresent();
      Path f = cdc("people", nowUtc(), "I,20,p20,1.00,d,2025-01-02 00:00:00.000000");
      waitFor("people applied while orders fails", Duration.ofSeconds(60), () -> applied(c, "app.people", f));
      assertThat(c.status("app.orders").consecutiveFailures()).isGreaterThan(0);

      Files.delete(Path.of(orders)); // the transient problem goes away
      waitFor("orders recovered", Duration.ofSeconds(60), () -> c.status("app.orders").commits() >= 1
          && c.status("app.orders").consecutiveFailures() == 0);
    }
    assertThat(DmsFixture.read(people, "ID")).containsKeys("1", "2", "3", "20");
    assertThat(DmsFixture.read(orders, "ID")).containsOnlyKeys("1");
  }

  @Test
  void lockedTableIsWaitedForNotFailed() throws Exception {
    String base = base("held");
    Files.createDirectories(Path.of(base));
    // another writer holds the table for a moment; continuous mode waits by default
    TableLease other = TableLease.acquire(base, io.lakesmith.core.aws.AwsSettings.defaults(), "app.people",
        LockOptions.defaults());
    Map<String, Duration> waits = new LinkedHashMap<>();
    ApplyListener waitsSeen = new ApplyListener() {
      @Override
      public void lockWaited(String table, Duration waited, boolean acquired) {
        if (acquired) {
          waits.put(table, waited);
        }
      }
    };
    try (ContinuousApply c = Specs.apply(dms, Specs.cow(base)).listener(waitsSeen).continuous(POLL)) {
      Thread.sleep(1500);
      assertThat(c.status("app.people").commits()).isZero();
      other.close();
      waitFor("applied after the other writer", Duration.ofSeconds(60), () -> c.status("app.people").commits() >= 1);
      assertThat(c.status("app.people").consecutiveFailures()).isZero();
    }
    assertThat(waits.get("app.people")).isGreaterThan(Duration.ofSeconds(1));
    assertThat(DmsFixture.read(base, "ID")).hasSize(3);
  }

  @Test
  void maintenanceRunsOnScheduleBetweenAppliesOutsideTheLease() throws Exception {
    String base = base("maintained");
    List<String> runs = new CopyOnWriteArrayList<>();
    ContinuousOptions options = ContinuousOptions.builder().pollInterval(Duration.ofMillis(200))
        .maintenance(Duration.ofMillis(300), table -> {
          // the apply of this table is not running: its writer lease is free for the maintenance to take
          try (TableLease l = TableLease.acquire(table.basePath(), io.lakesmith.core.aws.AwsSettings.defaults(),
              table.identifier(), LockOptions.defaults())) {
            runs.add(table.identifier() + " held=" + l.isHeld());
          }
          if (runs.size() == 2) {
            throw new IllegalStateException("injected maintenance failure");
          }
        }).build();
    try (ContinuousApply c = Specs.apply(dms, Specs.cow(base)).continuous(options)) {
      waitFor("three maintenance runs", Duration.ofSeconds(60), () -> runs.size() >= 3);
      assertThat(c.status("app.people").commits()).isGreaterThanOrEqualTo(1);
      assertThat(c.status("app.people").consecutiveFailures()).isZero();
    }
    assertThat(runs).allSatisfy(r -> assertThat(r).endsWith("held=true"));
    assertThat(DmsFixture.read(base, "ID")).hasSize(3);
  }

  @Test
  void withoutASweepAtStartATableStartsFromItsCheckpointsNewestDateFolder() throws Exception {
    Map<String, String> expected = history("people", 8, 11);
    String base = base("restarted");
    assertThat(Specs.apply(dms, Specs.cow(base)).execute().succeeded()).isTrue();
    int filesBefore;
    try (var files = Files.walk(dms.root)) {
      filesBefore = (int) files.filter(Files::isRegularFile).count();
    }
    // the history's newest file is in 2025/01/04; one more arrives there, and one late in 2025/01/02
    Path next = cdc("people", LocalDateTime.of(2025, 1, 4, 23, 0), "I,50,new,1.00,d,2025-02-02 00:00:00.000000");
    Files.setLastModifiedTime(next, java.nio.file.attribute.FileTime.fromMillis(0)); // written long ago: stable
    Path late = cdc("people", LocalDateTime.of(2025, 1, 2, 23, 0), "I,51,late,1.00,d,2025-02-02 00:00:00.000001");
    Files.setLastModifiedTime(late, java.nio.file.attribute.FileTime.fromMillis(0));
    ContinuousOptions options = ContinuousOptions.builder().pollInterval(POLL).sweepAtStart(false).build();
    try (ContinuousApply c = Specs.apply(dms, Specs.cow(base)).continuous(options)) {
      // by the table's newest applied DMS time (the new file's), not by the last report: a later poll may replace it
      java.time.Instant newest = java.time.Instant.parse("2025-01-04T23:00:00Z");
      waitFor("the new file", Duration.ofSeconds(60),
          () -> c.status("app.people").newestApplied().filter(newest::equals).isPresent());
      ContinuousApply.TableStatus s = c.status("app.people");
      assertThat(c.sweeps()).isZero();
      assertThat(s.listingStartsAfter()).hasValueSatisfying(k -> assertThat(k).endsWith("app/people/2025/01/04"));
      // of the history's 9 files, the poll lists the newest folder's 2 (plus the new one) and the full-load file
      assertThat(filesBefore).isEqualTo(9);
      assertThat(s.lastListedObjects()).isEqualTo(4);
      assertThat(s.newestApplied()).hasValue(java.time.Instant.parse("2025-01-04T23:00:00Z"));
    }
    Map<String, String> names = names(base);
    expected.put("50", "new");
    assertThat(names).as("the late file waits for the first sweep").isEqualTo(expected);
  }
}

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

import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.IndependentReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericRecord;

/**
 * The arrival-order property: a generated {@link DmsHistory} delivered in a random order, split over a random number
 * of applies (random commit sizes, and crashes before or after a random commit followed by a re-run), gives the
 * table that applying every file at once gives, which in turn equals the history's in-order result computed by the
 * model. Runs on a partitioned table (global index, so partition moves are exercised) of either type.
 *
 * <p>Reproducing a failure: every assertion message names the history seed, the order seed and the table type;
 * {@code -Dlakesmith.test.historySeed=<history seed> -Dlakesmith.test.seed=<order seed> -Dlakesmith.test.orders=1}
 * replays it (see {@link ArrivalOrderPropertyTest}).
 */
final class ArrivalOrderProperty {

  /** Seeds of the orders run by default; {@code lakesmith.test.seed} replaces the first. */
  static final long BASE_SEED = 0x5EED_0010L;

  private final Path tmp;
  private final TableType type;
  private final DmsHistory history;
  private final Map<String, String> reference;
  private final int maxParts;
  private final List<String> tables = new ArrayList<>();
  int applies;
  int crashes;
  int commits;

  ArrivalOrderProperty(Path tmp, TableType type, long historySeed, int cdcFiles, int maxParts) {
    this.tmp = tmp;
    this.type = type;
    this.maxParts = maxParts;
    this.history = new DmsHistory(historySeed, cdcFiles);
    assertThat(history.cdcFileCount()).isGreaterThanOrEqualTo(20);
    assertThat(history.deletes).isPositive();
    assertThat(history.moves).isPositive();
    // the all-at-once table: every file present, one apply, one commit
    DmsFixture all = new DmsFixture(tmp.resolve("all-" + type));
    history.files.forEach(f -> all.write(f.path(), f.lines().toArray(new String[0])));
    String base = tmp.resolve("lake").resolve("all-" + type).toString();
    ApplyResult r = Specs.apply(all, spec(base)).maxRowsPerCommit(1_000_000).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    this.reference = values(base);
    assertThat(modelView(reference)).as("all-at-once table vs the model's in-order result (history seed %s)",
        historySeed).isEqualTo(history.expected);
  }

  TableSpec spec(String base) {
    return Specs.people(base).partitionBy("DEPT").type(type).build();
  }

  /** The table of one random arrival order; returns a description of what was done (for failure messages). */
  String runOrder(long seed) {
    Random random = new Random(seed);
    List<DmsHistory.File> order = new ArrayList<>(history.files);
    Collections.shuffle(order, random);
    int n = order.size();
    int parts = 1 + random.nextInt(Math.min(maxParts, n));
    List<Integer> cuts = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      cuts.add(i);
    }
    Collections.shuffle(cuts, random);
    List<Integer> ends = new ArrayList<>(cuts.subList(0, parts - 1));
    ends.add(n);
    Collections.sort(ends);

    String name = type + "-" + Long.toHexString(seed);
    DmsFixture dms = new DmsFixture(tmp.resolve("dms-" + name));
    String base = tmp.resolve("lake").resolve(name).toString();
    StringBuilder what = new StringBuilder("order seed " + seed + " (" + type + ", history seed " + history.seed
        + "; replay: -Dlakesmith.test.historySeed=" + history.seed + " -Dlakesmith.test.seed=" + seed
        + " -Dlakesmith.test.orders=1):");
    int from = 0;
    for (int end : ends) {
      List<String> delivered = new ArrayList<>();
      for (DmsHistory.File f : order.subList(from, end)) {
        dms.write(f.path(), f.lines().toArray(new String[0]));
        delivered.add(f.path().substring(f.path().lastIndexOf('/') + 1));
      }
      from = end;
      int perCommit = random.nextInt(3) == 0 ? 4 + random.nextInt(20) : 1_000_000;
      Crash crash = random.nextInt(4) == 0 ? new Crash(random.nextBoolean(), 1 + random.nextInt(2)) : null;
      what.append(" [").append(String.join(" ", delivered)).append("] perCommit=").append(perCommit)
          .append(crash == null ? "" : " crash " + crash);
      ApplyResult r = apply(dms, base, perCommit, crash);
      if (crash != null && crash.fired) {
        crashes++;
        assertThat(r.succeeded()).as(what.toString()).isFalse();
        r = apply(dms, base, perCommit, null);
      }
      assertThat(r.succeeded()).as(what + "\n" + r.report().toJson()).isTrue();
    }
    Map<String, String> got = values(base);
    assertThat(differences(got, reference)).as(what.toString()).isEmpty();
    tables.add(base);
    return what.toString();
  }

  private ApplyResult apply(DmsFixture dms, String base, int perCommit, Crash crash) {
    applies++;
    AtomicInteger done = new AtomicInteger();
    ApplyListener counting = new ApplyListener() {
      @Override
      public void beforeCommit(String table, String instant, long records) {
        if (crash != null) {
          crash.beforeCommit(table, instant, records);
        }
      }

      @Override
      public void commitDone(String table, CommitSummary commit) {
        done.incrementAndGet();
        if (crash != null) {
          crash.commitDone(table, commit);
        }
      }
    };
    ApplyResult r = Specs.apply(dms, spec(base)).maxRowsPerCommit(perCommit).listener(counting).execute();
    commits += done.get();
    return r;
  }

  /** Every row's columns, including the sequence, for comparing two tables written by the engine. */
  static Map<String, String> values(String base) {
    Map<String, String> out = new TreeMap<>();
    DmsFixture.read(base, "ID").forEach((id, r) -> out.put(id, String.join("|", DmsFixture.s(r, "NAME"),
        decimal(r), DmsFixture.s(r, "DEPT"), String.valueOf(r.getSchema().getField("EXTRA") == null ? null : DmsFixture.s(r, "EXTRA")), DmsFixture.s(r, "_lake_op"),
        DmsFixture.s(r, "_lake_seq"), DmsFixture.s(r, "TS"))));
    return out;
  }

  private static String decimal(GenericRecord r) {
    Object v = r.get("AMT");
    return v == null ? null : ColumnType.decimalValue(v, r.getSchema().getField("AMT").schema()).toPlainString();
  }

  /** The model's view of a values() map: NAME|AMT|DEPT|EXTRA|op. */
  private static Map<String, String> modelView(Map<String, String> values) {
    Map<String, String> out = new TreeMap<>();
    values.forEach((id, v) -> {
      String[] p = v.split("\\|", -1);
      out.put(id, String.join("|", p[0], p[1], p[2], p[3], p[4]));
    });
    return out;
  }

  /**
   * Reads every table {@link #runOrder} built with hudi-rs (one process for all) and checks each against the
   * all-at-once table: a reader that is not Lakesmith's sees the same rows, merge-on-read logs and delete blocks
   * included.
   */
  void checkWithHudiRs() {
    Map<String, Map<String, String>> expected = new TreeMap<>();
    reference.forEach((id, v) -> {
      String[] p = v.split("\\|", -1);
      Map<String, String> row = new java.util.LinkedHashMap<>();
      row.put("ID", id);
      row.put("NAME", p[0]);
      row.put("AMT", p[1]);
      row.put("DEPT", p[2]);
      row.put("EXTRA", p[3].equals("null") ? null : p[3]);
      row.put("_lake_op", p[4]);
      row.put("_lake_seq", p[5]);
      row.put("TS", p[6]);
      expected.put(id, row);
    });
    List<IndependentReaders.Read> reads = tables.stream().map(IndependentReaders.Read::snapshot).toList();
    Map<IndependentReaders.Read, IndependentReaders.Result> results = IndependentReaders.hudiRs().read(reads);
    results.forEach((read, result) -> {
      assertThat(result.failed()).as("hudi-rs %s: %s", read, result.error()).isFalse();
      assertThat(IndependentReaders.differences(expected, result.rows(), "ID",
          List.of("ID", "NAME", "AMT", "DEPT", "EXTRA", "_lake_op", "_lake_seq", "TS")))
          .as("hudi-rs %s (%s, history seed %s)", read, type, history.seed).isEmpty();
    });
  }

  int tablesBuilt() {
    return tables.size();
  }

  DmsHistory history() {
    return history;
  }

  /** The rows that differ, one line each: key, what this order gave, what all-at-once gave. */
  static List<String> differences(Map<String, String> got, Map<String, String> want) {
    List<String> out = new ArrayList<>();
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(got.keySet());
    keys.addAll(want.keySet());
    for (String k : keys) {
      if (!java.util.Objects.equals(got.get(k), want.get(k))) {
        out.add("ID " + k + ": got " + got.get(k) + ", all-at-once " + want.get(k));
      }
    }
    return out;
  }

  /** Throws once, at the n-th commit: before it (the write is left inflight) or after it. */
  static final class Crash implements ApplyListener {
    private final boolean beforeCommit;
    private final int at;
    private int seen;
    boolean fired;

    Crash(boolean beforeCommit, int at) {
      this.beforeCommit = beforeCommit;
      this.at = at;
    }

    @Override
    public void beforeCommit(String table, String instant, long records) {
      if (beforeCommit && ++seen == at) {
        fired = true;
        throw new IllegalStateException("injected crash before commit " + instant);
      }
    }

    @Override
    public void commitDone(String table, CommitSummary commit) {
      if (!beforeCommit && ++seen == at) {
        fired = true;
        throw new IllegalStateException("injected crash after commit " + commit.instant());
      }
    }

    @Override
    public String toString() {
      return (beforeCommit ? "before" : "after") + " commit " + at;
    }
  }
}

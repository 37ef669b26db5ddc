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

import io.lakesmith.cdc.internal.apply.DeleteLedger;
import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files that arrive after newer ones were applied: a change older than an applied delete of its key stays deleted
 * (delete ledger), within the retention horizon; an older update never overwrites a newer one, also across a
 * partition move on merge-on-read.
 */
class DmsApplyLateDeliveryTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  @TempDir
  Path tmp;

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  private static DmsApply apply(DmsFixture dms, TableSpec spec, Instant now) {
    return Specs.apply(dms, spec).clock(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static TableSpec spec(String base, TableType type, boolean partitioned) {
    TableSpec.Builder b = Specs.people(base).type(type);
    return (partitioned ? b.partitionBy("DEPT") : b).build();
  }

  static List<Object[]> shapes() {
    List<Object[]> out = new ArrayList<>();
    for (TableType t : TableType.values()) {
      out.add(new Object[] {t, false});
      out.add(new Object[] {t, true});
    }
    return out;
  }

  @ParameterizedTest(name = "{0} partitioned={1}")
  @org.junit.jupiter.params.provider.MethodSource("shapes")
  void anInsertOlderThanAnAppliedDeleteDoesNotBringTheRowBack(TableType type, boolean partitioned) {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    // the newer file (delete of 1, key-only) is delivered and applied first
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "D,1,,,,2025-01-01 11:00:00.000000",
        "U,2,b-new,2.00,hr,2025-01-01 11:00:01.000000");
    String base = base(type + "-" + partitioned);
    TableSpec spec = spec(base, type, partitioned);
    assertThat(apply(dms, spec, NOW).execute().succeeded()).isTrue();

    // the older file (insert of 1 and of 2, then an insert of 3) arrives late
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "I,1,a,1.00,sales,2025-01-01 10:00:00.000000",
        "I,2,b-old,1.00,sales,2025-01-01 10:00:01.000000", "I,3,c,1.00,sales,2025-01-01 10:00:02.000000");
    ApplyResult r = apply(dms, spec, NOW.plus(Duration.ofHours(1))).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    RunReport t = r.table("app.people");
    assertThat(t.counter(TableApplier.LATE_FILES)).isEqualTo(1);
    assertThat(t.counter(TableApplier.ROWS_OLDER_THAN_DELETE)).isEqualTo(1);

    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("2", "3");
    assertThat(s(rows.get("2"), "NAME")).isEqualTo("b-new");
    assertThat(s(rows.get("2"), "DEPT")).isEqualTo("hr");
    // and the table is the one delivery in order gives
    DmsFixture inOrder = new DmsFixture(tmp.resolve("in-order"));
    inOrder.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "I,1,a,1.00,sales,2025-01-01 10:00:00.000000", "I,2,b-old,1.00,sales,2025-01-01 10:00:01.000000",
        "I,3,c,1.00,sales,2025-01-01 10:00:02.000000");
    inOrder.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "D,1,,,,2025-01-01 11:00:00.000000",
        "U,2,b-new,2.00,hr,2025-01-01 11:00:01.000000");
    String ordered = base("ordered-" + type + "-" + partitioned);
    assertThat(apply(inOrder, spec(ordered, type, partitioned), NOW).execute().succeeded()).isTrue();
    assertThat(ArrivalOrderProperty.values(base)).isEqualTo(ArrivalOrderProperty.values(ordered));
  }

  @Test
  void aDeleteOlderThanTheRowDoesNotRemoveItAndAnInsertNewerThanTheDeleteComesBack() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    // I(10:00) D(11:00) I(12:00) of key 7, delivered last-first
    dms.write("app/people/20250101-120000000.csv", Specs.CDC_HEADER, "I,7,third,3.00,d,2025-01-01 12:00:00.000000");
    String base = base("idi");
    assertThat(apply(dms, Specs.cow(base), NOW).execute().succeeded()).isTrue();
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "D,7,,,,2025-01-01 11:00:00.000000");
    assertThat(apply(dms, Specs.cow(base), NOW).execute().succeeded()).isTrue();
    assertThat(s(DmsFixture.read(base, "ID").get("7"), "NAME")).isEqualTo("third");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "I,7,first,1.00,d,2025-01-01 10:00:00.000000");
    assertThat(apply(dms, Specs.cow(base), NOW).execute().succeeded()).isTrue();
    assertThat(s(DmsFixture.read(base, "ID").get("7"), "NAME")).isEqualTo("third");
  }

  @Test
  void afterTheRetentionHorizonTheLedgerForgetsAndTheLateRowComesBack() throws Exception {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "D,1,,,,2025-01-01 11:00:00.000000");
    String base = base("horizon");
    assertThat(apply(dms, Specs.cow(base), NOW).deleteRetention(Duration.ofDays(2)).execute().succeeded()).isTrue();
    Path ledger = Path.of(base).resolve(DeleteLedger.FOLDER);
    assertThat(segments(ledger)).hasSize(1);

    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "I,1,a,1.00,d,2025-01-01 10:00:00.000000");
    // just inside the horizon: dropped ... (re-delivered below as a rewritten file once the horizon passed)
    ApplyResult within = apply(dms, Specs.cow(base), NOW.plus(Duration.ofDays(2)).minusSeconds(1))
        .deleteRetention(Duration.ofDays(2)).execute();
    assertThat(within.table("app.people").counter(TableApplier.ROWS_OLDER_THAN_DELETE)).isEqualTo(1);
    assertThat(DmsFixture.read(base, "ID")).isEmpty();

    dms.write("app/people/20250101-103000000.csv", Specs.CDC_HEADER, "I,1,a,1.00,d,2025-01-01 10:30:00.000000");
    ApplyResult after = apply(dms, Specs.cow(base), NOW.plus(Duration.ofDays(2)).plusSeconds(1))
        .deleteRetention(Duration.ofDays(2)).execute();
    assertThat(after.succeeded()).isTrue();
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1"); // documented limit: beyond the horizon
    assertThat(segments(ledger)).as("expired segment removed").isEmpty();
  }

  @Test
  void anOlderUpdateInTheOldPartitionNeverOverwritesANewerMoveOnMergeOnRead() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,sales,2025-01-01 00:00:00.000000",
        "2,b,1.00,sales,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-120000000.csv", Specs.CDC_HEADER, "U,1,moved,2.00,hr,2025-01-01 12:00:00.000000");
    String base = base("move");
    TableSpec spec = Specs.partitioned(base, TableType.MERGE_ON_READ);
    assertThat(apply(dms, spec, NOW).execute().succeeded()).isTrue();
    // older updates: one in the old partition, one moving to a third partition
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "U,1,older,3.00,sales,2025-01-01 11:00:00.000000",
        "U,1,older-move,4.00,it,2025-01-01 11:00:01.000000");
    assertThat(apply(dms, spec, NOW).execute().succeeded()).isTrue();
    List<GenericRecord> all = io.lakesmith.core.internal.hudi.HudiTableReader.of(base,
        io.lakesmith.core.aws.AwsSettings.defaults()).read();
    assertThat(all).hasSize(2);
    GenericRecord one = all.stream().filter(r -> "1".equals(String.valueOf(r.get("ID")))).findFirst().orElseThrow();
    assertThat(s(one, "NAME")).isEqualTo("moved");
    assertThat(s(one, "_hoodie_partition_path")).isEqualTo("DEPT=hr");
  }

  @Test
  void manySegmentsAreMergedAndExpiredEntriesDropped() {
    Path root = tmp.resolve("ledger");
    StorageLocation table = StorageLocation.parse(root.toString());
    try (ObjectStore store = ObjectStores.open(table, io.lakesmith.core.aws.AwsSettings.defaults())) {
      DeleteLedger l = DeleteLedger.open(store, table, Duration.ofDays(7), NOW);
      l.record(List.of(new DeleteLedger.Entry(DeleteLedger.keyOf(List.of("old")), "1.0000")),
          NOW.minus(Duration.ofDays(8)));
      for (int i = 0; i <= DeleteLedger.MAX_SEGMENTS; i++) {
        // key "k" deleted again and again, newer each time
        l.record(List.of(new DeleteLedger.Entry(DeleteLedger.keyOf(List.of("k")), String.format("1.%04d", i))),
            NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(i)));
      }
      assertThat(l.segmentCount()).isEqualTo(DeleteLedger.MAX_SEGMENTS + 2);
      // reopened: the 8-day-old segment is expired and removed, the 33 live ones are merged into one
      DeleteLedger reopened = DeleteLedger.open(store, table, Duration.ofDays(7), NOW);
      assertThat(reopened.segmentCount()).isEqualTo(1);
      assertThat(reopened.maxSeq()).contains(String.format("1.%04d", DeleteLedger.MAX_SEGMENTS));
      Map<String, String> newest = reopened.newestDeletes(
          java.util.Set.of(DeleteLedger.keyOf(List.of("k")), DeleteLedger.keyOf(List.of("old"))), "0");
      assertThat(newest).containsOnly(Map.entry(DeleteLedger.keyOf(List.of("k")),
          String.format("1.%04d", DeleteLedger.MAX_SEGMENTS)));
      assertThat(DeleteLedger.open(store, table, Duration.ofDays(7), NOW).segmentCount()).isEqualTo(1);
    }
  }

  private static List<Path> segments(Path ledger) throws Exception {
    if (!Files.isDirectory(ledger)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(ledger)) {
      return s.filter(p -> p.getFileName().toString().startsWith("del-")).toList();
    }
  }
}

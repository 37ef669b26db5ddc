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

import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source order is kept whatever the file names, timestamps and delivery order. */
class DmsApplyOrderingTest {

  @TempDir
  Path tmp;

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  @Test
  void hexLoadCountersOrderBeyondNineAndSixteen() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    // the same key in three full-load files: the highest hex counter is the last one written
    dms.write("app/people/LOAD00000010.csv", Specs.HEADER, "1,sixteen,1.00,a,", "16,x,1.00,a,");
    dms.write("app/people/LOAD00000009.csv", Specs.HEADER, "1,nine,1.00,a,", "9,x,1.00,a,");
    dms.write("app/people/LOAD0000000A.csv", Specs.HEADER, "1,ten,1.00,a,", "10,x,1.00,a,");
    String base = base("hex");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").inputs()).extracting(k -> k.substring(k.lastIndexOf('/') + 1))
        .containsExactly("LOAD00000009.csv", "LOAD0000000A.csv", "LOAD00000010.csv");
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "9", "10", "16");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("sixteen");
  }

  @Test
  void timestampTiesAreBrokenByFileThenRow() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,a,1.00,d,2025-01-01 00:00:00.000000");
    // two updates of key 1 at the same commit time in one file: the later row wins
    dms.write("app/people/20250101-120000100.csv", Specs.CDC_HEADER,
        "U,1,first,1.00,d,2025-01-01 12:00:00.000000", "U,1,second,1.00,d,2025-01-01 12:00:00.000000",
        "U,2,from-earlier-file,1.00,d,2025-01-01 12:00:01.000000");
    // same timestamp for key 2 in a later file: the later file wins
    dms.write("app/people/20250101-120005000.csv", Specs.CDC_HEADER,
        "U,2,from-later-file,1.00,d,2025-01-01 12:00:01.000000");
    String base = base("ties");
    assertThat(Specs.apply(dms, Specs.cow(base)).execute().succeeded()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("second");
    assertThat(s(rows.get("2"), "NAME")).isEqualTo("from-later-file");

    // the same ties split over separate runs (one commit per row) give the same answer
    String perRow = base("ties-per-row");
    assertThat(Specs.apply(dms, Specs.cow(perRow)).maxRowsPerCommit(1).execute().succeeded()).isTrue();
    assertThat(values(perRow)).isEqualTo(values(base));
  }

  @Test
  void lateFileIsAppliedReportedAndNeverOverwritesNewerChanges() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,load,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/2025/01/02/20250102-100000000.csv", Specs.CDC_HEADER,
        "U,1,newer,2.00,d,2025-01-02 10:00:00.000000");
    String base = base("late");
    assertThat(Specs.apply(dms, Specs.cow(base)).execute().succeeded()).isTrue();

    // a file with an older name shows up after the newer one was applied
    dms.write("app/people/2025/01/01/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,older,3.00,d,2025-01-01 10:00:00.000000", "I,2,late-insert,1.00,d,2025-01-01 10:00:01.000000");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(r.succeeded()).isTrue();
    RunReport t = r.table("app.people");
    assertThat(t.counter(TableApplier.LATE_FILES)).isEqualTo(1);
    assertThat(t.details()).containsKey("lateFile:2025/01/01/20250101-100000000.csv");
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("newer");
    assertThat(s(rows.get("2"), "NAME")).isEqualTo("late-insert");
  }

  @Test
  void shuffledDeliveryGivesTheSameTable() throws IOException {
    Random random = new Random(42);
    List<String[]> files = new ArrayList<>();
    long ts = 0;
    for (int f = 0; f < 8; f++) {
      List<String> lines = new ArrayList<>();
      lines.add(Specs.CDC_HEADER);
      for (int i = 0; i < 15; i++) {
        int key = random.nextInt(12);
        String op = random.nextInt(10) == 0 ? "D" : random.nextBoolean() ? "U" : "I";
        // coarse timestamps: many ties, resolved by file name and row
        String time = String.format("2025-01-01 10:%02d:00.000000", (ts++ / 7) % 60);
        lines.add(op + "," + key + ",v" + f + "-" + i + "," + (i + 1) + ".50,d," + time);
      }
      files.add(new String[] {String.format("app/people/20250101-10%02d00000.csv", f), String.join("\n", lines)});
    }
    List<String> load = new ArrayList<>();
    load.add(Specs.HEADER);
    for (int k = 0; k < 12; k += 2) {
      load.add(k + ",load,0.00,d,2025-01-01 09:00:00.000000");
    }

    DmsFixture ordered = new DmsFixture(tmp.resolve("ordered"));
    ordered.write("app/people/LOAD00000001.csv", load.toArray(new String[0]));
    files.forEach(f -> ordered.write(f[0], f[1]));
    String expectedBase = base("ordered");
    assertThat(Specs.apply(ordered, Specs.cow(expectedBase)).execute().succeeded()).isTrue();

    // written in shuffled order with shuffled modification times: listing order and mtimes must not matter
    DmsFixture shuffled = new DmsFixture(tmp.resolve("shuffled"));
    List<String[]> order = new ArrayList<>(files);
    Collections.shuffle(order, random);
    long mtime = 1_700_000_000_000L;
    for (String[] f : order) {
      Path p = shuffled.write(f[0], f[1]);
      Files.setLastModifiedTime(p, FileTime.fromMillis(mtime -= 60_000));
    }
    shuffled.write("app/people/LOAD00000001.csv", load.toArray(new String[0]));
    String shuffledBase = base("shuffled");
    assertThat(Specs.apply(shuffled, Specs.cow(shuffledBase)).maxRowsPerCommit(7).execute().succeeded()).isTrue();

    assertThat(values(shuffledBase)).isEqualTo(values(expectedBase)).isNotEmpty();
  }

  @Test
  void insertDeleteInsertOfOneKeyInOneBatchAndAcrossBatches() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "I,7,first,1.00,d,2025-01-01 10:00:00.000001",
        "D,7,first,1.00,d,2025-01-01 10:00:00.000002",
        "I,7,second,2.00,d,2025-01-01 10:00:00.000003",
        "I,8,only,1.00,d,2025-01-01 10:00:00.000004",
        "D,8,only,1.00,d,2025-01-01 10:00:00.000005");
    for (int perCommit : new int[] {100, 1}) {
      String base = base("idi-" + perCommit);
      ApplyResult r = Specs.apply(dms, Specs.cow(base)).maxRowsPerCommit(perCommit).execute();
      assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
      Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
      assertThat(rows).as("maxRowsPerCommit=%s", perCommit).containsOnlyKeys("7");
      assertThat(s(rows.get("7"), "NAME")).isEqualTo("second");
    }
  }

  @Test
  void keyOnlyDeleteRowsDeleteOnPlainAndPartitionedTables() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,sales,2025-01-01 00:00:00.000000",
        "2,b,1.00,hr,2025-01-01 00:00:00.000000", "3,c,1.00,hr,2025-01-01 00:00:00.000000");
    // PostgreSQL without REPLICA IDENTITY FULL: only the key (and DMS's own timestamp) is filled
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "D,1,,,,2025-01-01 10:00:00.000000", "D,2,,,,2025-01-01 10:00:01.000000");
    for (TableType type : TableType.values()) {
      String plain = base("keyonly-" + type);
      assertThat(Specs.apply(dms, Specs.people(plain).type(type).build()).execute().succeeded()).isTrue();
      assertThat(DmsFixture.read(plain, "ID")).containsOnlyKeys("3");
      String partitioned = base("keyonly-part-" + type);
      ApplyResult r = Specs.apply(dms, Specs.partitioned(partitioned, type)).execute();
      assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
      assertThat(DmsFixture.read(partitioned, "ID")).as("%s partitioned", type).containsOnlyKeys("3");
    }
  }

  @Test
  void partitionValueChangeMovesTheRowWithoutDuplicate() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,sales,2025-01-01 00:00:00.000000",
        "2,b,1.00,sales,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a,1.00,hr,2025-01-01 10:00:00.000000");
    for (TableType type : TableType.values()) {
      String base = base("move-" + type);
      assertThat(Specs.apply(dms, Specs.partitioned(base, type)).execute().succeeded()).isTrue();
      List<GenericRecord> all = HudiTableReader.of(base, AwsSettings.defaults()).read();
      assertThat(all).as(type.name()).hasSize(2);
      GenericRecord one = all.stream().filter(r -> "1".equals(String.valueOf(r.get("ID")))).findFirst().orElseThrow();
      assertThat(s(one, "DEPT")).isEqualTo("hr");
      assertThat(s(one, "_hoodie_partition_path")).isEqualTo("DEPT=hr");
    }
  }

  /** Every row's business columns, for comparing tables. */
  static Map<String, String> values(String base) {
    return DmsFixture.read(base, "ID").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> s(e.getValue(), "NAME") + "|" + s(e.getValue(), "AMT") + "|" + s(e.getValue(), "DEPT") + "|"
            + s(e.getValue(), "_lake_op") + "|" + s(e.getValue(), "_lake_seq"), (a, b) -> a, java.util.TreeMap::new));
  }
}

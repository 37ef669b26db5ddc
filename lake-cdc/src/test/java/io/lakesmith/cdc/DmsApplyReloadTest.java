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

import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A DMS table reload after CDC (DMS writes the table's full-load files again, from {@code LOAD00000001}) replaces
 * the table's contents as of the reload: rows absent from it are deleted, changes after it apply on top, and
 * changes older than it that arrive late are dropped. A new full-load file name arriving after changes, with no
 * full-load file rewritten, is a late file of the initial load instead.
 */
class DmsApplyReloadTest {

  @TempDir
  Path tmp;

  private DmsFixture dms;

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  private void initialLoadAndChanges() {
    dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,sales,2025-01-01 00:00:00.000000",
        "2,b,1.00,sales,2025-01-01 00:00:00.000000", "3,c,1.00,hr,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a2,2.00,sales,2025-01-01 10:00:00.000000",
        "I,4,d,1.00,hr,2025-01-01 10:00:01.000000", "D,3,,,,2025-01-01 10:00:02.000000");
  }

  /** The reload as DMS writes it after the changes above and more changes at the source (5 new, 2 gone, 4 moved). */
  private void reload() {
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a2-reloaded,2.00,sales,2025-01-02 00:00:00.000000",
        "4,d-reloaded,1.00,it,2025-01-02 00:00:00.000000", "5,e-reloaded,5.00,hr,2025-01-02 00:00:00.000000");
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void aReloadReplacesTheTableAndLaterChangesApplyOnTop(TableType type) {
    initialLoadAndChanges();
    String base = base("reload-" + type);
    TableSpec spec = Specs.partitioned(base, type);
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1", "2", "4");

    reload();
    dms.write("app/people/20250102-100000000.csv", Specs.CDC_HEADER, "U,5,e-after,6.00,hr,2025-01-02 10:00:00.000000",
        "I,6,f-after,1.00,sales,2025-01-02 10:00:01.000000");
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    RunReport t = r.table("app.people");
    assertThat(t.counter(TableApplier.RELOAD_FILES)).isEqualTo(1);
    assertThat(t.counter(TableApplier.ROWS_REPLACED_BY_RELOAD)).isEqualTo(3);

    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).as("2 is absent from the reload: deleted").containsOnlyKeys("1", "4", "5", "6");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a2-reloaded");
    assertThat(s(rows.get("4"), "DEPT")).isEqualTo("it");
    assertThat(s(rows.get("5"), "NAME")).as("a change after the reload applies on top").isEqualTo("e-after");
    assertThat(s(rows.get("6"), "NAME")).isEqualTo("f-after");
    assertThat(s(rows.get("1"), "_lake_op")).isEqualTo("L");

    // a change file older than the newest change applied before the reload, delivered late, changes nothing: the
    // reload already reflects it
    dms.write("app/people/20250101-093000000.csv", Specs.CDC_HEADER, "I,2,b-late,1.00,sales,2025-01-01 09:30:00.000000",
        "U,1,a-late,1.00,sales,2025-01-01 09:30:01.000000");
    ApplyResult late = Specs.apply(dms, spec).execute();
    assertThat(late.succeeded()).as(late.report().toJson()).isTrue();
    assertThat(late.table("app.people").counter(TableApplier.ROWS_OLDER_THAN_RELOAD)).isEqualTo(2);
    assertThat(ArrivalOrderProperty.values(base)).isEqualTo(valuesBefore(rows));

    // re-running is a no-op, and a second reload later on replaces again
    ApplyResult again = Specs.apply(dms, spec).execute();
    assertThat(again.table("app.people").counter(RunReport.COMMITS)).isZero();
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "6,f-second-reload,1.00,sales,2025-01-03 00:00:00.000000");
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("6");
  }

  private static Map<String, String> valuesBefore(Map<String, GenericRecord> rows) {
    Map<String, String> m = new java.util.TreeMap<>();
    rows.forEach((id, r) -> m.put(id, String.join("|", s(r, "NAME"),
        io.lakesmith.core.table.ColumnType.decimalValue(r.get("AMT"), r.getSchema().getField("AMT").schema())
            .toPlainString(), s(r, "DEPT"), "null", s(r, "_lake_op"), s(r, "_lake_seq"), s(r, "TS"))));
    return m;
  }

  @Test
  void aReloadSpreadOverTwoRunsKeepsTheRowsOfBothFiles() {
    initialLoadAndChanges();
    String base = base("two-runs");
    TableSpec spec = Specs.cow(base);
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();

    reload(); // LOAD00000001 rewritten: the reload starts
    ApplyResult first = Specs.apply(dms, spec).execute();
    assertThat(first.succeeded()).as(first.report().toJson()).isTrue();
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1", "4", "5");

    // its second file appears later, before any change after the reload: it belongs to the same reload
    dms.write("app/people/LOAD00000002.csv", Specs.HEADER, "2,b-reloaded,1.00,sales,2025-01-02 00:00:01.000000");
    ApplyResult second = Specs.apply(dms, spec).execute();
    assertThat(second.succeeded()).as(second.report().toJson()).isTrue();
    assertThat(second.table("app.people").counter(TableApplier.ROWS_REPLACED_BY_RELOAD)).isZero();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "2", "4", "5");
    assertThat(s(rows.get("2"), "NAME")).isEqualTo("b-reloaded");
  }

  @Test
  void aReloadWhoseFilesCarryOpIsAppliedAsAReload() {
    // IncludeOpForFullLoad: full-load rows carry Op=I; they are reload rows by their file, not by their Op
    dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.CDC_HEADER, "I,1,a,1.00,sales,2025-01-01 00:00:00.000000",
        "I,2,b,1.00,sales,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a2,2.00,sales,2025-01-01 10:00:00.000000");
    String base = base("op-in-load");
    TableSpec spec = Specs.cow(base);
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    dms.write("app/people/LOAD00000001.csv", Specs.CDC_HEADER, "I,1,a2-reloaded,2.00,sales,2025-01-02 00:00:00.000000",
        "I,3,c-reloaded,3.00,hr,2025-01-02 00:00:00.000000");
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").counter(TableApplier.RELOAD_FILES)).isEqualTo(1);
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "3");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a2-reloaded");
  }

  @Test
  void aLateFileOfTheInitialLoadIsNotAReload() {
    initialLoadAndChanges();
    String base = base("late-initial");
    TableSpec spec = Specs.cow(base);
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();

    // the initial load's second file shows up only now (e.g. a backup copied in key order)
    dms.write("app/people/LOAD00000002.csv", Specs.HEADER, "3,c-load,1.00,hr,2025-01-01 00:00:00.000000",
        "7,g-load,1.00,hr,2025-01-01 00:00:00.000000");
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").counter(TableApplier.RELOAD_FILES)).isZero();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    // 3 was deleted by a change: it stays deleted; 7 is new; the changed rows keep their changes
    assertThat(rows).containsOnlyKeys("1", "2", "4", "7");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a2");
  }

  @Test
  void aCrashDuringTheReloadConvergesOnReRun() {
    initialLoadAndChanges();
    String base = base("crash");
    TableSpec spec = Specs.cow(base);
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    reload();
    for (boolean before : new boolean[] {true, false}) {
      ArrivalOrderProperty.Crash crash = new ArrivalOrderProperty.Crash(before, 1);
      ApplyResult crashed = Specs.apply(dms, spec).maxRowsPerCommit(1).listener(crash).execute();
      assertThat(crashed.succeeded()).isFalse();
    }
    ApplyResult r = Specs.apply(dms, spec).maxRowsPerCommit(1).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "4", "5");
    assertThat(s(rows.get("5"), "NAME")).isEqualTo("e-reloaded");
  }
}

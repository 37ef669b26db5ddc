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

import io.lakesmith.cdc.internal.apply.TableSchemas;
import io.lakesmith.cdc.internal.apply.SourceCheckpoint;
import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad rows, multi-table files and runs, tenants, MOR, the DMS sample shape. */
class DmsApplyRowsTest {

  @TempDir
  Path tmp;

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  private DmsFixture withBadRows() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a2,2.00,d,2025-01-01 10:00:00.000000",
        "U,2,b2,not-a-number,d,2025-01-01 10:00:01.000000",
        "I,3,c,1.00,d",
        "X,4,d,1.00,d,2025-01-01 10:00:02.000000",
        "I,,nokey,1.00,d,2025-01-01 10:00:03.000000",
        "I,6,f,6.00,d,2025-01-01 10:00:04.000000");
    return dms;
  }

  @Test
  void quarantineModeSetsBadRowsAsideWithFileLineColumnAndReason() throws IOException {
    DmsFixture dms = withBadRows();
    String base = base("quarantine");
    List<RowError> seen = Collections.synchronizedList(new ArrayList<>());
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).listener(new ApplyListener() {
      @Override
      public void rowQuarantined(String table, RowError error) {
        seen.add(error);
      }
    }).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    RunReport t = r.table("app.people");
    assertThat(t.counter(RunReport.ROWS_QUARANTINED)).isEqualTo(4);
    assertThat(seen).extracting(RowError::line).containsExactly(3L, 4L, 5L, 6L);
    assertThat(seen.get(0).column()).contains("AMT");

    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "2", "6");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a2");
    assertThat(s(rows.get("2"), "NAME")).as("the bad update did not apply").isEqualTo("b");

    Path folder = Paths.get(base, ".lakesmith", "quarantine");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).toList();
    }
    assertThat(files).hasSize(1);
    String content = Files.readString(files.get(0));
    assertThat(content).contains("20250101-100000000.csv,3,AMT,4,CONVERSION")
        .contains(",4,,,COLUMN_COUNT").contains(",5,,,UNKNOWN_OP").contains("MISSING_KEY").contains("not-a-number");

    // a re-run neither re-applies nor re-quarantines
    ApplyResult again = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(again.table("app.people").counter(RunReport.ROWS_QUARANTINED)).isZero();
  }

  @Test
  void aFileOfOnlyBadRowsIsQuarantinedAndRecordedSoReplaysSkipIt() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    String base = base("only-bad");
    assertThat(Specs.apply(dms, Specs.cow(base)).execute().succeeded()).isTrue();
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a,oops,d,2025-01-01 10:00:00.000000");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").counter(RunReport.ROWS_QUARANTINED)).isEqualTo(1);
    assertThat(r.table("app.people").counter(RunReport.COMMITS)).isEqualTo(1);
    ApplyResult again = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(again.table("app.people").counter(RunReport.FILES_SKIPPED)).isEqualTo(2);
    assertThat(again.table("app.people").counter(RunReport.COMMITS)).isZero();
    assertThat(DmsFixture.s(DmsFixture.read(base, "ID").get("1"), "AMT")).isNotNull();
  }

  @Test
  void headerlessFilesOfAnExistingTableTakeTheTablesColumns() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/things/LOAD00000001.csv", "ID,V", "1,a", "2,b");
    TableSpec spec = TableSpec.builder().database("app").table("things").recordKey("ID").basePath(base("things"))
        .build();
    assertThat(DmsApply.from(dms.root.toString()).table(spec).execute().succeeded()).isTrue();
    // DMS with AddColumnName=false: no header; the spec has no columns, the table knows them
    dms.write("app/things/20250101-100000000.csv", "U,2,b2", "I,3,c");
    ApplyResult r = DmsApply.from(dms.root.toString()).table(spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(spec.basePath(), "ID");
    assertThat(rows).containsOnlyKeys("1", "2", "3");
    assertThat(s(rows.get("2"), "V")).isEqualTo("b2");
  }

  @Test
  void strictModeFailsTheBatchBeforeAnyCommitNamingFileLineAndColumn() {
    DmsFixture dms = withBadRows();
    String base = base("strict");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.STRICT).execute();
    assertThat(r.succeeded()).isFalse();
    String error = r.table("app.people").errors().get(0);
    assertThat(error).contains("20250101-100000000.csv line 3").contains("AMT").contains("not-a-number");
    // the full load and the first good change were in the same (failed) batch: nothing was committed
    assertThat(HudiTables.exists(base, AwsSettings.defaults())
        ? DmsFixture.commits(base, "ID") : 0).isZero();
  }

  @Test
  void cdcTxnFileRowsGoToTheirTablesInTransactionOrder() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("cdc/CDC_TXN-20250101100000000.csv",
        "I,people,app,1,ann,1.00,d,2025-01-01 10:00:00.000000",
        "I,orders,app,100,1,9.99",
        "U,people,app,1,anna,1.00,d,2025-01-01 10:00:01.000000",
        "D,orders,app,100,1,9.99",
        "I,orders,app,101,1,5.00");
    TableSpec people = Specs.people(base("people")).build();
    TableSpec orders = TableSpec.builder().database("app").table("orders").recordKey("OID").basePath(base("orders"))
        .column("OID", ColumnType.LONG).column("PID", ColumnType.LONG).column("TOTAL", ColumnType.decimal(8, 2)).build();
    ApplyResult r = DmsApply.from(dms.root.toString()).table(people).table(orders).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(s(DmsFixture.read(people.basePath(), "ID").get("1"), "NAME")).isEqualTo("anna");
    assertThat(DmsFixture.read(orders.basePath(), "OID")).containsOnlyKeys("101");
  }

  @Test
  void tenantsConsolidateIntoOneTableWithTheTenantInTheKey() {
    DmsFixture a = new DmsFixture(tmp.resolve("dms-a"));
    DmsFixture b = new DmsFixture(tmp.resolve("dms-b"));
    a.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,alice-a,1.00,d,2025-01-01 00:00:00.000000");
    b.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,alice-b,1.00,d,2025-01-01 00:00:00.000000",
        "2,bob-b,1.00,d,2025-01-01 00:00:00.000000");
    b.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,alice-b2,1.00,d,2025-01-01 10:00:00.000000");
    String base = base("tenants");
    assertThat(Specs.apply(a, Specs.cow(base)).tenant("tenant_id", "a").execute().succeeded()).isTrue();
    ApplyResult rb = Specs.apply(b, Specs.cow(base)).tenant("tenant_id", "b").execute();
    assertThat(rb.succeeded()).as(rb.report().toJson()).isTrue();
    Map<String, String> byTenantKey = new java.util.TreeMap<>();
    DmsFixture.read(base, "_lake_seq").values().forEach(r -> byTenantKey.put(s(r, "tenant_id") + "/" + s(r, "ID"), s(r, "NAME")));
    assertThat(byTenantKey).containsExactly(Map.entry("a/1", "alice-a"), Map.entry("b/1", "alice-b2"),
        Map.entry("b/2", "bob-b"));
    // each tenant's files are checkpointed separately: re-running tenant a applies nothing
    assertThat(Specs.apply(a, Specs.cow(base)).tenant("tenant_id", "a").execute()
        .table("app.people").counter(RunReport.COMMITS)).isZero();
  }

  @Test
  void manyTablesRunInParallelAndOneFailureDoesNotStopTheOthers() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    List<TableSpec> specs = new ArrayList<>();
    for (String t : List.of("t1", "t2", "t3")) {
      dms.write("app/" + t + "/LOAD00000001.csv", "ID,V", "1," + t, "2," + t);
      specs.add(TableSpec.builder().database("app").table(t).recordKey("ID").basePath(base(t))
          .column("ID", ColumnType.LONG).column("V", ColumnType.STRING).build());
    }
    dms.write("app/t2/20250101-100000000.csv", "Op,ID,V", "U,x,broken");
    dms.write("app/unlisted/LOAD00000001.csv", "ID,V", "1,u");
    ApplyResult r = DmsApply.from(dms.root.toString()).tables(specs).parallelism(3).execute();
    assertThat(r.report().status()).isEqualTo(RunReport.Status.PARTIAL);
    assertThat(r.table("app.t1").status()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(r.table("app.t3").status()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(r.table("app.t2").status()).isEqualTo(RunReport.Status.FAILED);
    assertThat(r.table("app.t2").errors().get(0)).contains("20250101-100000000.csv line 2").contains("ID");
    assertThat(r.report().details()).containsEntry("tablesWithoutSpec", "app.unlisted");
    assertThat(DmsFixture.read(base("t3"), "ID")).containsOnlyKeys("1", "2");
    assertThat(r.report().toJson()).contains("\"app.t2\"");
  }

  @Test
  void mergeOnReadTableReadsMergedAndCompactsToTheSameSnapshot() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000", "3,c,1.00,d,2025-01-01 00:00:00.000000");
    // updates and deletes only: Hudi packs inserts into small base files, rewriting them instead of logging
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER, "U,1,a2,2.00,d,2025-01-01 10:00:00.000000",
        "D,2,b,1.00,d,2025-01-01 10:00:01.000000", "U,3,c2,4.00,d,2025-01-01 10:00:02.000000");
    String base = base("mor");
    TableSpec spec = Specs.people(base).type(TableType.MERGE_ON_READ).build();
    // the load commits first (base files), the changes then go to log files
    assertThat(Specs.apply(dms, spec).maxRowsPerCommit(3).execute().succeeded()).isTrue();
    Map<String, String> before = DmsApplyOrderingTest.values(base);
    assertThat(before).containsOnlyKeys("1", "3");
    assertThat(before.get("1")).startsWith("a2|");
    try (var table = HudiTables.open(spec, HudiWriteOptions.builder().orderingField(TableSchemas.SEQ).build(),
        AwsSettings.defaults())) {
      assertThat(table.compact()).isPresent();
    }
    assertThat(DmsApplyOrderingTest.values(base)).isEqualTo(before);
  }

  @Test
  void dmsSampleShapedOracleEmployeesApply() throws URISyntaxException {
    Path root = Paths.get(getClass().getResource("/dms-sample").toURI());
    TableSpec spec = TableSpec.builder().database("HR").table("EMPLOYEES").recordKey("EMPLOYEE_ID")
        .basePath(base("employees")).column("EMPLOYEE_ID", ColumnType.LONG).column("FIRST_NAME", ColumnType.STRING)
        .column("LAST_NAME", ColumnType.STRING).column("EMAIL", ColumnType.STRING)
        .column("PHONE_NUMBER", ColumnType.STRING).column("HIRE_DATE", ColumnType.DATE)
        .column("JOB_ID", ColumnType.STRING).column("SALARY", ColumnType.decimal(8, 2))
        .column("COMMISSION_PCT", ColumnType.decimal(2, 2)).column("MANAGER_ID", ColumnType.LONG)
        .column("DEPARTMENT_ID", ColumnType.INT).build();
    ApplyResult r = DmsApply.from(root.toString()).table(spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    RunReport t = r.table("HR.EMPLOYEES");
    Map<String, GenericRecord> rows = DmsFixture.read(spec.basePath(), "EMPLOYEE_ID");
    assertThat(t.counter(TableApplier.ROWS_LOAD)).isGreaterThan(0);
    assertThat(t.counter(TableApplier.ROWS_UPDATE)).isGreaterThan(0);
    assertThat(rows.size()).isEqualTo(t.counter(TableApplier.ROWS_LOAD) + t.counter(TableApplier.ROWS_INSERT)
        - t.counter(TableApplier.ROWS_DELETE));
    assertThat(s(rows.get("101"), "LAST_NAME")).isEqualTo("Okafor-Reyes");
    assertThat(rows.get("100").get("MANAGER_ID")).isNull();
  }

  @Test
  void aLongHistoryMovesTheCheckpointIntoASidecarAndKeepsWorking() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    int files = TableApplier.MAX_CHECKPOINT_DELTA + 3;
    for (int i = 0; i < files; i++) {
      dms.write(String.format("app/people/20250101-%02d%02d%02d000.csv", i / 3600, i / 60 % 60, i % 60), Specs.CDC_HEADER,
          String.format("I,%d,n%d,1.00,d,2025-01-01 10:00:00.%06d", i % 50, i, i));
    }
    String base = base("sidecar");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").counter(RunReport.FILES_READ)).as(r.report().toJson()).isEqualTo(files);
    Path sidecars = Paths.get(base, ".lakesmith", "checkpoints");
    assertThat(sidecars.toFile().list()).hasSize(1);
    String meta = DmsFixture.commitList(base, "ID").get(0).extraMetadata().get(SourceCheckpoint.METADATA_KEY);
    assertThat(meta).contains("\"base\"").hasSizeLessThan(200);

    dms.write("app/people/20250102-000000000.csv", Specs.CDC_HEADER, "U,1,last,1.00,d,2025-01-02 00:00:00.000000");
    ApplyResult next = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(next.table("app.people").counter(RunReport.FILES_SKIPPED)).isEqualTo(files);
    assertThat(next.table("app.people").counter(RunReport.FILES_READ)).isEqualTo(1);
    assertThat(s(DmsFixture.read(base, "ID").get("1"), "NAME")).isEqualTo("last");
  }
}

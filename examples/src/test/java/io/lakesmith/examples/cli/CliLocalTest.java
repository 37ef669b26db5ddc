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

package io.lakesmith.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.examples.Quickstart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply} and {@code maintain} against DMS files and Hudi tables on the local file system. */
class CliLocalTest {

  @TempDir
  static Path tmp;
  static Path dms;

  @BeforeAll
  static void sample() throws Exception {
    dms = source(tmp.resolve("dms"));
  }

  /** The sample DMS output (hr.employees) plus a small sales.orders table, in {@code dir}. */
  static Path source(Path dir) throws Exception {
    Quickstart.copySample(dir);
    // a second, small table: key-only and typed by --schema / the spec file
    write(dir.resolve("sales/orders/LOAD00000001.csv"), "ORDER_ID,CUSTOMER,AMOUNT,REGION",
        "1,alice,10.50,eu", "2,bob,20.00,us");
    write(dir.resolve("sales/orders/20250301-120000000.csv"), "Op,ORDER_ID,CUSTOMER,AMOUNT,REGION",
        "U,1,alice,11.00,eu", "I,3,carol,5.25,us", "D,2,,,");
    return dir;
  }

  static void write(Path p, String... lines) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  static Map<String, GenericRecord> rows(String base, String key) {
    Map<String, GenericRecord> out = new TreeMap<>();
    HudiTableReader.of(base, AwsSettings.defaults()).withoutMetaColumns().read()
        .forEach(r -> out.put(String.valueOf(r.get(key)), r));
    return out;
  }

  @Test
  void appliesOneTableWithProgressAndReportThenNothingTwice() throws Exception {
    String base = tmp.resolve("lake/hr/employees").toString();
    Path report = tmp.resolve("reports/employees.json");
    String[] args = {"apply", "--source", dms.toString(), "--table", "hr.employees", "--target", base,
        "--key", "EMPLOYEE_ID", "--partition-by", "DEPARTMENT_ID", "--timestamp-column", "DMS_TS",
        "--max-rows-per-commit", "1000", "--report", report.toString()};
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).containsPattern("hr\\.employees +SUCCEEDED +files=5 .*load=10 inserts=3 updates=6 deletes=2 "
        + "quarantined=0").contains("report: ");
    assertThat(r.err()).contains("[hr.employees] reading hr/employees/LOAD00000001.csv")
        .containsPattern("\\[hr\\.employees\\] committed \\d+: ").contains("[hr.employees] SUCCEEDED");
    RunReport json = RunReport.fromJson(Files.readString(report));
    assertThat(json.children()).extracting(RunReport::name).containsExactly("hr.employees");
    assertThat(json.children().get(0).counter("rowsDelete")).isEqualTo(2);

    Map<String, GenericRecord> rows = rows(base, "EMPLOYEE_ID");
    assertThat(rows).hasSize(11).doesNotContainKeys("105", "146");
    assertThat(rows.get("150").get("DEPARTMENT_ID").toString()).isEqualTo("110");
    assertThat(rows.get("150").get("SALARY").toString()).isEqualTo("10500.00"); // no --schema: strings

    CliRun again = CliRun.of(args);
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("skipped=5").contains("commits=0");
  }

  @Test
  void tableVersionFlagAndSpecFieldChooseTheVersionOfNewTables() throws Exception {
    String base = tmp.resolve("lake/sales/orders-v8").toString();
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--table-version", "8", "-q");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(tableVersion(base)).isEqualTo("8");
    String byDefault = tmp.resolve("lake/sales/orders-v6").toString();
    assertThat(CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", byDefault,
        "--key", "ORDER_ID", "-q").code()).isZero();
    assertThat(tableVersion(byDefault)).isEqualTo("6");

    CliRun bad = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--table-version", "7");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("Invalid value for option '--table-version': expected 6, 8 or 9, got '7'");
    assertThat(SpecFile.parse("{\"tableVersion\": 9, \"tables\": [{\"database\": \"a\", \"table\": \"b\","
        + " \"key\": \"K\", \"target\": \"/t\"}]}", "s.json").tableVersion())
        .contains(io.lakesmith.core.hudi.TableVersion.V9);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpecFile.parse("{\"tableVersion\": \"5\", \"tables\":"
        + " [{\"database\": \"a\", \"table\": \"b\", \"key\": \"K\", \"target\": \"/t\"}]}", "s.json"))
        .hasMessageContaining("s.json: \"tableVersion\": expected 6, 8 or 9, got '5'");
  }

  private static String tableVersion(String base) throws Exception {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(Path.of(base, ".hoodie", "hoodie.properties"))) {
      p.load(in);
    }
    return p.getProperty("hoodie.table.version");
  }

  @Test
  void schemaFileGivesTypes() throws Exception {
    Path avsc = tmp.resolve("orders.avsc");
    Files.writeString(avsc, "{\"type\": \"record\", \"name\": \"orders\", \"fields\": ["
        + "{\"name\": \"ORDER_ID\", \"type\": [\"null\", \"long\"], \"default\": null},"
        + "{\"name\": \"CUSTOMER\", \"type\": [\"null\", \"string\"], \"default\": null},"
        + "{\"name\": \"AMOUNT\", \"type\": [\"null\", \"double\"], \"default\": null},"
        + "{\"name\": \"REGION\", \"type\": [\"null\", \"string\"], \"default\": null}]}");
    String base = tmp.resolve("lake/sales/orders-typed").toString();
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "ORDER_ID", "--schema", avsc.toString(), "--strict", "-q");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("reading");
    Map<String, GenericRecord> rows = rows(base, "ORDER_ID");
    assertThat(rows).containsOnlyKeys("1", "3");
    assertThat(rows.get("1").get("ORDER_ID")).isEqualTo(1L);
    assertThat(rows.get("1").get("AMOUNT")).isEqualTo(11.0);
  }

  @Test
  void appliesEveryTableOfASpecFileThenMaintainCompactsTheMergeOnReadOne() throws Exception {
    Path dms = source(tmp.resolve("dms-all")); // gets one more CDC file below
    Path specs = tmp.resolve("specs.json");
    String root = tmp.resolve("lake-all").toString();
    Files.writeString(specs, "{\n"
        + "  \"targetRoot\": \"" + root + "\",\n"
        + "  \"timestampColumn\": \"DMS_TS\",\n"
        + "  \"tables\": [\n"
        + "    {\"database\": \"hr\", \"table\": \"employees\", \"key\": [\"EMPLOYEE_ID\"],\n"
        + "     \"partitionBy\": \"DEPARTMENT_ID\", \"type\": \"mor\"},\n"
        + "    {\"database\": \"sales\", \"table\": \"orders\", \"key\": \"ORDER_ID\",\n"
        + "     \"columns\": [{\"name\": \"ORDER_ID\", \"type\": \"long\"}, {\"name\": \"CUSTOMER\", \"type\": \"string\"},\n"
        + "                 {\"name\": \"AMOUNT\", \"type\": \"decimal(10,2)\"}, {\"name\": \"REGION\", \"type\": \"string\"}]}\n"
        + "  ]\n"
        + "}\n");
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--all", "--specs", specs.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).containsPattern("hr\\.employees +SUCCEEDED").containsPattern("sales\\.orders +SUCCEEDED");
    assertThat(rows(root + "/hr/employees", "EMPLOYEE_ID")).hasSize(11);
    Map<String, GenericRecord> orders = rows(root + "/sales/orders", "ORDER_ID");
    assertThat(orders).containsOnlyKeys("1", "3");
    Schema amount = orders.get("1").getSchema().getField("AMOUNT").schema();
    assertThat(amount.toString()).contains("decimal");

    // the merge-on-read table: one more CDC file makes log files, then maintain compacts them
    write(dms.resolve("hr/employees/2025/03/03/20250303-080000000.csv"),
        "Op,EMPLOYEE_ID,FIRST_NAME,LAST_NAME,EMAIL,HIRE_DATE,JOB_ID,SALARY,COMMISSION_PCT,DEPARTMENT_ID,DMS_TS",
        "U,100,Steven,King,SKING,1987-06-17 00:00:00,AD_PRES,25000.00,,90,2025-03-03 08:00:00.000000");
    CliRun more = CliRun.of("apply", "--source", dms.toString(), "--all", "--specs", specs.toString(), "-q");
    assertThat(more.code()).as(more.toString()).isZero();
    CliRun maintain = CliRun.of("maintain", "--target", root + "/hr/employees", "--compact");
    assertThat(maintain.code()).as(maintain.toString()).isZero();
    assertThat(maintain.out()).containsPattern("compact: done \\[\\d+\\]");
    assertThat(rows(root + "/hr/employees", "EMPLOYEE_ID").get("100").get("SALARY").toString()).isEqualTo("25000.00");

    CliRun planned = CliRun.of("maintain", "--target", root + "/sales/orders", "--plan");
    assertThat(planned.code()).as(planned.toString()).isZero();
    assertThat(planned.out()).contains("plan for lake.");
    CliRun clean = CliRun.of("maintain", "--target", root + "/sales/orders", "--table", "sales.orders", "--clean",
        "--archive", "--retain-commits", "1", "--report", tmp.resolve("maintain.json").toString());
    assertThat(clean.code()).as(clean.toString()).isZero();
    assertThat(clean.out()).contains("clean: ").contains("archive: ");
    assertThat(Files.readString(tmp.resolve("maintain.json"))).contains("sales.orders");
  }

  @Test
  void compactsATier2PrefixAfterADryRun() throws Exception {
    Path tier2 = tmp.resolve("tier2/employee");
    java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
    io.lakesmith.compaction.Tier2Writer w = io.lakesmith.compaction.Tier2Writer.of(
        io.lakesmith.core.storage.ObjectStores.local());
    java.util.function.BiConsumer<String, Object[]> put = (rel, a) -> w.put(
        io.lakesmith.core.storage.StorageLocation.local(tier2).resolve(rel).key(),
        rel.getBytes(StandardCharsets.UTF_8),
        io.lakesmith.compaction.LogPosition.of(old.plus(java.time.Duration.ofMinutes((Integer) a[0]))), (String) a[1]);
    put.accept("employee_id=1/part-0001.csv", new Object[] {1, "I"});
    put.accept("employee_id=1/part-0002.csv", new Object[] {2, "U"});
    put.accept("employee_id=1/part-0003.csv", new Object[] {3, "U"});
    put.accept("employee_id=2/part-0001.csv", new Object[] {1, "I"});
    put.accept("employee_id=2/part-0002.csv", new Object[] {5, "D"});
    String[] args = {"compact", "--prefix", tier2.toString(), "--key-folders", "employee_id", "--log-position",
        "metadata", "--tombstone", "dms-op", "--grace", "1h"};

    CliRun dry = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
        "--dry-run")).toArray(String[]::new));
    assertThat(dry.code()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("(dry run)").contains("would delete 4 ").contains("removed keys 1")
        .contains("employee_id=1/part-0001.csv");
    assertThat(tier2.resolve("employee_id=1/part-0001.csv")).exists();

    CliRun real = CliRun.of(args);
    assertThat(real.code()).as(real.toString()).isZero();
    assertThat(real.out()).contains("deleted 4 ").contains("kept 1");
    assertThat(tier2.resolve("employee_id=1/part-0001.csv")).doesNotExist();
    assertThat(tier2.resolve("employee_id=1/part-0003.csv")).exists();
    assertThat(tier2.resolve("employee_id=2/part-0002.csv")).doesNotExist();

    CliRun again = CliRun.of(args);
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("deleted 0 ");
  }

  @Test
  void aTableThatFailsExitsOneWithItsError() {
    String base = tmp.resolve("lake/sales/orders-bad").toString();
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--table", "sales.orders", "--target", base,
        "--key", "NO_SUCH_COLUMN", "-q");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).containsPattern("sales\\.orders +FAILED");
    assertThat(r.err()).contains("apply: error: sales.orders: ").contains("NO_SUCH_COLUMN");
  }

  @Test
  void aFailureIsOneLineWithItsRootCauseAndTheStackTraceOnlyOnRequest() throws Exception {
    Path blocker = tmp.resolve("not-a-folder");
    Files.writeString(blocker, "a file where the lake should be");
    String[] args = {"apply", "--source", dms.toString(), "--table", "sales.orders", "--target",
        blocker.resolve("orders").toString(), "--key", "ORDER_ID", "-q"};
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).contains("apply: error: sales.orders: ").containsIgnoringCase("not a directory")
        .doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(r.err().lines().filter(l -> l.contains("error:")).count()).isEqualTo(1);

    String[] traced = java.util.Arrays.copyOf(args, args.length + 1);
    traced[args.length] = "--stacktrace";
    CliRun t = CliRun.of(traced);
    assertThat(t.code()).isEqualTo(1);
    assertThat(t.err()).contains("apply: error: sales.orders: ").contains("\tat ");
  }

  @Test
  void quarantinedRowsExitZeroWithWarningsOrThreeWithFailOnQuarantine() throws Exception {
    Path src = tmp.resolve("dms-quarantine");
    write(src.resolve("sales/orders/LOAD00000001.csv"), "ORDER_ID,CUSTOMER", "1,alice", "x,bob");
    Path schema = tmp.resolve("orders-q.avsc");
    Files.writeString(schema, "{\"type\":\"record\",\"name\":\"orders\",\"fields\":["
        + "{\"name\":\"ORDER_ID\",\"type\":\"long\"},{\"name\":\"CUSTOMER\",\"type\":\"string\"}]}");
    Path report = tmp.resolve("reports/quarantine.json");
    CliRun lenient = CliRun.of("apply", "--source", src.toString(), "--table", "sales.orders", "--target",
        tmp.resolve("lake-q/orders").toString(), "--key", "ORDER_ID", "--schema", schema.toString(), "-q",
        "--report", report.toString());
    assertThat(lenient.code()).as(lenient.toString()).isZero();
    assertThat(lenient.out()).containsPattern("sales\\.orders +SUCCEEDED_WITH_WARNINGS +files=1 .*quarantined=1");
    assertThat(lenient.err()).contains("warning: sales.orders: 1 row(s) quarantined under ");
    RunReport json = RunReport.fromJson(Files.readString(report));
    assertThat(json.status()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(json.children().get(0).counter(RunReport.ROWS_QUARANTINED)).isEqualTo(1);

    write(src.resolve("sales/orders/20250301-120000000.csv"), "Op,ORDER_ID,CUSTOMER", "I,2,carol", "I,y,dave");
    CliRun failing = CliRun.of("apply", "--source", src.toString(), "--table", "sales.orders", "--target",
        tmp.resolve("lake-q/orders").toString(), "--key", "ORDER_ID", "--schema", schema.toString(), "-q",
        "--fail-on-quarantine");
    assertThat(failing.code()).as(failing.toString()).isEqualTo(LakesmithCli.QUARANTINED).isEqualTo(3);
    assertThat(failing.err()).contains("apply: 1 row(s) quarantined (--fail-on-quarantine)");
    assertThat(rows(tmp.resolve("lake-q/orders").toString(), "ORDER_ID")).containsOnlyKeys("1", "2");
  }

  @Test
  void warningsGoToStderrAndAnUnknownTableIsOne() throws Exception {
    Path src = tmp.resolve("dms-warn");
    write(src.resolve("sales/orders/LOAD00000001.csv"), "ORDER_ID,CUSTOMER", "1,alice");
    write(src.resolve("sales/orders/LOAD00000002.CSV"), "ORDER_ID,CUSTOMER", "2,bob");
    CliRun r = CliRun.of("apply", "--source", src.toString(), "--table", "SALES.ORDERS", "--target",
        tmp.resolve("lake-warn/orders").toString(), "--key", "ORDER_ID", "-q");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning: SALES.ORDERS: not a DMS data file, ignored: ")
        .contains("LOAD00000002.CSV");
    CliRun none = CliRun.of("apply", "--source", src.toString(), "--table", "sales.nothing", "--target",
        tmp.resolve("lake-warn/nothing").toString(), "--key", "ID", "-q");
    assertThat(none.code()).isZero();
    assertThat(none.err()).contains("warning: sales.nothing: no DMS files for sales.nothing");
    CliRun strict = CliRun.of("apply", "--source", src.toString(), "--table", "sales.nothing", "--target",
        tmp.resolve("lake-warn/nothing").toString(), "--key", "ID", "-q", "--strict");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains("apply: error: sales.nothing: strict mode: no DMS files");
  }

  @Test
  void tablesWithoutASpecAreNamed() throws Exception {
    Path specs = tmp.resolve("one.json");
    Files.writeString(specs, "{\"tables\": [{\"database\": \"sales\", \"table\": \"orders\", \"key\": \"ORDER_ID\","
        + " \"target\": \"" + tmp.resolve("lake-one/orders") + "\"}]}");
    CliRun r = CliRun.of("apply", "--source", dms.toString(), "--all", "--specs", specs.toString(), "-q");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("without a spec were not applied: hr.employees");
    assertThat(List.of(r.out().split("\n"))).hasSize(1);
  }
}

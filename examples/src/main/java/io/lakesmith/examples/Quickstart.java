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

package io.lakesmith.examples;

import io.lakesmith.LakeTable;
import io.lakesmith.Lakesmith;
import io.lakesmith.catalog.CatalogColumn;
import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.compaction.hudi.HudiServiceResult;
import io.lakesmith.compaction.hudi.MaintenancePolicy;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.catalog.TableDefinition;
import io.lakesmith.catalog.TableKind;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyCounts;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The quickstart: applies the bundled sample DMS output (HR.EMPLOYEES: two full-load files, then CDC files in
 * date folders with inserts, updates, deletes, a timestamp tie, a department move and an added column) to a
 * Hudi table on the local file system, applies it again to show that nothing is applied twice, and prints the
 * result and the Glue table definition the catalog module would register.
 *
 * <p>Run: {@code ./mvnw -B -q -pl examples -am test-compile exec:java@quickstart}. Work folder:
 * {@code -Dlakesmith.quickstart.dir} (default {@code target/lakesmith-quickstart}), recreated on every run.
 */
public final class Quickstart {

  private Quickstart() {}

  public static void main(String[] args) throws IOException {
    Path work = Paths.get(System.getProperty("lakesmith.quickstart.dir", "target/lakesmith-quickstart")).toAbsolutePath();
    run(work, System.out);
  }

  /** The employees table: the DMS task's columns with their types, keyed by EMPLOYEE_ID, by department. */
  static TableSpec employees(String basePath) {
    return TableSpec.builder().database("hr").table("employees").recordKey("EMPLOYEE_ID")
        .partitionBy("DEPARTMENT_ID").basePath(basePath)
        .column("EMPLOYEE_ID", ColumnType.LONG).column("FIRST_NAME", ColumnType.STRING)
        .column("LAST_NAME", ColumnType.STRING).column("EMAIL", ColumnType.STRING)
        .column("HIRE_DATE", ColumnType.DATE).column("JOB_ID", ColumnType.STRING)
        .column("SALARY", ColumnType.decimal(8, 2)).column("COMMISSION_PCT", ColumnType.decimal(2, 2))
        .column("DEPARTMENT_ID", ColumnType.STRING).column("DMS_TS", ColumnType.STRING)
        .column("BONUS", ColumnType.decimal(8, 2))
        .build();
  }

  /** Runs the quickstart in {@code work} and returns the apply's result. */
  public static ApplyResult run(Path work, PrintStream out) throws IOException {
    deleteRecursively(work);
    Path dms = work.resolve("dms");
    int files = copySample(dms);
    String base = work.resolve("lake/hr/employees").toString();
    TableSpec spec = employees(base);

    out.println("Lakesmith quickstart");
    out.println("  DMS output : " + dms + " (" + files + " files: 2 full-load, 3 CDC in date folders)");
    out.println("  Hudi table : " + base + " (copy-on-write, partitioned by DEPARTMENT_ID)");
    out.println();

    Lakesmith lake = Lakesmith.local();
    ApplyResult result = lake.applyDms(dms.toString()).table(spec).timestampColumn("DMS_TS")
        .mode(ApplyMode.QUARANTINE).execute();
    RunReport t = result.table("hr.employees");
    ApplyCounts c = result.counts("hr.employees");
    out.println("Applied " + c.filesRead() + " files in " + t.durationMillis() + " ms: "
        + c.rowsLoad() + " full-load rows, " + c.rowsInsert() + " inserts, "
        + c.rowsUpdate() + " updates, " + c.rowsDelete() + " deletes, "
        + c.rowsQuarantined() + " quarantined; " + c.commits() + " commit(s)");
    if (t.details().containsKey("schemaChanges")) {
      out.println("Schema change: " + t.details().get("schemaChanges"));
    }
    if (!result.succeeded()) {
      out.println("FAILED: " + t.errors());
      return result;
    }

    ApplyCounts again = lake.applyDms(dms.toString()).table(spec).timestampColumn("DMS_TS").execute()
        .counts("hr.employees");
    out.println("Applied again: " + again.commits() + " new commits, "
        + again.filesSkipped() + " files already applied (exactly once)");
    out.println();

    // the table opened by its path: key, partitioning and ordering field are read from the table itself
    LakeTable table = lake.table(base);
    List<GenericRecord> rows = table.read();
    Map<Long, GenericRecord> byId = new TreeMap<>();
    rows.forEach(r -> byId.put((Long) r.get("EMPLOYEE_ID"), r));
    out.println("The table now holds " + byId.size() + " employees (read back through Hudi's reader):");
    out.printf("  %-4s %-10s %-14s %-9s %-5s %-9s %-4s %s%n", "ID", "FIRST", "LAST", "SALARY", "DEPT", "BONUS",
        "OP", "PARTITION");
    for (GenericRecord r : byId.values()) {
      out.printf("  %-4s %-10s %-14s %-9s %-5s %-9s %-4s %s%n", r.get("EMPLOYEE_ID"), r.get("FIRST_NAME"),
          r.get("LAST_NAME"), decimal(r, "SALARY"), r.get("DEPARTMENT_ID"), decimal(r, "BONUS"),
          r.get("_lake_op"), r.get("_hoodie_partition_path"));
    }
    out.println("  (105 and 146 were deleted; 101 had two updates with the same DMS timestamp: the later row won;");
    out.println("   150 moved from department 80 to 110 without leaving a copy behind; BONUS arrived with the");
    out.println("   last CDC file and is null for older rows)");
    out.println();

    // table services as a scheduled job would run them: the planner picks what the table needs
    MaintenanceRun run = lake.maintain(table).policy(MaintenancePolicy.defaults()).execute();
    out.println("Maintenance plan " + run.plan().steps() + ":");
    for (HudiServiceResult r : run.results()) {
      out.println("  " + r.service() + ": " + (r.didWork() ? "done " + r.instants() : r.skippedReason().orElse("nothing to do")));
    }
    out.println();

    Schema schema = table.schema().orElseThrow();
    TableDefinition glue = TableDefinition.builder().database(spec.database()).name(spec.table())
        .kind(TableKind.HUDI_COW).location(base).columnsFromAvro(schema, spec.partitionBy()).build();
    out.println("Glue table the catalog module registers (lake-catalog, GlueCatalog.syncHudiTable):");
    out.println("  " + glue.identifier() + " at " + glue.location());
    out.println("  columns: " + glue.columns().stream().map(Quickstart::column).collect(Collectors.joining(", ")));
    out.println("  partition keys: " + glue.partitionKeys().stream().map(Quickstart::column)
        .collect(Collectors.joining(", ")));
    String glueEndpoint = System.getenv("LAKESMITH_GLUE_ENDPOINT");
    if (glueEndpoint != null && !glueEndpoint.isBlank()) {
      AwsSettings aws = AwsSettings.builder().endpoint(glueEndpoint)
          .region(System.getenv().getOrDefault("AWS_REGION", "us-east-1")).build();
      try (GlueCatalog catalog = Lakesmith.on(aws).glue()) {
        SyncResult sync = catalog.syncHudiTable(table.spec()).execute();
        out.println("  registered in Glue at " + glueEndpoint + ": " + sync);
      }
    } else {
      out.println("  (set LAKESMITH_GLUE_ENDPOINT, with AWS credentials in the environment, to register it)");
    }
    out.println();
    out.println("Run report (JSON): " + work.resolve("report.json"));
    Files.writeString(work.resolve("report.json"), result.report().toJson());
    return result;
  }

  private static String column(CatalogColumn c) {
    return c.name() + " " + c.type();
  }

  private static String decimal(GenericRecord r, String column) {
    Object v = r.get(column);
    if (v == null) {
      return "";
    }
    return ColumnType.decimalValue(v, r.getSchema().getField(column).schema()).toPlainString();
  }

  /**
   * Copies the bundled sample DMS output (HR.EMPLOYEES: full load and CDC, CSV with header rows and a
   * {@code DMS_TS} timestamp column) to {@code <target>/hr/employees/}; returns the number of files.
   */
  public static int copySample(Path target) throws IOException {
    List<String> names;
    try (InputStream index = resource("index.txt")) {
      names = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
          .filter(l -> !l.isBlank()).toList();
    }
    for (String name : names) {
      Path p = target.resolve("hr/employees").resolve(name);
      Files.createDirectories(p.getParent());
      try (InputStream in = resource(name)) {
        Files.copy(in, p);
      }
    }
    return names.size();
  }

  private static InputStream resource(String name) {
    InputStream in = Quickstart.class.getResourceAsStream("/sample-dms/hr/employees/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("sample file missing from the classpath: " + name));
    }
    return in;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

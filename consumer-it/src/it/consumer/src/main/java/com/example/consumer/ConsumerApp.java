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

package com.example.consumer;

import io.lakesmith.catalog.TableDefinition;
import io.lakesmith.catalog.TableKind;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.compaction.hudi.HudiMaintenance;
import io.lakesmith.compaction.hudi.MaintenancePolicy;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * An application outside the Lakesmith build: applies the sample DMS output (args[0], the examples module's
 * {@code sample-dms}) to a local Hudi table under args[1], runs the maintenance planner and prints the Glue
 * table definition. consumer-it's verify.groovy checks the lines it prints.
 */
public final class ConsumerApp {

  public static void main(String[] args) throws Exception {
    Path sample = Paths.get(args[0]);
    Path work = Paths.get(args[1]).toAbsolutePath();
    Path dms = work.resolve("dms");
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv")).toList()) {
        Path to = dms.resolve(sample.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String base = work.resolve("lake/hr/employees").toString();
    TableSpec spec = TableSpec.builder().database("hr").table("employees").recordKey("EMPLOYEE_ID")
        .partitionBy("DEPARTMENT_ID").basePath(base)
        .column("EMPLOYEE_ID", ColumnType.LONG).column("FIRST_NAME", ColumnType.STRING)
        .column("LAST_NAME", ColumnType.STRING).column("EMAIL", ColumnType.STRING)
        .column("HIRE_DATE", ColumnType.DATE).column("JOB_ID", ColumnType.STRING)
        .column("SALARY", ColumnType.decimal(8, 2)).column("COMMISSION_PCT", ColumnType.decimal(2, 2))
        .column("DEPARTMENT_ID", ColumnType.STRING).column("DMS_TS", ColumnType.STRING)
        .column("BONUS", ColumnType.decimal(8, 2))
        .build();

    ApplyResult result = DmsApply.from(dms.toString()).table(spec).timestampColumn("DMS_TS")
        .mode(ApplyMode.QUARANTINE).execute();
    RunReport t = result.table("hr.employees");
    System.out.println("consumer: applied " + t.counter(RunReport.FILES_READ) + " files, "
        + t.counter(RunReport.ROWS_QUARANTINED) + " quarantined, succeeded=" + result.succeeded());
    if (!result.succeeded()) {
      throw new IllegalStateException("apply failed: " + t.errors());
    }

    HudiTableReader reader = HudiTableReader.of(base, AwsSettings.defaults());
    System.out.println("consumer: table holds " + reader.read().size() + " rows");

    try (HudiMaintenance maintenance = HudiMaintenance.forTable(spec,
        HudiWriteOptions.builder().orderingField("_lake_seq").build(), AwsSettings.defaults())) {
      MaintenanceRun run = maintenance.runNeeded(MaintenancePolicy.defaults());
      System.out.println("consumer: maintenance plan " + run.plan().steps() + ", " + run.results().size()
          + " service(s) run");
    }

    TableDefinition glue = TableDefinition.builder().database(spec.database()).name(spec.table())
        .kind(TableKind.HUDI_COW).location(base)
        .columnsFromAvro(reader.withoutMetaColumns().schema().orElseThrow(), spec.partitionBy()).build();
    System.out.println("consumer: Glue table " + glue.identifier() + ", " + glue.columns().size()
        + " columns, partition keys " + glue.partitionKeys().stream().map(c -> c.name() + " " + c.type()).toList());
  }
}

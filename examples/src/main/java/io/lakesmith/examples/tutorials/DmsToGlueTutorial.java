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

package io.lakesmith.examples.tutorials;

import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.io.PrintStream;
import java.util.List;

/**
 * Tutorial (b): AWS DMS output on S3 → a Hudi table on S3 → the Glue Data Catalog → an Athena query.
 *
 * <pre>{@code
 * DmsToGlueTutorial.run(AwsSettings.defaults(), "s3://my-dms-bucket/cdc", "s3://my-lake/warehouse", System.out);
 * }</pre>
 *
 * Run it after every DMS batch (or on a schedule): each run applies only the files that are new and syncs only the
 * partitions their commits touched. {@link #iamPolicy} prints the least-privilege IAM policy the run needs.
 */
public final class DmsToGlueTutorial {

  private DmsToGlueTutorial() {}

  /** The table: DMS schema {@code hr}, table {@code employees}; typed columns, partitioned by department. */
  public static TableSpec employees(String lakeRoot) {
    return TableSpec.builder().database("hr").table("employees").recordKey("EMPLOYEE_ID")
        .partitionBy("DEPARTMENT_ID").basePath(lakeRoot + "/hr/employees")
        .column("EMPLOYEE_ID", ColumnType.LONG).column("FIRST_NAME", ColumnType.STRING)
        .column("LAST_NAME", ColumnType.STRING).column("EMAIL", ColumnType.STRING)
        .column("HIRE_DATE", ColumnType.DATE).column("JOB_ID", ColumnType.STRING)
        .column("SALARY", ColumnType.decimal(8, 2)).column("COMMISSION_PCT", ColumnType.decimal(2, 2))
        .column("DEPARTMENT_ID", ColumnType.STRING).column("DMS_TS", ColumnType.STRING)
        .build();
  }

  /** Applies the DMS output under {@code dmsRoot} to {@code <lakeRoot>/hr/employees} and registers it in Glue. */
  public static SyncResult run(AwsSettings aws, String dmsRoot, String lakeRoot, PrintStream out) {
    TableSpec spec = employees(lakeRoot);

    // 1. DMS files -> Hudi (exactly once; bad rows quarantined under <table>/.lakesmith/quarantine/)
    ApplyResult applied = DmsApply.from(dmsRoot).aws(aws).table(spec).timestampColumn("DMS_TS")
        .mode(ApplyMode.QUARANTINE).execute();
    RunReport t = applied.table(spec.identifier());
    out.println("1. applied " + t.counter(RunReport.FILES_READ) + " DMS files to " + spec.basePath() + ": "
        + t.counter(RunReport.COMMITS) + " commit(s), " + t.counter(RunReport.ROWS_QUARANTINED) + " quarantined");
    if (!applied.succeeded()) {
      throw new IllegalStateException("apply failed: " + t.errors());
    }

    // 2. Hudi -> Glue (database, table, columns, partitions; incremental after the first run)
    SyncResult sync;
    try (GlueCatalog glue = GlueCatalog.builder().aws(aws).build()) {
      sync = glue.syncHudiTable(spec).execute();
    }
    out.println("2. Glue: " + sync.tables() + ", partitions +" + sync.partitionsAdded() + " -"
        + sync.partitionsDropped() + " (" + sync.mode() + ")");

    // 3. Athena reads the Glue table through Hudi's input format (copy-on-write: the latest snapshot)
    out.println("3. query it in Athena:");
    out.println("   " + athenaQuery());
    return sync;
  }

  /** The Athena query of the tutorial. */
  public static String athenaQuery() {
    return "SELECT department_id, count(*) AS employees, sum(salary) AS payroll FROM hr.employees "
        + "GROUP BY department_id ORDER BY department_id";
  }

  /**
   * The least-privilege IAM policy for one apply-and-register run: list and read the DMS prefix; read, write, delete
   * and list the lake prefix (Hudi lists its timeline and partitions); read and write the Glue database and its
   * tables. {@code account} is the AWS account id, {@code database} the Glue database (the DMS schema).
   */
  public static String iamPolicy(String region, String account, String dmsRoot, String lakeRoot, String database) {
    StorageLocation dms = StorageLocation.parse(dmsRoot);
    StorageLocation lake = StorageLocation.parse(lakeRoot);
    String glue = "arn:aws:glue:" + region + ":" + account;
    return String.join("\n", List.of(
        "{",
        "  \"Version\": \"2012-10-17\",",
        "  \"Statement\": [",
        "    {\"Sid\": \"ListDmsOutput\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\",",
        "     \"Resource\": \"arn:aws:s3:::" + dms.bucket() + "\",",
        "     \"Condition\": {\"StringLike\": {\"s3:prefix\": [\"" + dms.prefix() + "*\"]}}},",
        "    {\"Sid\": \"ReadDmsOutput\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\",",
        "     \"Resource\": \"arn:aws:s3:::" + dms.bucket() + "/" + dms.prefix() + "*\"},",
        "    {\"Sid\": \"ListLake\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\",",
        "     \"Resource\": \"arn:aws:s3:::" + lake.bucket() + "\",",
        "     \"Condition\": {\"StringLike\": {\"s3:prefix\": [\"" + lake.prefix() + "*\"]}}},",
        "    {\"Sid\": \"WriteLake\", \"Effect\": \"Allow\",",
        "     \"Action\": [\"s3:GetObject\", \"s3:PutObject\", \"s3:DeleteObject\"],",
        "     \"Resource\": \"arn:aws:s3:::" + lake.bucket() + "/" + lake.prefix() + "*\"},",
        "    {\"Sid\": \"GlueCatalog\", \"Effect\": \"Allow\",",
        "     \"Action\": [\"glue:GetDatabase\", \"glue:CreateDatabase\", \"glue:GetTable\", \"glue:GetTables\",",
        "                \"glue:CreateTable\", \"glue:UpdateTable\", \"glue:GetPartition\", \"glue:GetPartitions\",",
        "                \"glue:BatchGetPartition\", \"glue:CreatePartition\", \"glue:UpdatePartition\",",
        "                \"glue:BatchCreatePartition\", \"glue:BatchDeletePartition\", \"glue:BatchUpdatePartition\"],",
        "     \"Resource\": [\"" + glue + ":catalog\", \"" + glue + ":database/" + database + "\",",
        "                  \"" + glue + ":table/" + database + "/*\"]}",
        "  ]",
        "}"));
  }
}

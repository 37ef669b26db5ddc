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
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmsApplyBasicsTest {

  @TempDir
  Path tmp;

  private TableSpec spec(String base) {
    return TableSpec.builder().database("hr").table("employees").recordKey("EMPLOYEE_ID").basePath(base)
        .column("EMPLOYEE_ID", ColumnType.LONG).column("NAME", ColumnType.STRING)
        .column("SALARY", ColumnType.decimal(8, 2)).column("DMS_TS", ColumnType.STRING).build();
  }

  @Test
  void fullLoadThenCdcWithInsertUpdateDeleteAndReplayIsNoOp() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("hr/employees/LOAD00000001.csv", "EMPLOYEE_ID,NAME,SALARY,DMS_TS",
        "100,King,24000.00,2025-03-01 10:00:00.000000", "101,Kochhar,17000.00,2025-03-01 10:00:00.000000",
        "102,De Haan,17000.00,2025-03-01 10:00:00.000000");
    dms.write("hr/employees/20250301-101500123.csv", "Op,EMPLOYEE_ID,NAME,SALARY,DMS_TS",
        "I,206,Gietz,8300.00,2025-03-01 10:14:59.120001", "U,101,Kochhar,17500.00,2025-03-01 10:15:00.000000",
        "D,102,De Haan,17000.00,2025-03-01 10:15:00.000017");
    String base = tmp.resolve("lake/employees").toString();

    ApplyResult first = DmsApply.from(dms.root.toString()).table(spec(base)).timestampColumn("DMS_TS")
        .csv(io.lakesmith.cdc.CsvOptions.builder()
            .header(io.lakesmith.cdc.HeaderMode.PRESENT).build())
        .execute();

    assertThat(first.succeeded()).as(first.report().toJson()).isTrue();
    RunReport t = first.table("hr.employees");
    assertThat(t.counter(TableApplier.ROWS_LOAD)).isEqualTo(3);
    assertThat(t.counter(TableApplier.ROWS_INSERT)).isEqualTo(1);
    assertThat(t.counter(TableApplier.ROWS_UPDATE)).isEqualTo(1);
    assertThat(t.counter(TableApplier.ROWS_DELETE)).isEqualTo(1);
    assertThat(t.counter(RunReport.COMMITS)).isEqualTo(1);

    Map<String, GenericRecord> rows = DmsFixture.read(base, "EMPLOYEE_ID");
    assertThat(rows).containsOnlyKeys("100", "101", "206");
    assertThat(s(rows.get("101"), "SALARY")).isNotNull();
    assertThat(s(rows.get("206"), "_lake_op")).isEqualTo("I");

    int commits = DmsFixture.commits(base, "EMPLOYEE_ID");
    ApplyResult again = DmsApply.from(dms.root.toString()).table(spec(base)).timestampColumn("DMS_TS").execute();
    assertThat(again.succeeded()).isTrue();
    assertThat(again.table("hr.employees").counter(RunReport.COMMITS)).isZero();
    assertThat(again.table("hr.employees").counter(RunReport.FILES_SKIPPED)).isEqualTo(2);
    assertThat(DmsFixture.commits(base, "EMPLOYEE_ID")).isEqualTo(commits);
  }

}

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

package io.lakesmith.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.CdcTestAccess;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per table by size: a large table is applied distributed, a small one whole in one Spark task (DmsApply). */
class SparkDmsApplyModesTest {

  @TempDir
  Path tmp;

  @Test
  void choosesPerTableBySize() {
    Path dms = tmp.resolve("dms");
    CdcTestAccess.history(5L, 8).forEach(f -> CdcTestAccess.write(dms, f));
    CdcTestAccess.write(dms, new CdcTestAccess.File("app/tiny/LOAD00000001.csv",
        List.of("K,V", "1,one", "2,two")));
    String people = tmp.resolve("lake/people").toString();
    String tiny = tmp.resolve("lake/tiny").toString();
    TableSpec tinySpec = TableSpec.builder().database("app").table("tiny").recordKey("K").basePath(tiny)
        .column("K", ColumnType.LONG).column("V", ColumnType.STRING).build();

    ApplyResult r = SparkDmsApply.on(SparkTestSession.get()).from(dms.toString())
        .table(CdcTestAccess.partitioned(people, TableType.COPY_ON_WRITE)).table(tinySpec).timestampColumn("TS")
        .csv(io.lakesmith.cdc.CsvOptions.builder().header(io.lakesmith.cdc.HeaderMode.PRESENT).build())
        .distributedThresholdBytes(1000).execute();

    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").details()).containsEntry("engine", "spark");
    assertThat(r.report().details().get("tablePerTask:app.tiny")).startsWith("Executor task launch worker");
    assertThat(r.table("app.tiny").counter(RunReport.COMMITS)).isEqualTo(1);
    assertThat(HudiTableReader.of(tiny, AwsSettings.defaults()).read()).hasSize(2);
    assertThat(CdcTestAccess.modelView(CdcTestAccess.values(people))).isEqualTo(CdcTestAccess.expected(5L, 8));
  }
}

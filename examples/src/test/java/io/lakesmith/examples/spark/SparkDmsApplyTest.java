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

package io.lakesmith.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.examples.Quickstart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in local mode ({@code local[2]}): one task per table, and the Glue entry point on the same context. */
class SparkDmsApplyTest {

  @TempDir
  static Path tmp;
  static JavaSparkContext jsc;

  @BeforeAll
  static void spark() {
    jsc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("lakesmith-test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1").set("spark.sql.shuffle.partitions", "2"));
  }

  @AfterAll
  static void stop() {
    if (jsc != null) {
      jsc.stop();
    }
  }

  static String specs(Path lake) {
    return "{\"targetRoot\": \"" + lake + "\", \"timestampColumn\": \"DMS_TS\", \"tables\": ["
        + "{\"database\": \"hr\", \"table\": \"employees\", \"key\": \"EMPLOYEE_ID\", \"partitionBy\": \"DEPARTMENT_ID\"},"
        + "{\"database\": \"sales\", \"table\": \"orders\", \"key\": \"ORDER_ID\", \"type\": \"mor\"}]}";
  }

  @Test
  void appliesEachTableInItsOwnTaskExactlyOnce() throws Exception {
    Path dms = tmp.resolve("dms");
    Quickstart.copySample(dms);
    Files.createDirectories(dms.resolve("sales/orders"));
    Files.writeString(dms.resolve("sales/orders/LOAD00000001.csv"), "ORDER_ID,CUSTOMER,AMOUNT\n1,alice,10.50\n2,bob,20.00\n");
    Path lake = tmp.resolve("lake");

    RunReport report = SparkDmsApply.run(org.apache.spark.sql.SparkSession.builder().sparkContext(jsc.sc())
        .getOrCreate(), dms.toString(), specs(lake), new DmsApplyTask(dms.toString(), null, null, false, false, false,
        100_000));
    assertThat(report.status()).as(report.toJson()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(report.children()).extracting(RunReport::name).containsExactly("hr.employees", "sales.orders");
    // small tables: one Spark task each (lake-spark's table-per-task mode)
    Set<String> threads = Set.of(report.details().get("tablePerTask:hr.employees"),
        report.details().get("tablePerTask:sales.orders"));
    assertThat(threads).allMatch(t -> t.startsWith("Executor task launch worker"));
    RunReport employees = report.children().get(0);
    assertThat(employees.counter("rowsLoad")).isEqualTo(10);
    assertThat(employees.counter("rowsDelete")).isEqualTo(2);
    assertThat(HudiTableReader.of(lake + "/hr/employees", AwsSettings.defaults()).read()).hasSize(11);
    assertThat(HudiTableReader.of(lake + "/sales/orders", AwsSettings.defaults()).read()).hasSize(2);

    // the Glue entry point on the same context: nothing new to apply
    String again = LakesmithGlue.applyAll(jsc, dms.toString(), specs(lake), false, null, null);
    RunReport second = RunReport.fromJson(again);
    assertThat(second.status()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(second.children()).allSatisfy(t -> assertThat(t.counter(RunReport.COMMITS)).isZero());
  }

  @Test
  void aFailedTableIsReportedWithoutStoppingTheOthers() throws Exception {
    Path dms = tmp.resolve("dms-bad");
    Quickstart.copySample(dms);
    Path lake = tmp.resolve("lake-bad");
    String specs = "{\"targetRoot\": \"" + lake + "\", \"tables\": ["
        + "{\"database\": \"hr\", \"table\": \"employees\", \"key\": \"NO_SUCH_KEY\"},"
        + "{\"database\": \"hr\", \"table\": \"employees2\", \"key\": \"EMPLOYEE_ID\"}]}";
    RunReport report = RunReport.fromJson(LakesmithGlue.applyAll(jsc, dms.toString(), specs, false, null, null));
    assertThat(report.status()).isNotEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(report.errors()).containsExactly("hr.employees failed");
  }
}

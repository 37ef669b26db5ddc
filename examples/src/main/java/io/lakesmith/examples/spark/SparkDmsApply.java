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

import io.lakesmith.core.report.RunReport;
import io.lakesmith.examples.cli.SpecFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Applies many DMS tables in parallel across Spark executors: one task per table, each running {@link DmsApplyTask}
 * (DmsApply with the Hudi Java client inside the task). Tables are independent Hudi tables with one writer each,
 * so tasks never contend; a failed table is reported and does not stop the others.
 *
 * <pre>{@code
 * RunReport report = SparkDmsApply.run(jsc, "s3://dms-bucket/cdc", specsJson, task);
 * }</pre>
 *
 * Submit: {@code spark-submit --class io.lakesmith.examples.spark.SparkDmsApply lakesmith-glue-bundle.jar
 * <source> <specs.json> [--register]}. Spark itself is {@code provided}: it is never on Lakesmith's own class path.
 */
public final class SparkDmsApply {

  private SparkDmsApply() {}

  /**
   * Runs one task per table of {@code specsJson} (a {@link SpecFile}) on {@code jsc}; returns the overall report with
   * one child per table (a success only when every table succeeded).
   */
  public static RunReport run(JavaSparkContext jsc, String source, String specsJson, DmsApplyTask task) {
    List<String> tables = SpecFile.splitTables(specsJson, "specs");
    RunReport.Builder overall = RunReport.builder("spark-apply").source(source).add("tables", tables.size());
    List<String> reports = jsc.parallelize(tables, tables.size()).map(task::apply).collect();
    for (String r : reports) {
      RunReport t = RunReport.fromJson(r);
      overall.child(t);
      if (t.status() == RunReport.Status.FAILED) {
        overall.error(t.name() + " failed");
      }
    }
    return overall.finish();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SparkDmsApply <source> <specs.json> [--register]");
      System.exit(2);
    }
    boolean register = List.of(args).contains("--register");
    String specs = Files.readString(Path.of(args[1]));
    try (JavaSparkContext jsc = new JavaSparkContext(new SparkConf().setAppName("lakesmith-dms-apply"))) {
      RunReport report = run(jsc, args[0], specs, new DmsApplyTask(args[0], null, null, false, false, register,
          500_000));
      System.out.println(report.toJson());
      System.exit(report.status().isSuccess() ? 0 : 1);
    }
  }
}

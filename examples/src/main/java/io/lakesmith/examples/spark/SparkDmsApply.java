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

import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.examples.cli.SpecFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Applies the DMS tables of a spec file with lake-spark's {@link io.lakesmith.spark.SparkDmsApply}: tables whose DMS
 * files reach the distributed threshold across all executors (Hudi's Spark writer), the others one Spark task per
 * table (DmsApply with the Hudi Java client inside the task); then, when asked, registers each applied table in Glue
 * from the driver. A failed table is reported and does not stop the others.
 *
 * <pre>{@code
 * RunReport report = SparkDmsApply.run(spark, "s3://dms-bucket/cdc", specsJson, settings);
 * }</pre>
 *
 * Submit: {@code spark-submit --class io.lakesmith.examples.spark.SparkDmsApply lakesmith-glue-bundle.jar
 * <source> <specs.json> [--register] [--distributed-threshold-bytes N]}. Spark itself is {@code provided}.
 */
public final class SparkDmsApply {

  private SparkDmsApply() {}

  /**
   * Applies every table of {@code specsJson} (a {@link SpecFile}) on {@code spark} with the settings of
   * {@code settings} (endpoint, region, strict mode, registration, commit size); returns the overall report with one
   * child per table (SUCCEEDED only when every table did).
   */
  public static RunReport run(SparkSession spark, String source, String specsJson, DmsApplyTask settings) {
    return run(spark, source, specsJson, settings, io.lakesmith.spark.SparkDmsApply.DEFAULT_DISTRIBUTED_THRESHOLD);
  }

  /** Same, with tables of at least {@code distributedThresholdBytes} of DMS files applied distributed. */
  public static RunReport run(SparkSession spark, String source, String specsJson, DmsApplyTask settings,
      long distributedThresholdBytes) {
    SpecFile file = SpecFile.parse(specsJson, "specs");
    List<TableSpec> tables = file.tables();
    RunReport.Builder overall = RunReport.builder("spark-apply", source).add("tables", tables.size());
    io.lakesmith.spark.SparkDmsApply apply = io.lakesmith.spark.SparkDmsApply.on(spark).from(source)
        .aws(settings.aws()).tables(tables).mode(settings.strict() ? ApplyMode.STRICT : ApplyMode.QUARANTINE)
        .maxRowsPerCommit(settings.maxRowsPerCommit()).distributedThresholdBytes(distributedThresholdBytes);
    file.timestampColumn().ifPresent(apply::timestampColumn);
    file.tableVersion().ifPresent(v -> apply.writeOptions(HudiWriteOptions.builder().tableVersion(v).build()));
    ApplyResult result = apply.execute();
    result.report().details().forEach(overall::detail);
    for (TableSpec spec : tables) {
      RunReport t = result.tables().get(spec.identifier());
      if (t == null) {
        overall.error(spec.identifier() + " failed: no report");
        continue;
      }
      overall.child(t);
      if (t.status() == RunReport.Status.FAILED) {
        overall.error(spec.identifier() + " failed");
      } else if (settings.register()) {
        try (GlueCatalog glue = GlueCatalog.builder().aws(settings.aws()).build()) {
          SyncResult sync = glue.syncHudiTable(spec).execute();
          overall.child(sync.report());
        } catch (RuntimeException e) {
          overall.error(spec.identifier() + " applied but not registered: " + e);
        }
      }
    }
    return overall.finish();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SparkDmsApply <source> <specs.json> [--register] [--distributed-threshold-bytes N]");
      System.exit(2);
    }
    List<String> rest = List.of(args);
    boolean register = rest.contains("--register");
    int t = rest.indexOf("--distributed-threshold-bytes");
    long threshold = t >= 0 ? Long.parseLong(args[t + 1]) : io.lakesmith.spark.SparkDmsApply.DEFAULT_DISTRIBUTED_THRESHOLD;
    String specs = Files.readString(Path.of(args[1]));
    SparkSession spark = SparkSession.builder().appName("lakesmith-dms-apply").getOrCreate();
    try {
      RunReport report = run(spark, args[0], specs, new DmsApplyTask(args[0], null, null, false, false, register,
          500_000), threshold);
      System.out.println(report.toJson());
      System.exit(report.status().isSuccess() ? 0 : 1);
    } finally {
      spark.stop();
    }
  }
}

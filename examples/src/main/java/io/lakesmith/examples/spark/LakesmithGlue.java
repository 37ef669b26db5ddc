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
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Static entry points for AWS Glue (PySpark) jobs, called through py4j with plain strings:
 *
 * <pre>{@code
 * report = sc._jvm.io.lakesmith.examples.spark.LakesmithGlue.applyAll(sc._jsc, source, specs_json, True)
 * }</pre>
 *
 * Each returns the run report as JSON ({@code status} is {@code SUCCEEDED} when every table succeeded), so the
 * Python side needs no Java types.
 */
public final class LakesmithGlue {

  private LakesmithGlue() {}

  /**
   * Applies every table of {@code specsJson} from the DMS output under {@code source} with lake-spark (large tables
   * across the executors, small ones one Spark task per table), on AWS with the job's role; registers each applied table in the Glue Data Catalog when {@code register}.
   */
  public static String applyAll(JavaSparkContext jsc, String source, String specsJson, boolean register) {
    return applyAll(jsc, source, specsJson, register, null, null);
  }

  /** Same, against an S3/Glue-compatible {@code endpoint} (path-style) in {@code region}; nulls mean AWS defaults. */
  public static String applyAll(JavaSparkContext jsc, String source, String specsJson, boolean register,
      String endpoint, String region) {
    DmsApplyTask task = new DmsApplyTask(source, endpoint, region, endpoint != null, false, register, 500_000);
    SparkSession spark = SparkSession.builder().sparkContext(jsc.sc()).getOrCreate();
    RunReport report = SparkDmsApply.run(spark, source, specsJson, task);
    return report.toJson();
  }
}

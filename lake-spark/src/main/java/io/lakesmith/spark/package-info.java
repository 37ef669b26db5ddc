/**
 * DMS apply on Spark: {@link io.lakesmith.spark.SparkDmsApply} applies a large table across Spark's executors with
 * Hudi's Spark writer, with the guarantees of lake-cdc's {@code DmsApply}, and small tables one per task.
 */
package io.lakesmith.spark;

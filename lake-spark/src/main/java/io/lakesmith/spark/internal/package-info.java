/** Internals of the Spark apply: the driver's per-table algorithm and the executors' file tasks. No compatibility promise. */
package io.lakesmith.spark.internal;

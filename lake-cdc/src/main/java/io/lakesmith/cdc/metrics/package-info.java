/**
 * Metrics of applies through Micrometer ({@link io.lakesmith.cdc.metrics.MicrometerApplyMetrics}), an optional
 * dependency: add {@code io.micrometer:micrometer-core} to use it.
 */
package io.lakesmith.cdc.metrics;

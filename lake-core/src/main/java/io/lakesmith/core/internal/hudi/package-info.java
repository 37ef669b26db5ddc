/**
 * Internal: Lakesmith's adapter to Apache Hudi's Java write client (no Spark). Not API; may change in any release.
 * Hadoop configuration for {@code s3a://} and local tables ({@link HadoopConfigurations}), table creation and
 * validation ({@link HudiTables}), an open table with its write client, timeline and commit metadata
 * ({@link HudiTable}) and a snapshot reader through Hudi's file-group reader ({@link HudiTableReader}).
 *
 * <p>Hudi and Hadoop configuration keys are set only inside this package ({@code HudiConfigs},
 * {@link HadoopConfigurations}); callers choose typed options ({@link io.lakesmith.core.hudi.HudiWriteOptions}).
 */
package io.lakesmith.core.internal.hudi;

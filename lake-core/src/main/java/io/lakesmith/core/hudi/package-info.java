/**
 * Lakesmith's adapter to Apache Hudi 1.2.0 through its Java write client (no Spark): typed write options
 * ({@link io.lakesmith.core.hudi.HudiWriteOptions}), Hadoop configuration for {@code s3a://} and local tables
 * ({@link io.lakesmith.core.hudi.HadoopConfigurations}), table creation and validation
 * ({@link io.lakesmith.core.hudi.HudiTables}), an open table with its write client, timeline and commit metadata
 * ({@link io.lakesmith.core.hudi.HudiTable}, {@link io.lakesmith.core.hudi.HudiCommit}) and a snapshot reader
 * through Hudi's file-group reader ({@link io.lakesmith.core.hudi.HudiTableReader}).
 *
 * <p>Hudi and Hadoop configuration keys are set only inside this package (see {@code HudiConfigs} and
 * {@link io.lakesmith.core.hudi.HadoopConfigurations}); callers choose typed options, with
 * {@link io.lakesmith.core.hudi.HudiWriteOptions.Builder#extraOptions} as the escape hatch.
 */
package io.lakesmith.core.hudi;

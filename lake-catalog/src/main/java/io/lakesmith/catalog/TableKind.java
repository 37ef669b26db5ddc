package io.lakesmith.catalog;

/**
 * What a registered table holds, which decides its Glue shape (input/output format, serde, parameters).
 * The exact shapes are listed in {@link GlueCatalog}'s documentation.
 */
public enum TableKind {
  /** A Hudi copy-on-write table: one Glue table read through {@code HoodieParquetInputFormat}. */
  HUDI_COW,
  /**
   * A Hudi merge-on-read table: two Glue tables, {@code <name>_ro} (read-optimized, base files only) and
   * {@code <name>_rt} (snapshot, base files merged with log files).
   */
  HUDI_MOR,
  /** Plain Parquet files (Tier-2 layouts), read through Hive's {@code MapredParquetInputFormat}. */
  PARQUET,
  /** AWS DMS raw CSV output (the bronze tier), with or without a header row and the {@code Op} column. */
  DMS_CSV;

  boolean isHudi() {
    return this == HUDI_COW || this == HUDI_MOR;
  }
}

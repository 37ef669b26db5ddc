package io.lakesmith.catalog;

/** How partition values appear in the folder names below a table's location. */
public enum PartitionLayout {
  /** One folder per partition key, named {@code key=value} (Hive style, Hudi's hive-style partitioning). */
  HIVE_STYLE,
  /**
   * One folder per partition key holding only the value, in key order: DMS date folders
   * ({@code 2024/01/31} for keys year, month, day) and Hudi's default partition paths.
   */
  VALUES_ONLY
}

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

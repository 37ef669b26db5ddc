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

package io.lakesmith.core.hudi;

import io.lakesmith.core.internal.hudi.HudiTables;

/**
 * The Hudi table version (on-storage format) of a table Lakesmith creates. It is fixed when the table is created:
 * every later write keeps the table's own version (Lakesmith never upgrades a table; {@link HudiWriteOptions}'s
 * version only chooses the format of new tables).
 *
 * <p>Which engines read which version (checked 2026-12):
 * <ul>
 *   <li>{@link #V6} (Hudi 0.14/0.15 format): Athena (Hudi 0.14.0/0.15.0), AWS Glue 5.0 (0.15.0), Glue 5.1 (1.0.2),
 *       EMR 6.15+/7.x, Spark with any hudi-spark bundle from 0.14.0 on, hudi-rs, and Hudi 1.x writers;
 *   <li>{@link #V8} (Hudi 1.0 format, LSM timeline): Glue 5.1 (1.0.2), Spark with hudi-spark bundles 1.0.x and later,
 *       hudi-rs; not Athena, not Glue 5.0 or Hudi 0.x;
 *   <li>{@link #V9} (Hudi 1.1+ format): Spark with hudi-spark bundles 1.1.x and later; not Athena, not Glue 5.0/5.1
 *       (Hudi 0.15 and 1.0 fail on its timeline).
 * </ul>
 * Version 6 tables have no merge-mode table property of their own for 0.x readers: they merge with the payload
 * class and precombine field Lakesmith records in {@code hoodie.properties} (see {@link HudiTables}).
 */
public enum TableVersion {
  /** Hudi 0.14/0.15 format: readable by Athena, Glue 5.0 and 5.1; the default. */
  V6(6),
  /** Hudi 1.0 format. */
  V8(8),
  /** Hudi 1.1+ format. */
  V9(9);

  private final int code;

  TableVersion(int code) {
    this.code = code;
  }

  /** The number Hudi stores as {@code hoodie.table.version}. */
  public int code() {
    return code;
  }

  /** The version with Hudi's number {@code code} (6, 8 or 9). */
  public static TableVersion of(int code) {
    for (TableVersion v : values()) {
      if (v.code == code) {
        return v;
      }
    }
    throw new IllegalArgumentException("unsupported Hudi table version " + code + ": Lakesmith writes 6, 8 or 9");
  }
}

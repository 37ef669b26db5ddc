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

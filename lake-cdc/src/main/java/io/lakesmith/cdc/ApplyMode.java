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

package io.lakesmith.cdc;

/**
 * What happens to a source row that cannot be applied (wrong column count, bad value, missing key, unknown Op, bytes
 * that are not text) and to the unreadable rest of a damaged file (unterminated quote, truncated gzip, corrupt
 * Parquet). Problems of the table's description rather than of a row (a CDC file without Op in a table not declared
 * inserts-only, unknown column names, a column name Hudi cannot hold, an unsafe type change, folders that differ
 * only by case) fail the table in both modes, since a quarantined file would count as applied and not be read again
 * once the description is fixed.
 */
public enum ApplyMode {
  /**
   * The batch fails before anything of it is committed; the error names file, line and column. Objects in the
   * table's folder that are not DMS files, and a table with no files, fail the table too.
   */
  STRICT,
  /**
   * The row is written to a quarantine file under {@code <table>/.lakesmith/quarantine/} with file, line,
   * column and reason, in the same batch that skips it; the other rows apply. An unreadable part of a file is one
   * such entry and also a report warning; objects that are not DMS files and a table with no files are warnings.
   */
  QUARANTINE
}

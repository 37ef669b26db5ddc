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

/** Whether the first row of a CSV file holds the column names (DMS {@code AddColumnName}). */
public enum HeaderMode {
  /** The first row is the header ({@code AddColumnName=true}). */
  PRESENT,
  /** No header ({@code AddColumnName=false}, the DMS default): names come from the expected columns. */
  ABSENT,
  /**
   * The first row is a header when its fields (after an optional leading {@code Op}) are non-empty and at least
   * half of them are expected column names (case-insensitive), so headers of files written after DDL added or
   * dropped columns are still recognized; otherwise it is data. Without expected columns (none declared, none known
   * from earlier files) it is a header only on evidence: every field looks like a column name and either the first
   * is {@code Op} or a number or date stands below a name; otherwise the file cannot be read until its columns are
   * declared. A header naming a column twice makes the file unreadable.
   */
  DETECT
}

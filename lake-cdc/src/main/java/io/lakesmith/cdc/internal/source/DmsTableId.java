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

package io.lakesmith.cdc.internal.source;

import com.google.common.base.Preconditions;
import java.util.Comparator;
import java.util.Objects;

/**
 * A source table as DMS names it: the source schema and table, i.e. the folders {@code <schema>/<table>/} under
 * the DMS root, or the {@code schema} and {@code table_name} columns of a {@code CDC_TXN} row. Names are
 * case-sensitive, exactly as DMS writes them. Ordered by schema, then table.
 */
public final class DmsTableId implements Comparable<DmsTableId> {
  private static final Comparator<DmsTableId> ORDER =
      Comparator.comparing(DmsTableId::schema).thenComparing(DmsTableId::table);

  private final String schema;
  private final String table;

  private DmsTableId(String schema, String table) {
    this.schema = schema;
    this.table = table;
  }

  public static DmsTableId of(String schema, String table) {
    Preconditions.checkArgument(schema != null && !schema.isEmpty(), "schema must not be empty");
    Preconditions.checkArgument(table != null && !table.isEmpty(), "table must not be empty");
    return new DmsTableId(schema, table);
  }

  public String schema() {
    return schema;
  }

  public String table() {
    return table;
  }

  /**
   * Whether both name the same table ignoring case: Oracle sources give {@code HR/EMPLOYEES} folders, and catalogs
   * lower-case names, so a spec {@code hr.employees} means that folder.
   */
  public boolean equalsIgnoreCase(DmsTableId other) {
    return other != null && schema.equalsIgnoreCase(other.schema) && table.equalsIgnoreCase(other.table);
  }

  @Override
  public int compareTo(DmsTableId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DmsTableId)) {
      return false;
    }
    DmsTableId other = (DmsTableId) o;
    return schema.equals(other.schema) && table.equals(other.table);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, table);
  }

  /** {@code schema.table}. */
  @Override
  public String toString() {
    return schema + "." + table;
  }
}

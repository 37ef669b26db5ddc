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

import com.google.common.base.Preconditions;
import java.util.Objects;
import java.util.Optional;

/** One change a sync made to a Glue table's columns. Immutable. */
public final class SchemaChange {

  /** What happened to the column. */
  public enum Kind {
    /** A new column, appended after the existing ones. */
    ADDED,
    /** The column's type was widened (int->bigint, float->double, decimal precision up, struct fields appended). */
    WIDENED,
    /** The column's comment was set or changed. */
    COMMENT_CHANGED
  }

  private final String table;
  private final String column;
  private final Kind kind;
  private final String oldType;
  private final String newType;

  SchemaChange(String table, String column, Kind kind, String oldType, String newType) {
    this.table = Preconditions.checkNotNull(table);
    this.column = Preconditions.checkNotNull(column);
    this.kind = Preconditions.checkNotNull(kind);
    this.oldType = oldType;
    this.newType = newType;
  }

  /** {@code database.table} of the Glue table. */
  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  public Kind kind() {
    return kind;
  }

  /** The type before the change; empty for {@link Kind#ADDED}. */
  public Optional<String> oldType() {
    return Optional.ofNullable(oldType);
  }

  public String newType() {
    return newType;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SchemaChange)) {
      return false;
    }
    SchemaChange c = (SchemaChange) o;
    return table.equals(c.table) && column.equals(c.column) && kind == c.kind && Objects.equals(oldType, c.oldType)
        && Objects.equals(newType, c.newType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, column, kind, oldType, newType);
  }

  @Override
  public String toString() {
    return table + "." + column + " " + kind + (oldType == null ? " " : " " + oldType + " -> ") + newType;
  }
}

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
 * A sync would narrow or otherwise incompatibly change a column type (e.g. {@code bigint -> int},
 * {@code double -> float}, {@code string -> int}, a lower decimal precision) or change the partition keys. Nothing
 * was written to the table when this is thrown. The message names the table, the column, the old and the new type.
 */
public final class SchemaEvolutionException extends CatalogException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String column;
  private final String oldType;
  private final String newType;

  SchemaEvolutionException(String table, String column, String oldType, String newType, String reason) {
    super("table " + table + ": column '" + column + "' cannot change from " + oldType + " to " + newType
        + " (" + reason + "); only widening (int->bigint, float->double, decimal precision up, appended struct"
        + " fields) is applied");
    this.table = table;
    this.column = column;
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

  public String oldType() {
    return oldType;
  }

  public String newType() {
    return newType;
  }
}

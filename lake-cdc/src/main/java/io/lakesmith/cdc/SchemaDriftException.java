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

import io.lakesmith.core.LakesmithException;
/**
 * A source file changes a column's type in a way that cannot be applied safely (anything but int to long,
 * float to double, or a wider decimal). Nothing of the batch that met it is written.
 */
public final class SchemaDriftException extends LakesmithException {
  private final String table;
  private final String column;
  private final String oldType;
  private final String newType;

  /** A type change of {@code column} of {@code table} from {@code oldType} to {@code newType} seen in {@code file}. */
  public SchemaDriftException(String table, String column, String oldType, String newType, String file) {
    super("table " + table + ": column " + column + " changes type from " + oldType + " to " + newType
        + " in " + file + "; only int->long, float->double and wider decimals are applied automatically");
    this.table = table;
    this.column = column;
    this.oldType = oldType;
    this.newType = newType;
  }

  public String table() { return table; }

  public String column() { return column; }

  public String oldType() { return oldType; }

  public String newType() { return newType; }
}

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

package io.lakesmith.cdc.internal.source.read;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.table.TableSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The column names a table's files hold when the files do not say (CSV without header, {@code CDC_TXN} rows),
 * in file order and without {@code Op} (a list may start with {@code Op} to say that the file has it). Include
 * the {@code TimestampColumnName} and {@code AR_H_*} columns where the task adds them. Ignored for Parquet files,
 * which carry their own schema, and for CSV files whose header is used.
 */
@FunctionalInterface
public interface ExpectedColumns {

  /** The column names of {@code table}, or empty when unknown. */
  Optional<List<String>> columns(DmsTableId table);

  /** Unknown for every table: only files with a header or Parquet files can be read. */
  static ExpectedColumns none() {
    return table -> Optional.empty();
  }

  /** The same columns for any table: for reading the files of one table. */
  static ExpectedColumns of(List<String> columns) {
    Optional<List<String>> c = Optional.of(ImmutableList.copyOf(columns));
    return table -> c;
  }

  static ExpectedColumns of(Map<DmsTableId, List<String>> columnsByTable) {
    ImmutableMap.Builder<DmsTableId, List<String>> b = ImmutableMap.builder();
    columnsByTable.forEach((t, c) -> b.put(t, ImmutableList.copyOf(c)));
    ImmutableMap<DmsTableId, List<String>> map = b.build();
    return table -> Optional.ofNullable(map.get(table));
  }

  /**
   * Each spec's columns (in schema order) for the table {@code database.table}; specs without a schema are
   * unknown. The spec's columns must be exactly the file's columns, in order.
   */
  static ExpectedColumns fromSpecs(Collection<TableSpec> specs) {
    ImmutableMap.Builder<DmsTableId, List<String>> b = ImmutableMap.builder();
    for (TableSpec spec : specs) {
      if (spec.schema().isPresent()) {
        b.put(DmsTableId.of(spec.database(), spec.table()), ImmutableList.copyOf(spec.columns().keySet()));
      }
    }
    ImmutableMap<DmsTableId, List<String>> map = b.build();
    return table -> Optional.ofNullable(map.get(table));
  }
}

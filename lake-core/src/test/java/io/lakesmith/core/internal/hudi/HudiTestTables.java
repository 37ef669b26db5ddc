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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Small tables and records for the Hudi adapter tests: customers(id, name, region, seq). */
final class HudiTestTables {

  static final Schema SCHEMA = TableSpec.avroSchema("customers", columns());

  private HudiTestTables() {}

  static Map<String, ColumnType> columns() {
    Map<String, ColumnType> c = new LinkedHashMap<>();
    c.put("id", ColumnType.LONG);
    c.put("name", ColumnType.STRING);
    c.put("region", ColumnType.STRING);
    c.put("seq", ColumnType.LONG);
    return c;
  }

  static TableSpec spec(Path dir, TableType type, String... partitionBy) {
    return TableSpec.builder().database("shop").table("customers").recordKey("id").partitionBy(partitionBy)
        .type(type).basePath(dir.resolve("customers").toString()).schema(SCHEMA).build();
  }

  static GenericRecord row(long id, String name, String region, long seq) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("id", id);
    r.put("name", name);
    r.put("region", region);
    r.put("seq", seq);
    return r;
  }

  /** A delete of {@code id}: key, partition value and ordering value only, other columns null. */
  static GenericRecord delete(HudiTable table, long id, String region, long seq) {
    GenericRecord r = new GenericData.Record(table.writerSchema(SCHEMA));
    r.put("id", id);
    r.put("region", region);
    r.put("seq", seq);
    r.put(HudiSchemas.IS_DELETED, true);
    return r;
  }

  /** id -> "name/region/seq" of every row, sorted by id. */
  static Map<Long, String> contents(List<GenericRecord> rows) {
    return rows.stream().sorted(Comparator.comparingLong(r -> (Long) r.get("id")))
        .collect(Collectors.toMap(r -> (Long) r.get("id"),
            r -> r.get("name") + "/" + r.get("region") + "/" + r.get("seq"), (a, b) -> a + " DUPLICATE " + b,
            LinkedHashMap::new));
  }
}

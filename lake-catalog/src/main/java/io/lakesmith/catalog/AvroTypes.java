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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Avro schema to Hive/Glue column types, as parquet-avro writes the data and Hive, Athena and Spark read it.
 *
 * <ul>
 *   <li>{@code ["null", T]} (either order) is {@code T}; a union of several non-null types is a
 *       {@code struct<member0:T0,member1:T1,...>} (parquet-avro's layout);</li>
 *   <li>boolean, int, long -> bigint, float, double, string, bytes -> binary, enum -> string, fixed -> binary;</li>
 *   <li>logical types: decimal (bytes or fixed) -> {@code decimal(p,s)}, date -> date, timestamp-millis/micros and
 *       local-timestamp-millis/micros -> timestamp, time-millis -> int, time-micros -> bigint, uuid -> string;</li>
 *   <li>array -> {@code array<T>}, map -> {@code map<string,T>}, record -> {@code struct<name:T,...>} (nested to any
 *       depth; recursive records are rejected).</li>
 * </ul>
 */
final class AvroTypes {
  private AvroTypes() {}

  static HiveType toHive(Schema schema) {
    return toHive(schema, new HashSet<>());
  }

  private static HiveType toHive(Schema schema, Set<String> recordsInPath) {
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      LogicalTypes.Decimal d = (LogicalTypes.Decimal) logical;
      return HiveType.decimal(d.getPrecision(), d.getScale());
    }
    if (logical instanceof LogicalTypes.Date) {
      return HiveType.DATE;
    }
    if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros
        || logical instanceof LogicalTypes.LocalTimestampMillis || logical instanceof LogicalTypes.LocalTimestampMicros) {
      return HiveType.TIMESTAMP;
    }
    switch (schema.getType()) {
      case BOOLEAN: return HiveType.BOOLEAN;
      case INT: return HiveType.INT; // also time-millis
      case LONG: return HiveType.BIGINT; // also time-micros
      case FLOAT: return HiveType.FLOAT;
      case DOUBLE: return HiveType.DOUBLE;
      case STRING: case ENUM: return HiveType.STRING;
      case BYTES: case FIXED: return HiveType.BINARY;
      case ARRAY: return HiveType.array(toHive(schema.getElementType(), recordsInPath));
      case MAP: return HiveType.map(HiveType.STRING, toHive(schema.getValueType(), recordsInPath));
      case RECORD: {
        if (!recordsInPath.add(schema.getFullName())) {
          throw new IllegalArgumentException("recursive Avro record " + schema.getFullName()
              + " cannot be a Glue column type");
        }
        List<HiveType.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
          fields.add(new HiveType.Field(f.name(), toHive(f.schema(), recordsInPath)));
        }
        recordsInPath.remove(schema.getFullName());
        return HiveType.struct(fields);
      }
      case UNION: {
        List<Schema> branches = new ArrayList<>();
        for (Schema b : schema.getTypes()) {
          if (b.getType() != Schema.Type.NULL) {
            branches.add(b);
          }
        }
        if (branches.isEmpty()) {
          throw new IllegalArgumentException("a union of only null has no Glue column type: " + schema);
        }
        if (branches.size() == 1) {
          return toHive(branches.get(0), recordsInPath);
        }
        List<HiveType.Field> members = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
          members.add(new HiveType.Field("member" + i, toHive(branches.get(i), recordsInPath)));
        }
        return HiveType.struct(members);
      }
      case NULL:
        throw new IllegalArgumentException("a null-typed field has no Glue column type");
      default:
        throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
    }
  }
}

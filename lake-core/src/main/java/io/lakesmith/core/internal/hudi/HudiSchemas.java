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

import com.google.common.base.Preconditions;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.ByteBuffer;
import org.apache.avro.Conversions;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/** Avro schema rules of Lakesmith's Hudi tables: the delete marker column and additive schema evolution. */
final class HudiSchemas {

  /** Hudi's built-in delete marker: a record with this column {@code true} is a delete. */
  static final String IS_DELETED = "_hoodie_is_deleted";

  /** The columns Hudi adds to every stored record. */
  static final Set<String> META_COLUMNS = Set.of("_hoodie_commit_time", "_hoodie_commit_seqno",
      "_hoodie_record_key", "_hoodie_partition_path", "_hoodie_file_name", "_hoodie_operation");

  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private HudiSchemas() {}

  /** {@code schema} with the delete marker column appended (nullable boolean, default null) when it lacks one. */
  static Schema withDeleteMarker(Schema schema) {
    Schema.Field existing = schema.getField(IS_DELETED);
    if (existing != null) {
      Preconditions.checkArgument(ColumnType.nonNull(existing.schema()).getType() == Schema.Type.BOOLEAN,
          "column %s must be boolean, got %s", IS_DELETED, existing.schema());
      return schema;
    }
    List<Schema.Field> fields = copyFields(schema.getFields());
    fields.add(new Schema.Field(IS_DELETED, TableSpec.optional(Schema.create(Schema.Type.BOOLEAN)),
        "Hudi delete marker: true deletes the record (subject to the table's merge mode)", JsonProperties.NULL_VALUE));
    return record(schema, fields);
  }

  /**
   * The schema to write {@code incoming} records with, given the table's current schema: every table column in
   * table order (columns missing from {@code incoming} are written as null: columns are never dropped), then the
   * columns new in {@code incoming}, in its order. New columns must be nullable (rows written before them read
   * null). A column whose type changed must widen losslessly ({@link ColumnType#canWidenTo}); it then takes the
   * wider type.
   *
   * @throws IllegalArgumentException naming the column when a change is not additive
   */
  static Schema reconcile(Schema table, Schema incoming) {
    Map<String, Schema.Field> incomingByName = new LinkedHashMap<>();
    incoming.getFields().forEach(f -> incomingByName.put(f.name(), f));
    List<Schema.Field> fields = new ArrayList<>();
    boolean changed = false;
    for (Schema.Field tf : table.getFields()) {
      Schema.Field inf = incomingByName.remove(tf.name());
      if (inf == null || sameType(tf.schema(), inf.schema())) {
        fields.add(copy(tf));
        continue;
      }
      ColumnType from = ColumnType.fromAvro(tf.schema());
      ColumnType to = ColumnType.fromAvro(inf.schema());
      if (from.equals(to) && (isNullable(tf.schema()) || !isNullable(inf.schema()))) {
        // same type in another representation (a bytes decimal column, fixed incoming): the column keeps the
        // table's; conform converts the values
        fields.add(copy(tf));
        continue;
      }
      Preconditions.checkArgument(from.canWidenTo(to),
          "column '%s' cannot change type from %s to %s (only lossless widening is allowed)", tf.name(), from, to);
      Preconditions.checkArgument(isNullable(inf.schema()) || !isNullable(tf.schema()),
          "column '%s' cannot become required", tf.name());
      // a widened column keeps its representation (bytes decimals stay bytes)
      Schema widened = to.toAvroLike(tf.schema(), table.getFullName(), tf.name());
      fields.add(new Schema.Field(tf.name(), isNullable(tf.schema()) ? TableSpec.optional(widened) : widened,
          tf.doc(), tf.defaultVal()));
      changed = true;
    }
    for (Schema.Field nf : incomingByName.values()) {
      Preconditions.checkArgument(!META_COLUMNS.contains(nf.name()), "column '%s' is reserved by Hudi", nf.name());
      Preconditions.checkArgument(isNullable(nf.schema()),
          "new column '%s' must be nullable: rows written before it have no value", nf.name());
      fields.add(new Schema.Field(nf.name(), nf.schema(), nf.doc(), JsonProperties.NULL_VALUE));
      changed = true;
    }
    return changed ? record(table, fields) : table;
  }

  /**
   * {@code record} in {@code schema}: fields copied by name, fields it lacks set to null; decimals converted when
   * the two schemas store a column differently ({@code bytes} vs {@code fixed}, or a wider decimal).
   */
  static GenericRecord conform(GenericRecord record, Schema schema) {
    if (record.getSchema().equals(schema)) {
      return record;
    }
    GenericData.Record out = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      Schema.Field src = record.getSchema().getField(f.name());
      if (src != null) {
        Object v = record.get(src.pos());
        out.put(f.pos(), v instanceof GenericFixed || v instanceof ByteBuffer ? decimal(v, src.schema(), f.schema()) : v);
      }
    }
    return out;
  }

  /** A bytes/fixed value of {@code from} in {@code to}'s representation when both are decimals that differ. */
  private static Object decimal(Object v, Schema from, Schema to) {
    Schema f = ColumnType.nonNull(from);
    Schema t = ColumnType.nonNull(to);
    if (f.equals(t) || !(f.getLogicalType() instanceof LogicalTypes.Decimal)
        || !(t.getLogicalType() instanceof LogicalTypes.Decimal)) {
      return v;
    }
    java.math.BigDecimal d = ColumnType.decimalValue(v, f)
        .setScale(((LogicalTypes.Decimal) t.getLogicalType()).getScale(), java.math.RoundingMode.UNNECESSARY);
    return t.getType() == Schema.Type.FIXED ? DECIMALS.toFixed(d, t, t.getLogicalType())
        : DECIMALS.toBytes(d, t, t.getLogicalType());
  }

  /** {@code schema} without Hudi's meta columns and delete marker. */
  static Schema withoutMetaColumns(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      if (!META_COLUMNS.contains(f.name()) && !f.name().equals(IS_DELETED)) {
        fields.add(copy(f));
      }
    }
    return record(schema, fields);
  }

  static boolean isNullable(Schema s) {
    if (s.getType() == Schema.Type.NULL) {
      return true;
    }
    return s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
  }

  private static boolean sameType(Schema a, Schema b) {
    return ColumnType.nonNull(a).equals(ColumnType.nonNull(b)) && isNullable(a) == isNullable(b)
        || ColumnType.nonNull(a).equals(ColumnType.nonNull(b)) && isNullable(a);
  }

  private static Schema record(Schema like, List<Schema.Field> fields) {
    return Schema.createRecord(like.getName(), like.getDoc(), like.getNamespace(), false, fields);
  }

  private static List<Schema.Field> copyFields(List<Schema.Field> fields) {
    List<Schema.Field> out = new ArrayList<>();
    fields.forEach(f -> out.add(copy(f)));
    return out;
  }

  private static Schema.Field copy(Schema.Field f) {
    return new Schema.Field(f, f.schema());
  }
}

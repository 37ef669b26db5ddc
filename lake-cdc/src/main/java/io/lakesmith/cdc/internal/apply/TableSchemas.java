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

package io.lakesmith.cdc.internal.apply;

import io.lakesmith.cdc.ApplyException;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.cdc.SchemaDriftException;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * The table schema an apply writes with: the source columns (from the spec, else from the first file), then
 * Lakesmith's bookkeeping columns, and how it evolves when later files bring new or wider columns.
 * Column names match case-insensitively (Glue and Hive lower-case them); the first spelling seen is kept.
 */
public final class TableSchemas {

  /** The change sequence; the Hudi ordering field. */
  public static final String SEQ = DmsApply.ORDERING_FIELD;
  /** The DMS operation that produced the row version: L (full load), I, U or D. */
  public static final String OP = DmsApply.OP_FIELD;
  /** Hudi's delete marker: an upsert with this set deletes the key when its ordering value is newer. */
  public static final String IS_DELETED = "_hoodie_is_deleted";

  private TableSchemas() {}

  /**
   * The write options every DMS apply (Java or Spark) writes {@code spec}'s table with: {@code base} plus the
   * ordering field and event-time merging, and for partitioned tables a global index that moves rows whose partition
   * value changed.
   */
  public static HudiWriteOptions writeOptions(HudiWriteOptions base, TableSpec spec) {
    HudiWriteOptions.Builder o = base.toBuilder().orderingField(SEQ)
        .mergeMode(HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING);
    if (!spec.partitionBy().isEmpty()) {
      // A changed partition value must move the row, not duplicate it: only a global index finds the old one.
      o.indexType(HudiWriteOptions.IndexType.GLOBAL_SIMPLE).updatePartitionPath(true);
    }
    return o.build();
  }

  public static boolean isBookkeeping(String column) {
    return column.equals(SEQ) || column.equals(OP) || column.equals(IS_DELETED);
  }

  /** Initial schema: source columns (tenant column first when set), then the bookkeeping columns. */
  public static Schema initial(TableSpec spec, Map<String, ColumnType> sourceColumns, Optional<String> tenantColumn) {
    Map<String, ColumnType> cols = new LinkedHashMap<>();
    tenantColumn.ifPresent(t -> cols.put(t, ColumnType.STRING));
    sourceColumns.forEach((name, type) -> {
      if (!isBookkeeping(name) && find(cols, name) == null) {
        cols.put(name, type);
      }
    });
    Schema source = TableSpec.avroSchema(spec.table(), cols);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : source.getFields()) {
      fields.add(copy(f));
    }
    // Optional like every column, so the row converter can build whole records; the engine always sets them.
    fields.add(new Schema.Field(SEQ, TableSpec.optional(Schema.create(Schema.Type.STRING)),
        "Lakesmith change sequence (ordering field)", JsonProperties.NULL_VALUE));
    fields.add(new Schema.Field(OP, TableSpec.optional(Schema.create(Schema.Type.STRING)),
        "DMS operation: L, I, U or D", JsonProperties.NULL_VALUE));
    fields.add(new Schema.Field(IS_DELETED, TableSpec.optional(Schema.create(Schema.Type.BOOLEAN)), null,
        JsonProperties.NULL_VALUE));
    return Schema.createRecord(source.getName(), null, source.getNamespace(), false, fields);
  }

  private static String find(Map<String, ?> cols, String name) {
    for (String c : cols.keySet()) {
      if (c.equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  /** The table's field matching {@code name} case-insensitively. */
  public static Optional<Schema.Field> field(Schema schema, String name) {
    Schema.Field exact = schema.getField(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Schema.Field f : schema.getFields()) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** What a file's columns do to the table schema. */
  public static final class Evolution {
    public final Schema schema;
    public final List<String> added;
    public final List<String> widened;

    Evolution(Schema schema, List<String> added, List<String> widened) {
      this.schema = schema;
      this.added = added;
      this.widened = widened;
    }

    public boolean changed() {
      return !added.isEmpty() || !widened.isEmpty();
    }
  }

  /**
   * Evolves {@code current} for a file's columns. {@code fileColumns} maps each column to its type in the file
   * (Parquet) or to empty (CSV: text, typed by the table). New columns are appended (before the bookkeeping
   * columns) as optional, typed by the spec when it declares them, by the file when typed, else string.
   * Safe widening is applied; any other type change throws {@link SchemaDriftException}.
   */
  public static Evolution evolve(String table, Schema current, Map<String, Optional<ColumnType>> fileColumns,
      Map<String, ColumnType> declared, String file) {
    List<Schema.Field> source = new ArrayList<>();
    List<Schema.Field> bookkeeping = new ArrayList<>();
    for (Schema.Field f : current.getFields()) {
      (isBookkeeping(f.name()) ? bookkeeping : source).add(copy(f));
    }
    List<String> added = new ArrayList<>();
    List<String> widened = new ArrayList<>();
    for (Map.Entry<String, Optional<ColumnType>> c : fileColumns.entrySet()) {
      String name = c.getKey();
      if (isBookkeeping(name) || name.equalsIgnoreCase("Op")) {
        continue;
      }
      Optional<Schema.Field> existing = field(current, name);
      if (existing.isEmpty()) {
        checkName(table, name, file);
        String declaredName = find(declared, name);
        ColumnType type = declaredName != null ? declared.get(declaredName) : c.getValue().orElse(ColumnType.STRING);
        source.add(new Schema.Field(name, TableSpec.optional(type.toAvro(current.getFullName(), name)), null,
            JsonProperties.NULL_VALUE));
        added.add(name + " " + type);
        continue;
      }
      if (c.getValue().isEmpty() || find(declared, name) != null) {
        // CSV text, or a declared column: the declared type is the target and each value converts to it (or is a
        // row error); DMS Parquet writes DMS_TIMESTAMP as a string, a declared timestamp reads it as one
        continue;
      }
      ColumnType old = ColumnType.fromAvro(existing.get().schema());
      ColumnType now = c.getValue().get();
      if (now.canWidenTo(old)) {
        continue; // the file is narrower: values convert up
      }
      if (old.canWidenTo(now)) {
        for (int i = 0; i < source.size(); i++) {
          if (source.get(i).name().equals(existing.get().name())) {
            Schema.Field f = source.get(i);
            // a widened column keeps its physical representation (bytes decimals stay bytes)
            source.set(i, new Schema.Field(f.name(), TableSpec.optional(now.toAvroLike(f.schema(), current.getFullName(), f.name())), f.doc(),
                JsonProperties.NULL_VALUE));
          }
        }
        widened.add(existing.get().name() + " " + old + "->" + now);
        continue;
      }
      throw new SchemaDriftException(table, existing.get().name(), old.toString(), now.toString(), file);
    }
    if (added.isEmpty() && widened.isEmpty()) {
      return new Evolution(current, added, widened);
    }
    List<Schema.Field> fields = new ArrayList<>(source);
    fields.addAll(bookkeeping);
    return new Evolution(Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields),
        added, widened);
  }

  private static final java.util.regex.Pattern AVRO_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Hudi columns are Avro names: a file column that cannot be one stops the table with a clear message naming
   * {@code where} (file, line, field).
   */
  public static void checkName(String table, String name, String where) {
    if (!AVRO_NAME.matcher(name).matches()) {
      throw new ApplyException("table " + table + ": " + where + ": a column named '" + name + "', which cannot be a"
          + " Hudi column name (letters, digits and _, not starting with a digit): rename it in the DMS task"
          + " (a transformation rule) or declare the table's columns", (Throwable) null);
    }
  }

  private static Schema.Field copy(Schema.Field f) {
    return new Schema.Field(f, f.schema());
  }
}

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

package io.lakesmith.core.table;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * What a Lakesmith table is: where its source lives in the catalog (database = DMS schema, table), its
 * record key, its partition columns, its Hudi table type, where it is stored and, when known up front, its
 * columns. Immutable; build with {@link #builder()}. {@link Builder#build()} rejects an invalid spec with an
 * {@link IllegalArgumentException} that names the offending field.
 *
 * <p>The schema is optional: DMS CSV files with a header or Parquet files can supply the columns at apply
 * time. When it is given, every record key and partition column must be one of its fields.
 */
public final class TableSpec implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#-]*");

  private final String database;
  private final String table;
  private final ImmutableList<String> recordKey;
  private final ImmutableList<String> partitionBy;
  private final TableType type;
  private final String basePath;
  private final Schema schema;

  private TableSpec(Builder b) {
    this.database = b.database;
    this.table = b.table;
    this.recordKey = ImmutableList.copyOf(b.recordKey);
    this.partitionBy = ImmutableList.copyOf(b.partitionBy);
    this.type = b.type;
    this.basePath = b.basePath;
    this.schema = b.schema;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, for deriving a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder().database(database).table(table).type(type).basePath(basePath);
    b.recordKey.addAll(recordKey);
    b.partitionBy.addAll(partitionBy);
    b.schema = schema;
    return b;
  }

  /** The source schema (DMS) or Glue database. */
  public String database() {
    return database;
  }

  public String table() {
    return table;
  }

  /** {@code database.table}. */
  public String identifier() {
    return database + "." + table;
  }

  public List<String> recordKey() {
    return recordKey;
  }

  public List<String> partitionBy() {
    return partitionBy;
  }

  public TableType type() {
    return type;
  }

  /** Base path of the table: a local path, {@code file:}, {@code s3://} or {@code s3a://} URI. */
  public String basePath() {
    return basePath;
  }

  public Optional<Schema> schema() {
    return Optional.ofNullable(schema);
  }

  /** Columns and their types, in schema order; empty when no schema is known. */
  public Map<String, ColumnType> columns() {
    Map<String, ColumnType> cols = new LinkedHashMap<>();
    if (schema != null) {
      for (Schema.Field f : schema.getFields()) {
        cols.put(f.name(), ColumnType.fromAvro(f.schema()));
      }
    }
    return cols;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TableSpec)) {
      return false;
    }
    TableSpec t = (TableSpec) o;
    return database.equals(t.database) && table.equals(t.table) && recordKey.equals(t.recordKey)
        && partitionBy.equals(t.partitionBy) && type == t.type && basePath.equals(t.basePath)
        && Objects.equals(schema, t.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(database, table, recordKey, partitionBy, type, basePath, schema);
  }

  @Override
  public String toString() {
    return "TableSpec{" + identifier() + ", key=" + recordKey + ", partitionBy=" + partitionBy + ", type=" + type
        + ", basePath=" + basePath + (schema == null ? "" : ", columns=" + columns()) + "}";
  }

  /**
   * The Avro record schema for a list of typed columns: every field optional ({@code ["null", type]}, default
   * null) so that later schema evolution and key-only DMS delete rows stay representable. The record is named as
   * Hudi's Spark writer names a table's record ({@code hoodie.<table>.<table>_record}, the table name sanitized as
   * Hudi sanitizes it), and so are the fixed types of its decimals ({@link ColumnType#toAvro(String, String)}).
   */
  public static Schema avroSchema(String table, Map<String, ColumnType> columns) {
    String name = avroName(table);
    String fullName = "hoodie." + name + "." + name + "_record";
    List<Schema.Field> fields = new ArrayList<>();
    for (Map.Entry<String, ColumnType> c : columns.entrySet()) {
      fields.add(new Schema.Field(c.getKey(), optional(c.getValue().toAvro(fullName, c.getKey())), null,
          JsonProperties.NULL_VALUE));
    }
    return Schema.createRecord(name + "_record", null, "hoodie." + name, false, fields);
  }

  /** {@code ["null", schema]}. */
  public static Schema optional(Schema schema) {
    return schema.getType() == Schema.Type.UNION ? schema
        : Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
  }

  /** As Hudi's {@code HoodieAvroUtils.sanitizeName}: an invalid first character becomes "__", others "_". */
  private static String avroName(String name) {
    String n = name.isEmpty() || name.substring(0, 1).matches("[A-Za-z_]") ? name : "__" + name.substring(1);
    return n.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** Builder of {@link TableSpec}. */
  public static final class Builder {
    private String database;
    private String table;
    private final List<String> recordKey = new ArrayList<>();
    private final List<String> partitionBy = new ArrayList<>();
    private TableType type = TableType.COPY_ON_WRITE;
    private String basePath;
    private Schema schema;
    private final Map<String, ColumnType> columns = new LinkedHashMap<>();

    private Builder() {}

    public Builder database(String value) {
      this.database = value;
      return this;
    }

    public Builder table(String value) {
      this.table = value;
      return this;
    }

    public Builder recordKey(String... cols) {
      return recordKey(List.of(cols));
    }

    public Builder recordKey(List<String> cols) {
      recordKey.clear();
      recordKey.addAll(cols);
      return this;
    }

    public Builder partitionBy(String... cols) {
      return partitionBy(List.of(cols));
    }

    public Builder partitionBy(List<String> cols) {
      partitionBy.clear();
      partitionBy.addAll(cols);
      return this;
    }

    public Builder type(TableType value) {
      this.type = value;
      return this;
    }

    public Builder basePath(String value) {
      this.basePath = value;
      return this;
    }

    /** The table's columns as an Avro record schema; replaces any {@link #column} calls. */
    public Builder schema(Schema value) {
      this.schema = value;
      this.columns.clear();
      return this;
    }

    /** Adds a typed column (in order); the Avro schema is derived with every column optional. */
    public Builder column(String name, ColumnType columnType) {
      Preconditions.checkArgument(name != null && !name.isBlank(), "column name must not be blank");
      Preconditions.checkArgument(columnType != null, "column '%s': type must not be null", name);
      Preconditions.checkArgument(columns.putIfAbsent(name, columnType) == null, "column '%s' declared twice", name);
      this.schema = null;
      return this;
    }

    public TableSpec build() {
      require(database != null && NAME.matcher(database).matches(), "database", database);
      require(table != null && NAME.matcher(table).matches(), "table", table);
      require(!recordKey.isEmpty(), "recordKey", recordKey);
      require(new HashSet<>(recordKey).size() == recordKey.size(), "recordKey", recordKey);
      require(new HashSet<>(partitionBy).size() == partitionBy.size(), "partitionBy", partitionBy);
      require(type != null, "type", null);
      require(basePath != null && !basePath.isBlank(), "basePath", basePath);
      if (!columns.isEmpty()) {
        schema = avroSchema(table, columns);
      }
      if (schema != null) {
        require(schema.getType() == Schema.Type.RECORD, "schema", schema.getType());
        Set<String> names = new HashSet<>();
        schema.getFields().forEach(f -> names.add(f.name()));
        for (String k : recordKey) {
          Preconditions.checkArgument(names.contains(k),
              "TableSpec field 'recordKey': column '%s' is not in the schema %s", k, names);
        }
        for (String p : partitionBy) {
          Preconditions.checkArgument(names.contains(p),
              "TableSpec field 'partitionBy': column '%s' is not in the schema %s", p, names);
        }
      }
      return new TableSpec(this);
    }

    private static void require(boolean ok, String field, Object value) {
      if (!ok) {
        throw new IllegalArgumentException("TableSpec field '" + field + "' is invalid: " + value);
      }
    }
  }
}

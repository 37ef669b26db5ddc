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
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * What to register in the Glue Data Catalog: database and table name, {@link TableKind}, storage location,
 * data columns, partition keys (kept apart from the data columns, as Glue wants), the partition folder layout and
 * format options. Immutable; build with {@link #builder()} or derive from a {@link TableSpec} with
 * {@link #fromSpec(TableSpec)}.
 *
 * <p>Database and table names are lower-cased (Glue and Athena treat them case-insensitively and store them in
 * lower case). Column names keep their case and are matched case-insensitively. The location is normalised to
 * what Glue, Athena and EMR expect: {@code s3://bucket/key} ({@code s3a://} and {@code s3n://} are rewritten)
 * or {@code file:/path} for local tables.
 */
public final class TableDefinition {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,254}");

  private final String database;
  private final String name;
  private final TableKind kind;
  private final String location;
  private final ImmutableList<CatalogColumn> columns;
  private final ImmutableList<CatalogColumn> partitionKeys;
  private final PartitionLayout partitionLayout;
  private final CsvFormat csvFormat;
  private final boolean dmsOpColumn;
  private final String description;
  private final ImmutableMap<String, String> parameters;

  private TableDefinition(Builder b) {
    this.database = b.database;
    this.name = b.name;
    this.kind = b.kind;
    this.location = b.location;
    this.columns = ImmutableList.copyOf(b.columns);
    this.partitionKeys = ImmutableList.copyOf(b.partitionKeys);
    this.partitionLayout = b.partitionLayout;
    this.csvFormat = b.csvFormat;
    this.dmsOpColumn = b.dmsOpColumn;
    this.description = b.description;
    this.parameters = ImmutableMap.copyOf(b.parameters);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The definition of a Lakesmith Hudi table: database and table from the spec, {@link TableKind#HUDI_COW} or
   * {@link TableKind#HUDI_MOR} from its type, its base path as location, the spec's schema as columns with the
   * partition columns moved to the partition keys (typed from the schema, string when absent), hive-style layout.
   * The spec must carry a schema.
   */
  public static TableDefinition fromSpec(TableSpec spec) {
    Schema schema = spec.schema().orElseThrow(() -> new IllegalArgumentException(
        "table " + spec.identifier() + " has no schema: give the spec a schema or sync the Hudi table itself"));
    return builder().database(spec.database()).name(spec.table())
        .kind(spec.type() == TableType.MERGE_ON_READ ? TableKind.HUDI_MOR : TableKind.HUDI_COW)
        .location(spec.basePath()).columnsFromAvro(schema, spec.partitionBy()).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.database = database;
    b.name = name;
    b.kind = kind;
    b.location = location;
    b.columns.addAll(columns);
    b.partitionKeys.addAll(partitionKeys);
    b.partitionLayout = partitionLayout;
    b.csvFormat = csvFormat;
    b.dmsOpColumn = dmsOpColumn;
    b.description = description;
    b.parameters.putAll(parameters);
    return b;
  }

  public String database() {
    return database;
  }

  public String name() {
    return name;
  }

  /** {@code database.name}. */
  public String identifier() {
    return database + "." + name;
  }

  public TableKind kind() {
    return kind;
  }

  /** The normalised location: {@code s3://bucket/key} or {@code file:/path}, no trailing '/'. */
  public String location() {
    return location;
  }

  /** Data columns in order, without the partition keys (and without the DMS {@code Op} column). */
  public List<CatalogColumn> columns() {
    return columns;
  }

  public List<CatalogColumn> partitionKeys() {
    return partitionKeys;
  }

  public PartitionLayout partitionLayout() {
    return partitionLayout;
  }

  /** The CSV options; only for {@link TableKind#DMS_CSV} (DMS defaults when not set). */
  public CsvFormat csvFormat() {
    return csvFormat;
  }

  /** Whether DMS files start with the {@code Op} column (I/U/D), registered as the first column. */
  public boolean dmsOpColumn() {
    return dmsOpColumn;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Extra table parameters, set on every sync (Lakesmith's own parameters win on a clash). */
  public Map<String, String> parameters() {
    return parameters;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TableDefinition)) {
      return false;
    }
    TableDefinition t = (TableDefinition) o;
    return database.equals(t.database) && name.equals(t.name) && kind == t.kind && location.equals(t.location)
        && columns.equals(t.columns) && partitionKeys.equals(t.partitionKeys) && partitionLayout == t.partitionLayout
        && csvFormat.equals(t.csvFormat) && dmsOpColumn == t.dmsOpColumn && Objects.equals(description, t.description)
        && parameters.equals(t.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(database, name, kind, location, columns, partitionKeys);
  }

  @Override
  public String toString() {
    return "TableDefinition{" + identifier() + ", " + kind + ", " + location + ", columns=" + columns
        + ", partitionKeys=" + partitionKeys + ", layout=" + partitionLayout + "}";
  }

  static String normaliseLocation(String location) {
    String uri = StorageLocation.parse(location).toUri();
    while (uri.endsWith("/")) {
      uri = uri.substring(0, uri.length() - 1);
    }
    return uri;
  }

  /** Builder of {@link TableDefinition}. */
  public static final class Builder {
    private String database;
    private String name;
    private TableKind kind;
    private String location;
    private final List<CatalogColumn> columns = new ArrayList<>();
    private final List<CatalogColumn> partitionKeys = new ArrayList<>();
    private PartitionLayout partitionLayout = PartitionLayout.HIVE_STYLE;
    private CsvFormat csvFormat = CsvFormat.dmsDefault();
    private boolean dmsOpColumn;
    private String description;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Builder() {}

    public Builder database(String value) {
      this.database = value == null ? null : value.toLowerCase(Locale.ROOT);
      return this;
    }

    public Builder name(String value) {
      this.name = value == null ? null : value.toLowerCase(Locale.ROOT);
      return this;
    }

    public Builder kind(TableKind value) {
      this.kind = value;
      return this;
    }

    /** A local path, {@code file:}, {@code s3://}, {@code s3a://} or {@code s3n://} URI. */
    public Builder location(String value) {
      this.location = value == null ? null : normaliseLocation(value);
      return this;
    }

    public Builder column(CatalogColumn value) {
      columns.add(Preconditions.checkNotNull(value, "column"));
      return this;
    }

    public Builder column(String columnName, String hiveType) {
      return column(CatalogColumn.of(columnName, hiveType));
    }

    public Builder column(String columnName, ColumnType type) {
      return column(CatalogColumn.of(columnName, type));
    }

    /** Replaces the data columns. */
    public Builder columns(List<CatalogColumn> values) {
      columns.clear();
      values.forEach(this::column);
      return this;
    }

    /**
     * Replaces columns and partition keys with an Avro record's fields: the fields named in
     * {@code partitionColumns} become partition keys (in that order, string when the schema lacks them), the
     * others data columns in schema order.
     */
    public Builder columnsFromAvro(Schema record, List<String> partitionColumns) {
      Preconditions.checkArgument(record.getType() == Schema.Type.RECORD, "not an Avro record: %s", record);
      columns.clear();
      partitionKeys.clear();
      Map<String, CatalogColumn> byName = new LinkedHashMap<>();
      for (Schema.Field f : record.getFields()) {
        byName.put(f.name().toLowerCase(Locale.ROOT), CatalogColumn.fromAvro(f));
      }
      Set<String> parts = new HashSet<>();
      for (String p : partitionColumns) {
        parts.add(p.toLowerCase(Locale.ROOT));
        CatalogColumn c = byName.get(p.toLowerCase(Locale.ROOT));
        partitionKeys.add(c == null ? CatalogColumn.of(p, HiveType.STRING, null) : c);
      }
      for (Map.Entry<String, CatalogColumn> e : byName.entrySet()) {
        if (!parts.contains(e.getKey())) {
          columns.add(e.getValue());
        }
      }
      return this;
    }

    public Builder partitionKey(CatalogColumn value) {
      partitionKeys.add(Preconditions.checkNotNull(value, "partition key"));
      return this;
    }

    public Builder partitionKey(String keyName, String hiveType) {
      return partitionKey(CatalogColumn.of(keyName, hiveType));
    }

    public Builder partitionKeys(List<CatalogColumn> values) {
      partitionKeys.clear();
      values.forEach(this::partitionKey);
      return this;
    }

    public Builder partitionLayout(PartitionLayout value) {
      this.partitionLayout = Preconditions.checkNotNull(value, "partitionLayout");
      return this;
    }

    public Builder csvFormat(CsvFormat value) {
      this.csvFormat = Preconditions.checkNotNull(value, "csvFormat");
      return this;
    }

    public Builder dmsOpColumn(boolean value) {
      this.dmsOpColumn = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder parameter(String key, String value) {
      parameters.put(Preconditions.checkNotNull(key), Preconditions.checkNotNull(value));
      return this;
    }

    public TableDefinition build() {
      require(database != null && NAME.matcher(database).matches(), "database", database);
      require(name != null && NAME.matcher(name).matches(), "name", name);
      require(kind != null, "kind", null);
      require(location != null, "location", null);
      require(!columns.isEmpty(), "columns", columns);
      Set<String> seen = new HashSet<>();
      if (dmsOpColumn) {
        Preconditions.checkArgument(kind == TableKind.DMS_CSV, "table %s.%s: the Op column is for DMS_CSV tables", database, name);
        seen.add("op");
      }
      for (CatalogColumn c : columns) {
        Preconditions.checkArgument(seen.add(c.name().toLowerCase(Locale.ROOT)),
            "table %s.%s: column '%s' is declared twice (or clashes with Op)", database, name, c.name());
      }
      for (CatalogColumn c : partitionKeys) {
        Preconditions.checkArgument(seen.add(c.name().toLowerCase(Locale.ROOT)),
            "table %s.%s: partition key '%s' is also a column or declared twice", database, name, c.name());
        Preconditions.checkArgument(c.hiveType().kind() != HiveType.Kind.ARRAY && c.hiveType().kind() != HiveType.Kind.MAP
            && c.hiveType().kind() != HiveType.Kind.STRUCT, "table %s.%s: partition key '%s' must be a primitive type, not %s",
            database, name, c.name(), c.type());
      }
      return new TableDefinition(this);
    }

    private void require(boolean ok, String field, Object value) {
      if (!ok) {
        throw new IllegalArgumentException("TableDefinition field '" + field + "' is invalid: " + value);
      }
    }
  }
}

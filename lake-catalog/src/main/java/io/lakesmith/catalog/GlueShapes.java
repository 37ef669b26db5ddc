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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Glue table shapes of each {@link TableKind}: formats, serde and parameters. Hudi shapes follow Hudi's own
 * Glue/Hive sync ({@code HiveSyncTool}, {@code AWSGlueCatalogSyncClient}, {@code SparkDataSourceTableUtils}) so that
 * Athena, Spark and Hive read them as they read a table Hudi registered itself. Every Glue/Hive string constant of
 * the module lives here.
 */
final class GlueShapes {
  private GlueShapes() {}

  static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";
  static final String EXTERNAL = "EXTERNAL";

  static final String HUDI_INPUT_FORMAT = "org.apache.hudi.hadoop.HoodieParquetInputFormat";
  static final String HUDI_REALTIME_INPUT_FORMAT = "org.apache.hudi.hadoop.realtime.HoodieParquetRealtimeInputFormat";
  static final String PARQUET_INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  static final String PARQUET_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
  static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
  static final String TEXT_INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
  static final String TEXT_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
  static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
  static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

  static final String SERIALIZATION_FORMAT = "serialization.format";
  static final String SERDE_PATH = "path";
  static final String QUERY_AS_RO_TABLE = "hoodie.query.as.ro.table";
  static final String SPARK_PROVIDER = "spark.sql.sources.provider";
  static final String SPARK_SCHEMA_NUM_PARTS = "spark.sql.sources.schema.numParts";
  static final String SPARK_SCHEMA_PART = "spark.sql.sources.schema.part.";
  static final String SPARK_SCHEMA_NUM_PART_COLS = "spark.sql.sources.schema.numPartCols";
  static final String SPARK_SCHEMA_PART_COL = "spark.sql.sources.schema.partCol.";
  static final String ATHENA_HUDI_METADATA_LISTING = "hudi.metadata-listing-enabled";
  static final String CLASSIFICATION = "classification";
  static final String SKIP_HEADER = "skip.header.line.count";
  static final String LAKESMITH_KIND = "lakesmith.table.kind";

  /** Hudi's marker of the last synced commit (its requested instant time). */
  static final String LAST_COMMIT_TIME_SYNC = "last_commit_time_sync";
  /** Hudi 1.x's marker of the last synced commit's completion time. */
  static final String LAST_COMMIT_COMPLETION_TIME_SYNC = "last_commit_completion_time_sync";

  static final String RO_SUFFIX = "_ro";
  static final String RT_SUFFIX = "_rt";

  /** Hudi's default {@code hoodie.datasource.hive_sync.schema_string_length_threshold}. */
  static final int SPARK_SCHEMA_PART_LENGTH = 4000;

  static final String OP_COLUMN = "Op";

  private static final java.util.Set<String> OWNED_TABLE_PARAMETERS = java.util.Set.of(EXTERNAL, LAKESMITH_KIND,
      CLASSIFICATION, SKIP_HEADER, "delimiter", "areColumnsQuoted", ATHENA_HUDI_METADATA_LISTING, SPARK_PROVIDER);
  private static final java.util.Set<String> OWNED_SERDE_PARAMETERS = java.util.Set.of(SERIALIZATION_FORMAT, SERDE_PATH,
      QUERY_AS_RO_TABLE, "separatorChar", "quoteChar", "escapeChar", "field.delim", "serialization.null.format");

  /**
   * Whether a table parameter is set by the shapes, so that an existing value the shape no longer sets is removed
   * (e.g. {@code skip.header.line.count} once files lose their header, surplus Spark schema parts). The Hudi sync
   * markers are not: they are only ever replaced.
   */
  static boolean ownedTableParameter(String key) {
    return OWNED_TABLE_PARAMETERS.contains(key) || key.startsWith("spark.sql.sources.schema.");
  }

  static boolean ownedSerdeParameter(String key) {
    return OWNED_SERDE_PARAMETERS.contains(key);
  }

  /** One Glue table to create or keep in sync: everything Lakesmith owns in it. */
  static final class Shape {
    final String tableName;
    final String description;
    final ImmutableMap<String, String> parameters;
    final String location;
    final String inputFormat;
    final String outputFormat;
    final String serde;
    final ImmutableMap<String, String> serdeParameters;
    final ImmutableList<CatalogColumn> columns;
    final ImmutableList<CatalogColumn> partitionKeys;

    Shape(String tableName, String description, Map<String, String> parameters, String location, String inputFormat,
        String outputFormat, String serde, Map<String, String> serdeParameters, List<CatalogColumn> columns,
        List<CatalogColumn> partitionKeys) {
      this.tableName = tableName;
      this.description = description;
      this.parameters = ImmutableMap.copyOf(parameters);
      this.location = location;
      this.inputFormat = inputFormat;
      this.outputFormat = outputFormat;
      this.serde = serde;
      this.serdeParameters = ImmutableMap.copyOf(serdeParameters);
      this.columns = ImmutableList.copyOf(columns);
      this.partitionKeys = ImmutableList.copyOf(partitionKeys);
    }
  }

  /** The Glue tables of a definition: one, or {@code _ro} then {@code _rt} for merge-on-read. */
  static List<Shape> shapes(TableDefinition def) {
    switch (def.kind()) {
      case HUDI_COW:
        return List.of(hudi(def, def.name(), false, false));
      case HUDI_MOR:
        return List.of(hudi(def, def.name() + RO_SUFFIX, false, true), hudi(def, def.name() + RT_SUFFIX, true, false));
      case PARQUET:
        return List.of(parquet(def));
      case DMS_CSV:
        return List.of(csv(def));
      default:
        throw new AssertionError(def.kind());
    }
  }

  private static Map<String, String> baseParameters(TableDefinition def) {
    Map<String, String> p = new LinkedHashMap<>(def.parameters());
    p.put(EXTERNAL, "TRUE");
    p.put(LAKESMITH_KIND, def.kind().name());
    return p;
  }

  private static Shape hudi(TableDefinition def, String tableName, boolean realtime, boolean readOptimized) {
    Map<String, String> params = baseParameters(def);
    params.put(ATHENA_HUDI_METADATA_LISTING, "FALSE");
    params.putAll(sparkTableProperties(def.columns(), def.partitionKeys()));
    Map<String, String> serde = new LinkedHashMap<>();
    serde.put(SERIALIZATION_FORMAT, "1");
    serde.put(SERDE_PATH, def.location());
    serde.put(QUERY_AS_RO_TABLE, Boolean.toString(readOptimized));
    return new Shape(tableName, def.description().orElse(null), params, def.location(),
        realtime ? HUDI_REALTIME_INPUT_FORMAT : HUDI_INPUT_FORMAT, PARQUET_OUTPUT_FORMAT, PARQUET_SERDE, serde,
        def.columns(), def.partitionKeys());
  }

  private static Shape parquet(TableDefinition def) {
    Map<String, String> params = baseParameters(def);
    params.put(CLASSIFICATION, "parquet");
    return new Shape(def.name(), def.description().orElse(null), params, def.location(), PARQUET_INPUT_FORMAT,
        PARQUET_OUTPUT_FORMAT, PARQUET_SERDE, Map.of(SERIALIZATION_FORMAT, "1"), def.columns(), def.partitionKeys());
  }

  private static Shape csv(TableDefinition def) {
    CsvFormat f = def.csvFormat();
    Map<String, String> params = baseParameters(def);
    params.put(CLASSIFICATION, "csv");
    params.put("delimiter", String.valueOf(f.delimiter()));
    params.put("areColumnsQuoted", Boolean.toString(f.quoted()));
    if (f.header()) {
      params.put(SKIP_HEADER, "1");
    }
    Map<String, String> serde = new LinkedHashMap<>();
    String serdeLib;
    if (f.quoted()) {
      serdeLib = OPEN_CSV_SERDE;
      serde.put("separatorChar", String.valueOf(f.delimiter()));
      serde.put("quoteChar", String.valueOf(f.quoteChar()));
      serde.put("escapeChar", String.valueOf(f.escapeChar()));
    } else {
      serdeLib = LAZY_SIMPLE_SERDE;
      serde.put("field.delim", String.valueOf(f.delimiter()));
      serde.put(SERIALIZATION_FORMAT, String.valueOf(f.delimiter()));
      f.nullValue().ifPresent(n -> serde.put("serialization.null.format", n));
    }
    List<CatalogColumn> columns = new ArrayList<>();
    if (def.dmsOpColumn()) {
      columns.add(CatalogColumn.of(OP_COLUMN, HiveType.STRING, "DMS operation: I (insert), U (update), D (delete)"));
    }
    columns.addAll(def.columns());
    return new Shape(def.name(), def.description().orElse(null), params, def.location(), TEXT_INPUT_FORMAT,
        TEXT_OUTPUT_FORMAT, serdeLib, serde, columns, def.partitionKeys());
  }

  /**
   * Spark's data-source table properties, as Hudi writes them: provider, the schema as Spark JSON (data columns,
   * then partition columns) split into parts of at most 4000 characters, and the partition column names.
   */
  static Map<String, String> sparkTableProperties(List<CatalogColumn> columns, List<CatalogColumn> partitionKeys) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(SPARK_PROVIDER, "hudi");
    String json = sparkSchemaJson(columns, partitionKeys);
    int parts = (json.length() + SPARK_SCHEMA_PART_LENGTH - 1) / SPARK_SCHEMA_PART_LENGTH;
    p.put(SPARK_SCHEMA_NUM_PARTS, Integer.toString(parts));
    for (int i = 0; i < parts; i++) {
      p.put(SPARK_SCHEMA_PART + i, json.substring(i * SPARK_SCHEMA_PART_LENGTH,
          Math.min(json.length(), (i + 1) * SPARK_SCHEMA_PART_LENGTH)));
    }
    if (!partitionKeys.isEmpty()) {
      p.put(SPARK_SCHEMA_NUM_PART_COLS, Integer.toString(partitionKeys.size()));
      for (int i = 0; i < partitionKeys.size(); i++) {
        p.put(SPARK_SCHEMA_PART_COL + i, partitionKeys.get(i).name());
      }
    }
    return p;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static String sparkSchemaJson(List<CatalogColumn> columns, List<CatalogColumn> partitionKeys) {
    ObjectNode root = NODES.objectNode();
    root.put("type", "struct");
    ArrayNode fields = root.putArray("fields");
    for (CatalogColumn c : columns) {
      fields.add(sparkField(c.name(), c.hiveType(), c.comment().orElse(null)));
    }
    for (CatalogColumn c : partitionKeys) {
      fields.add(sparkField(c.name(), c.hiveType(), c.comment().orElse(null)));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode sparkField(String name, HiveType type, String comment) {
    ObjectNode f = NODES.objectNode();
    f.put("name", name);
    f.set("type", sparkType(type));
    f.put("nullable", true);
    ObjectNode md = f.putObject("metadata");
    if (comment != null && !comment.isBlank()) {
      md.put("comment", comment);
    }
    return f;
  }

  private static com.fasterxml.jackson.databind.JsonNode sparkType(HiveType t) {
    switch (t.kind()) {
      case DECIMAL:
        return NODES.textNode("decimal(" + t.precision() + "," + t.scale() + ")");
      case ARRAY: {
        ObjectNode n = NODES.objectNode();
        n.put("type", "array");
        n.set("elementType", sparkType(t.elementType()));
        n.put("containsNull", true);
        return n;
      }
      case MAP: {
        ObjectNode n = NODES.objectNode();
        n.put("type", "map");
        n.set("keyType", sparkType(t.keyType()));
        n.set("valueType", sparkType(t.valueType()));
        n.put("valueContainsNull", true);
        return n;
      }
      case STRUCT: {
        ObjectNode n = NODES.objectNode();
        n.put("type", "struct");
        ArrayNode fs = n.putArray("fields");
        for (HiveType.Field f : t.fields()) {
          fs.add(sparkField(f.name, f.type, null));
        }
        return n;
      }
      case PRIMITIVE:
        return NODES.textNode(sparkPrimitive(t.name()));
      default:
        throw new AssertionError(t.kind());
    }
  }

  private static String sparkPrimitive(String hive) {
    switch (hive) {
      case "tinyint": return "byte";
      case "smallint": return "short";
      case "int": return "integer";
      case "bigint": return "long";
      case "void": return "null";
      default:
        if (hive.startsWith("varchar(") || hive.startsWith("char(")) {
          return "string";
        }
        return hive; // boolean, float, double, string, binary, date, timestamp
    }
  }
}

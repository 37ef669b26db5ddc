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

package io.lakesmith.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.core.hudi.TableVersion;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table spec file of {@code lakesmith apply --all --specs <file.json>}: one entry per DMS table.
 *
 * <pre>{@code
 * {
 *   "targetRoot": "s3://lake/warehouse",        // optional: default target <targetRoot>/<database>/<table>
 *   "timestampColumn": "DMS_TS",                // optional: DMS TimestampColumnName, for every table
 *   "tableVersion": 6,                          // optional: Hudi table version of new tables: 6 (default), 8, 9
 *   "tables": [
 *     {
 *       "database": "hr",                       // the DMS schema folder (and the Glue database)
 *       "table": "employees",                   // the DMS table folder
 *       "key": ["EMPLOYEE_ID"],                 // or "EMPLOYEE_ID" / "A,B"
 *       "partitionBy": ["DEPARTMENT_ID"],       // optional, or a string
 *       "type": "cow",                          // optional: cow (default) or mor
 *       "target": "s3://lake/hr/employees",     // optional when targetRoot is set
 *       "columns": [                            // optional: without, names come from CSV headers / Parquet
 *         {"name": "EMPLOYEE_ID", "type": "long"},
 *         {"name": "SALARY", "type": "decimal(8,2)"}
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * Column types: {@code boolean, int, long|bigint, float, double, decimal(p,s), string, date, timestamp, bytes}.
 * {@code tableVersion} only chooses the format of tables Lakesmith creates (6: Athena, Glue 5.0/5.1; see
 * {@link TableVersion}); existing tables keep their own version. Unknown fields are rejected so that a typo does not silently change a table.
 */
public final class SpecFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TOP = List.of("targetRoot", "timestampColumn", "tableVersion", "tables");
  private static final List<String> TABLE = List.of("database", "table", "key", "partitionBy", "type", "target",
      "columns");

  final List<TableSpec> tables;
  final Optional<String> timestampColumn;
  final Optional<TableVersion> tableVersion;

  /** The tables, in file order. */
  public List<TableSpec> tables() {
    return tables;
  }

  /** The DMS {@code TimestampColumnName} for every table, when set. */
  public Optional<String> timestampColumn() {
    return timestampColumn;
  }

  /** The Hudi table version of tables the apply creates, when set (default 6). */
  public Optional<TableVersion> tableVersion() {
    return tableVersion;
  }

  /** Parses and validates spec-file JSON; {@code name} is used in error messages. */
  public static SpecFile parse(String json, String name) {
    try {
      return parse(JSON.readTree(json), name);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Splits spec-file JSON into one spec file per table (each keeping the file's {@code targetRoot} and
   * {@code timestampColumn}), validating it first: what a distributed job ships to its workers, one per task.
   */
  public static List<String> splitTables(String json, String name) {
    parse(json, name);
    try {
      JsonNode root = JSON.readTree(json);
      List<String> out = new ArrayList<>();
      for (JsonNode t : root.get("tables")) {
        com.fasterxml.jackson.databind.node.ObjectNode one = root.deepCopy();
        one.putArray("tables").add(t);
        out.add(JSON.writeValueAsString(one));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private SpecFile(List<TableSpec> tables, String timestampColumn, TableVersion tableVersion) {
    this.tables = List.copyOf(tables);
    this.timestampColumn = Optional.ofNullable(timestampColumn);
    this.tableVersion = Optional.ofNullable(tableVersion);
  }

  /** {@code 6}, {@code 8} or {@code 9} (a number or a string), as the CLI's {@code --table-version}. */
  static TableVersion tableVersion(String text, String where) {
    try {
      return TableVersion.of(Integer.parseInt(text.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": expected 6, 8 or 9, got '" + text + "'", e);
    }
  }

  /** Reads and validates a spec file; {@link IllegalArgumentException} names the file, entry and field. */
  public static SpecFile read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    return parse(root, file.toString());
  }

  static SpecFile parse(JsonNode root, String name) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(name + ": expected a JSON object with \"tables\"");
    }
    unknown(root, TOP, name);
    String targetRoot = text(root, "targetRoot", name);
    JsonNode tables = root.get("tables");
    if (tables == null || !tables.isArray() || tables.isEmpty()) {
      throw new IllegalArgumentException(name + ": \"tables\" must be a non-empty array");
    }
    List<TableSpec> specs = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      String where = name + ": tables[" + i + "]";
      JsonNode t = tables.get(i);
      if (!t.isObject()) {
        throw new IllegalArgumentException(where + ": expected an object");
      }
      unknown(t, TABLE, where);
      String database = required(t, "database", where);
      String table = required(t, "table", where);
      where = where + " (" + database + "." + table + ")";
      List<String> key = names(t, "key", where);
      if (key.isEmpty()) {
        throw new IllegalArgumentException(where + ": \"key\" is required");
      }
      String target = text(t, "target", where);
      if (target == null) {
        if (targetRoot == null) {
          throw new IllegalArgumentException(where + ": \"target\" is required (or set \"targetRoot\")");
        }
        target = targetRoot.replaceAll("/+$", "") + "/" + database + "/" + table;
      }
      TableSpec.Builder b = TableSpec.builder().database(database).table(table).recordKey(key)
          .partitionBy(names(t, "partitionBy", where)).type(tableType(text(t, "type", where), where + ": \"type\""))
          .basePath(target);
      JsonNode columns = t.get("columns");
      if (columns != null) {
        if (!columns.isArray()) {
          throw new IllegalArgumentException(where + ": \"columns\" must be an array of {\"name\", \"type\"}");
        }
        for (int c = 0; c < columns.size(); c++) {
          String cw = where + ": columns[" + c + "]";
          JsonNode col = columns.get(c);
          if (!col.isObject()) {
            throw new IllegalArgumentException(cw + ": expected {\"name\": ..., \"type\": ...}");
          }
          unknown(col, List.of("name", "type"), cw);
          String type = required(col, "type", cw);
          try {
            b.column(required(col, "name", cw), ColumnType.parse(type));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cw + ": " + e.getMessage(), e);
          }
        }
      }
      try {
        specs.add(b.build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    JsonNode version = root.get("tableVersion");
    TableVersion tableVersion = version == null || version.isNull() ? null
        : tableVersion(version.asText(), name + ": \"tableVersion\"");
    return new SpecFile(specs, text(root, "timestampColumn", name), tableVersion);
  }

  /** {@code cow} / {@code mor} (also the Hudi names), default copy-on-write. */
  static TableType tableType(String text, String where) {
    if (text == null) {
      return TableType.COPY_ON_WRITE;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "cow": case "copy_on_write": return TableType.COPY_ON_WRITE;
      case "mor": case "merge_on_read": return TableType.MERGE_ON_READ;
      default: throw new IllegalArgumentException(where + ": expected cow or mor, got '" + text + "'");
    }
  }

  private static void unknown(JsonNode node, List<String> known, String where) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String f = it.next().getKey();
      if (!known.contains(f)) {
        throw new IllegalArgumentException(where + ": unknown field \"" + f + "\" (known: " + known + ")");
      }
    }
  }

  private static String required(JsonNode node, String field, String where) {
    String v = text(node, field, where);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" is required");
    }
    return v;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a string");
    }
    return v.asText();
  }

  /** A list of column names: a JSON array of strings or one comma-separated string. */
  private static List<String> names(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isTextual()) {
      for (String s : v.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a string or an array of strings");
    }
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isBlank()) {
        throw new IllegalArgumentException(where + ": \"" + field + "\" must hold non-empty strings");
      }
      out.add(e.asText().trim());
    }
    return out;
  }
}

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

package io.lakesmith.compaction.hudi;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * Tables shaped like the ones the DMS apply engine writes: event-time ordering on the string column
 * {@code _lake_seq}, {@code _lake_op}, Hudi's {@code _hoodie_is_deleted} delete marker, and the source checkpoint
 * in each data commit's extra metadata.
 */
final class HudiFixture {

  static final AwsSettings LOCAL = AwsSettings.defaults();
  static final Schema SCHEMA;

  static {
    Map<String, ColumnType> c = new LinkedHashMap<>();
    c.put("id", ColumnType.LONG);
    c.put("name", ColumnType.STRING);
    c.put("region", ColumnType.STRING);
    c.put("_lake_seq", ColumnType.STRING);
    c.put("_lake_op", ColumnType.STRING);
    SCHEMA = TableSpec.avroSchema("employees", c);
  }

  private HudiFixture() {}

  static TableSpec spec(Path dir, TableType type) {
    return TableSpec.builder().database("hr").table("employees").recordKey("id").partitionBy("region").type(type)
        .basePath(dir.resolve("employees").toString()).schema(SCHEMA).build();
  }

  /** Apply-engine-like options; a small-file limit of 0 sends MOR updates to log files and gives each insert its own files. */
  static HudiWriteOptions options() {
    return HudiWriteOptions.builder().orderingField("_lake_seq").smallFileLimitBytes(0).build();
  }

  static HudiTable create(Path dir, TableType type) {
    return HudiTables.create(spec(dir, type), null, options(), LOCAL);
  }

  static GenericRecord row(long id, String name, String region, long seq) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("id", id);
    r.put("name", name);
    r.put("region", region);
    r.put("_lake_seq", new Utf8(String.format("%020d", seq)));
    r.put("_lake_op", "U");
    return r;
  }

  static GenericRecord delete(HudiTable table, long id, String region, long seq) {
    GenericRecord r = new GenericData.Record(table.writerSchema(SCHEMA));
    r.put("id", id);
    r.put("region", region);
    r.put("_lake_seq", new Utf8(String.format("%020d", seq)));
    r.put("_lake_op", "D");
    r.put("_hoodie_is_deleted", true);
    return r;
  }

  static Map<String, String> checkpoint(int n) {
    return Map.of(HudiMaintenance.CHECKPOINT_KEY, "{\"applied\":{\"20250101-0000" + String.format("%05d", n)
        + ".csv\":\"1@1\"}}");
  }

  /** id -> name/region/seq of the table's latest snapshot. */
  static Map<Long, String> contents(HudiTable table) {
    return contents(table.newReader());
  }

  static Map<Long, String> contentsAsOf(HudiTable table, String instant) {
    return contents(table.newReader().asOfInstant(instant));
  }

  private static Map<Long, String> contents(HudiTableReader reader) {
    return reader.withoutMetaColumns().read().stream()
        .sorted(Comparator.comparingLong(r -> (Long) r.get("id")))
        .collect(Collectors.toMap(r -> (Long) r.get("id"), r -> r.get("name") + "/" + r.get("region") + "/"
            + r.get("_lake_seq"), (a, b) -> a + " DUPLICATE " + b, TreeMap::new));
  }

  /** Data files (base and log) under the table, relative to its base path, sorted. */
  static List<String> dataFiles(HudiTable table) {
    Path base = Path.of(table.spec().basePath());
    try (Stream<Path> s = Files.walk(base)) {
      return s.filter(Files::isRegularFile).map(p -> base.relativize(p).toString())
          .filter(p -> !p.startsWith(".hoodie") && !p.contains("/.hoodie_partition_metadata")
              && (p.endsWith(".parquet") || p.contains(".log.")))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

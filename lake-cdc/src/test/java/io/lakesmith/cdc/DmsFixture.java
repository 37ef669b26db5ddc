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

package io.lakesmith.cdc;

import io.lakesmith.cdc.internal.apply.TableSchemas;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.aws.AwsSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.generic.GenericRecord;

/** Writes DMS-shaped files under a root folder and reads Hudi tables back through Hudi's reader. */
final class DmsFixture {
  final Path root;

  DmsFixture(Path root) {
    this.root = root;
  }

  /** Writes {@code lines} (joined with \n, trailing \n) to {@code root/relative}; gzip when it ends in .gz. */
  Path write(String relative, String... lines) {
    Path p = root.resolve(relative);
    try {
      Files.createDirectories(p.getParent());
      byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
      if (relative.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
          out.write(bytes);
        }
      } else {
        Files.write(p, bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The table's rows by the string value of {@code keyColumn}, without Hudi meta columns. */
  static Map<String, GenericRecord> read(String basePath, String keyColumn) {
    return read(basePath, keyColumn, AwsSettings.defaults());
  }

  /** Same, on a table reached with {@code aws}. */
  static Map<String, GenericRecord> read(String basePath, String keyColumn, AwsSettings aws) {
    Map<String, GenericRecord> rows = new TreeMap<>();
    for (GenericRecord r : HudiTableReader.of(basePath, aws).withoutMetaColumns().read()) {
      GenericRecord previous = rows.put(String.valueOf(r.get(keyColumn)), r);
      if (previous != null) {
        throw new AssertionError("duplicate key " + r.get(keyColumn) + ": " + previous + " and " + r);
      }
    }
    return rows;
  }

  /** Completed commits on the table's active timeline. */
  static int commits(String base, String... recordKey) {
    return commitList(base, recordKey).size();
  }

  static java.util.List<io.lakesmith.core.hudi.HudiCommit> commitList(String base, String... recordKey) {
    try (var t = io.lakesmith.core.internal.hudi.HudiTables.open(
        io.lakesmith.core.table.TableSpec.builder().database("any").table("any").recordKey(recordKey).basePath(base)
            .build(),
        io.lakesmith.core.hudi.HudiWriteOptions.builder().orderingField(TableSchemas.SEQ).build(),
        AwsSettings.defaults())) {
      return t.commits();
    }
  }

  /** {@code column=value} pairs of a record as strings, for compact assertions. */
  static String s(GenericRecord r, String column) {
    Object v = r.get(column);
    return v == null ? null : v.toString();
  }
}

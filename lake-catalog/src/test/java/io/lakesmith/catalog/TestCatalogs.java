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

import io.lakesmith.testing.AwsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/** Catalogs on the emulator with fast retries, and helpers to read Glue back with a plain client. */
final class TestCatalogs {
  private TestCatalogs() {}

  static final String ACCOUNT = "123456789012";

  static GlueCatalog catalog(GlueRecorder recorder) {
    return builder(recorder).build();
  }

  static GlueCatalog.Builder builder(GlueRecorder recorder) {
    return GlueCatalog.builder().aws(AwsEmulator.get().settings()).catalogId(ACCOUNT)
        .retryPolicy(RetryPolicy.of(6, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(100)))
        .concurrentModificationBackoff(Duration.ofMillis(5)).addInterceptor(recorder);
  }

  static GlueClient glue() {
    return AwsEmulator.get().glue();
  }

  static Table table(String db, String name) {
    return glue().getTable(r -> r.databaseName(db).name(name)).table();
  }

  static List<Partition> partitions(String db, String name) {
    return glue().getPartitions(r -> r.databaseName(db).tableName(name)).partitions();
  }

  static int versions(String db, String name) {
    return glue().getTableVersions(r -> r.databaseName(db).tableName(name)).tableVersions().size();
  }

  static List<String> columnNames(Table t) {
    return t.storageDescriptor().columns().stream().map(c -> c.name()).collect(Collectors.toList());
  }

  static void touch(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[] {1});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

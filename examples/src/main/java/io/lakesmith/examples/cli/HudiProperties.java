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

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code .hoodie/hoodie.properties} of a Hudi table, read through Lakesmith's object store: what commands that
 * take only a base path ({@code register}, {@code maintain}) need to build a {@link TableSpec}.
 */
final class HudiProperties {
  private final Properties props;

  private HudiProperties(Properties props) {
    this.props = props;
  }

  /** The table's properties, or empty when there is no Hudi table at {@code basePath}. */
  static Optional<HudiProperties> read(String basePath, AwsSettings aws) {
    StorageLocation base = StorageLocation.parse(basePath);
    String key = base.resolve(".hoodie/hoodie.properties").key();
    try (ObjectStore store = ObjectStores.open(base, aws)) {
      if (store.head(key).isEmpty()) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (InputStream in = store.open(key)) {
        p.load(in);
      }
      return Optional.of(new HudiProperties(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + base.resolve(".hoodie/hoodie.properties"), e);
    }
  }

  TableType type() {
    return "MERGE_ON_READ".equalsIgnoreCase(props.getProperty("hoodie.table.type", "COPY_ON_WRITE"))
        ? TableType.MERGE_ON_READ : TableType.COPY_ON_WRITE;
  }

  List<String> recordKey() {
    return list("hoodie.table.recordkey.fields");
  }

  List<String> partitionFields() {
    List<String> out = new ArrayList<>();
    for (String f : list("hoodie.table.partition.fields")) {
      out.add(f.contains(":") ? f.substring(0, f.indexOf(':')) : f); // custom key generator's field:TYPE
    }
    return out;
  }

  /** The ordering (event-time) fields: {@code hoodie.table.ordering.fields}, else the older precombine field. */
  List<String> orderingFields() {
    List<String> o = list("hoodie.table.ordering.fields");
    return o.isEmpty() ? list("hoodie.table.precombine.field") : o;
  }

  Optional<String> mergeMode() {
    return Optional.ofNullable(props.getProperty("hoodie.record.merge.mode"));
  }

  Optional<String> name() {
    return Optional.ofNullable(props.getProperty("hoodie.table.name"));
  }

  /** A spec of the table as stored, named {@code database.table}. */
  TableSpec spec(String database, String table, String basePath) {
    List<String> key = recordKey();
    return TableSpec.builder().database(database).table(table)
        .recordKey(key.isEmpty() ? List.of("_hoodie_record_key") : key).partitionBy(partitionFields()).type(type())
        .basePath(basePath).build();
  }

  private List<String> list(String name) {
    List<String> out = new ArrayList<>();
    String v = props.getProperty(name);
    if (v != null) {
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }
}

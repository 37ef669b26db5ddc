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

import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Partition folders to partition values and back: discovery on storage and Hudi partition paths. */
final class PartitionPaths {
  private PartitionPaths() {}

  /** What a storage scan found. */
  static final class Scan {
    final Map<List<String>, String> partitions = new LinkedHashMap<>();
    long dataFiles;
    /** Data files above the partition depth (e.g. DMS full-load files at the table root): in no partition. */
    long filesOutsidePartitions;
    /** Data files under folders that do not match the layout (wrong key names). */
    long filesInForeignFolders;
  }

  /**
   * Lists every data file below the table location and maps the first {@code keys.size()} folders of each to
   * partition values. Hidden or temporary entries (a path segment starting with '.' or '_', such as
   * {@code .hoodie}, {@code _SUCCESS}, {@code _temporary}) are ignored.
   */
  static Scan scan(ObjectStore store, StorageLocation root, String tableLocation, List<CatalogColumn> keys,
      PartitionLayout layout) {
    Scan scan = new Scan();
    String prefix = root.prefix();
    try (Stream<ObjectInfo> objects = store.list(prefix)) {
      objects.forEach(o -> {
        String rel = o.key().substring(prefix.length());
        if (rel.isEmpty() || rel.endsWith("/")) {
          return; // folder marker
        }
        String[] segments = rel.split("/");
        for (String s : segments) {
          if (s.startsWith(".") || s.startsWith("_")) {
            return;
          }
        }
        scan.dataFiles++;
        if (segments.length - 1 < keys.size()) {
          scan.filesOutsidePartitions++;
          return;
        }
        List<String> folders = List.of(segments).subList(0, keys.size());
        Optional<List<String>> values = values(folders, keys, layout);
        if (values.isEmpty()) {
          scan.filesInForeignFolders++;
          return;
        }
        scan.partitions.putIfAbsent(values.get(), tableLocation + "/" + String.join("/", folders));
      });
    }
    return scan;
  }

  /** The partition values of folder names, or empty when they do not follow the layout. */
  static Optional<List<String>> values(List<String> folders, List<CatalogColumn> keys, PartitionLayout layout) {
    if (folders.size() != keys.size()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < folders.size(); i++) {
      String f = folders.get(i);
      if (layout == PartitionLayout.HIVE_STYLE) {
        int eq = f.indexOf('=');
        if (eq < 0 || !unescape(f.substring(0, eq)).toLowerCase(Locale.ROOT)
            .equals(keys.get(i).name().toLowerCase(Locale.ROOT))) {
          return Optional.empty();
        }
        values.add(unescape(f.substring(eq + 1)));
      } else {
        values.add(unescape(f));
      }
    }
    return Optional.of(values);
  }

  /**
   * The values of a Hudi partition path (relative to the base path): one value per '/'-separated segment, the
   * part after '=' for hive-style segments; when the table has a single partition field but the path has several
   * segments (slash-encoded dates such as {@code 2024/01/31}), the whole path is the one value.
   */
  static List<String> hudiValues(String partitionPath, int partitionFields, boolean urlEncoded) {
    if (partitionFields == 0) {
      return List.of();
    }
    String[] segments = partitionPath.split("/");
    if (segments.length != partitionFields) {
      if (partitionFields == 1) {
        return List.of(urlEncoded ? unescape(partitionPath) : partitionPath);
      }
      throw new CatalogException("Hudi partition path '" + partitionPath + "' has " + segments.length
          + " segments but the table has " + partitionFields + " partition fields");
    }
    List<String> values = new ArrayList<>();
    for (String s : segments) {
      int eq = s.indexOf('=');
      String v = eq >= 0 ? s.substring(eq + 1) : s;
      values.add(urlEncoded ? unescape(v) : v);
    }
    return values;
  }

  /** Decodes Hive's/URL {@code %XX} escapes; anything else is kept as is. */
  static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}

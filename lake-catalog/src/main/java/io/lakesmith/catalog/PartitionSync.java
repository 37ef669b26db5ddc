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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * Brings a Glue table's partitions in line with storage. Partitions copy the table's storage descriptor (formats,
 * serde, the columns at the time) with their own location, as Hudi's sync and Athena's {@code ADD PARTITION} do.
 * An existing partition is rewritten only when its location, input format or serde changed. Order: add, update,
 * drop; each in batches within Glue's limits.
 */
final class PartitionSync {

  /** Counts of what was done. */
  static final class Counts {
    long added;
    long updated;
    long dropped;
  }

  private final GlueOps ops;

  PartitionSync(GlueOps ops) {
    this.ops = ops;
  }

  /**
   * Full diff: every partition in {@code wanted} exists with that location afterwards; when {@code dropMissing},
   * every other partition of the table is dropped.
   */
  Counts syncAll(String database, String table, StorageDescriptor template, Map<List<String>, String> wanted,
      boolean dropMissing) {
    Map<List<String>, Partition> existing = new LinkedHashMap<>();
    for (Partition p : ops.getPartitions(database, table)) {
      existing.put(p.values(), p);
    }
    List<List<String>> drop = new ArrayList<>();
    if (dropMissing) {
      for (List<String> v : existing.keySet()) {
        if (!wanted.containsKey(v)) {
          drop.add(v);
        }
      }
    }
    return apply(database, table, template, wanted, existing, drop);
  }

  /**
   * Incremental: the {@code written} partitions exist with their locations afterwards and the {@code dropped} ones
   * are gone; other partitions are not looked at.
   */
  Counts syncSome(String database, String table, StorageDescriptor template, Map<List<String>, String> written,
      Set<List<String>> dropped) {
    Set<List<String>> keys = new LinkedHashSet<>(written.keySet());
    keys.addAll(dropped);
    Map<List<String>, Partition> existing = new LinkedHashMap<>();
    if (!keys.isEmpty()) {
      for (Partition p : ops.batchGetPartitions(database, table, new ArrayList<>(keys))) {
        existing.put(p.values(), p);
      }
    }
    List<List<String>> drop = new ArrayList<>();
    for (List<String> v : dropped) {
      if (existing.containsKey(v) && !written.containsKey(v)) {
        drop.add(v);
      }
    }
    return apply(database, table, template, written, existing, drop);
  }

  private Counts apply(String database, String table, StorageDescriptor template, Map<List<String>, String> wanted,
      Map<List<String>, Partition> existing, List<List<String>> drop) {
    Counts counts = new Counts();
    List<PartitionInput> create = new ArrayList<>();
    List<BatchUpdatePartitionRequestEntry> update = new ArrayList<>();
    for (Map.Entry<List<String>, String> w : wanted.entrySet()) {
      Partition have = existing.get(w.getKey());
      if (have == null) {
        create.add(input(template, w.getKey(), w.getValue()));
      } else if (differs(have, template, w.getValue())) {
        update.add(updateEntry(template, w.getKey(), w.getValue()));
      }
    }
    if (!create.isEmpty()) {
      List<List<String>> alreadyThere = ops.batchCreatePartitions(database, table, create);
      counts.added += create.size() - alreadyThere.size();
      // created meanwhile (or by an earlier attempt of a retried call): make sure they point where they should
      for (List<String> v : alreadyThere) {
        update.add(updateEntry(template, v, wanted.get(v)));
      }
    }
    if (!update.isEmpty()) {
      List<List<String>> gone = ops.batchUpdatePartitions(database, table, update);
      counts.updated += update.size() - gone.size();
      if (!gone.isEmpty()) {
        List<PartitionInput> recreate = new ArrayList<>();
        gone.forEach(v -> recreate.add(input(template, v, wanted.get(v))));
        List<List<String>> again = ops.batchCreatePartitions(database, table, recreate);
        counts.added += recreate.size() - again.size();
      }
    }
    if (!drop.isEmpty()) {
      ops.batchDeletePartitions(database, table, drop);
      counts.dropped += drop.size();
    }
    return counts;
  }

  private static boolean differs(Partition have, StorageDescriptor template, String location) {
    StorageDescriptor sd = have.storageDescriptor();
    if (sd == null) {
      return true;
    }
    String haveSerde = sd.serdeInfo() == null ? null : sd.serdeInfo().serializationLibrary();
    String wantSerde = template.serdeInfo() == null ? null : template.serdeInfo().serializationLibrary();
    return !Objects.equals(trimSlash(sd.location()), trimSlash(location))
        || !Objects.equals(sd.inputFormat(), template.inputFormat())
        || !Objects.equals(haveSerde, wantSerde);
  }

  private static String trimSlash(String s) {
    return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static PartitionInput input(StorageDescriptor template, List<String> values, String location) {
    return PartitionInput.builder().values(values).storageDescriptor(template.toBuilder().location(location).build())
        .build();
  }

  private static BatchUpdatePartitionRequestEntry updateEntry(StorageDescriptor template, List<String> values,
      String location) {
    return BatchUpdatePartitionRequestEntry.builder().partitionValueList(values)
        .partitionInput(input(template, values, location)).build();
  }
}

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

import com.google.common.collect.Lists;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionFailureEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Glue calls of one action: every request carries the catalog id and the action's {@link CallStats}; batch
 * calls are cut to Glue's limits; listings follow {@code NextToken} and run {@code Segment}s in parallel.
 */
final class GlueOps {

  static final int MAX_CREATE_PARTITIONS = 100;
  static final int MAX_UPDATE_PARTITIONS = 100;
  static final int MAX_DELETE_PARTITIONS = 25;
  static final int MAX_GET_PARTITIONS = 1000;

  private final GlueClient glue;
  private final String catalogId;
  private final CallStats stats;
  private final int pageSize;
  private final int segments;

  GlueOps(GlueClient glue, String catalogId, CallStats stats, int pageSize, int segments) {
    this.glue = glue;
    this.catalogId = catalogId;
    this.stats = stats;
    this.pageSize = pageSize;
    this.segments = segments;
  }

  CallStats stats() {
    return stats;
  }

  private Consumer<AwsRequestOverrideConfiguration.Builder> tagged() {
    return o -> o.putExecutionAttribute(CallStats.ATTRIBUTE, stats);
  }

  boolean databaseExists(String database) {
    stats.call("GetDatabase");
    try {
      glue.getDatabase(r -> r.catalogId(catalogId).name(database).overrideConfiguration(tagged()));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  void createDatabase(String database) {
    stats.call("CreateDatabase");
    try {
      glue.createDatabase(r -> r.catalogId(catalogId).overrideConfiguration(tagged())
          .databaseInput(d -> d.name(database).description("Created by Lakesmith")));
    } catch (AlreadyExistsException e) {
      // another writer created it meanwhile: fine
    }
  }

  Optional<Table> getTable(String database, String table) {
    stats.call("GetTable");
    try {
      return Optional.of(glue.getTable(r -> r.catalogId(catalogId).databaseName(database).name(table)
          .overrideConfiguration(tagged())).table());
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Throws {@link AlreadyExistsException} when the table exists. */
  void createTable(String database, TableInput input) {
    stats.call("CreateTable");
    glue.createTable(r -> r.catalogId(catalogId).databaseName(database).tableInput(input).overrideConfiguration(tagged()));
  }

  /** Throws {@code ConcurrentModificationException} when {@code versionId} is no longer the table's version. */
  void updateTable(String database, TableInput input, String versionId, boolean skipArchive) {
    stats.call("UpdateTable");
    glue.updateTable(r -> r.catalogId(catalogId).databaseName(database).tableInput(input).versionId(versionId)
        .skipArchive(skipArchive).overrideConfiguration(tagged()));
  }

  /** Every partition of the table (without column lists), following NextToken, segments in parallel. */
  List<Partition> getPartitions(String database, String table) {
    if (segments <= 1) {
      return listSegment(database, table, -1);
    }
    ExecutorService pool = Executors.newFixedThreadPool(segments, r -> {
      Thread t = new Thread(r, "glue-partitions-" + database + "." + table);
      t.setDaemon(true);
      return t;
    });
    try {
      List<CompletableFuture<List<Partition>>> futures = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        int segment = s;
        futures.add(CompletableFuture.supplyAsync(() -> listSegment(database, table, segment), pool));
      }
      List<Partition> all = new ArrayList<>();
      for (CompletableFuture<List<Partition>> f : futures) {
        all.addAll(f.join());
      }
      return all;
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Partition> listSegment(String database, String table, int segment) {
    List<Partition> out = new ArrayList<>();
    String token = null;
    do {
      stats.call("GetPartitions");
      String t = token;
      GetPartitionsResponse page = glue.getPartitions(r -> {
        r.catalogId(catalogId).databaseName(database).tableName(table).maxResults(pageSize).nextToken(t)
            .excludeColumnSchema(true).overrideConfiguration(tagged());
        if (segment >= 0) {
          r.segment(s -> s.segmentNumber(segment).totalSegments(segments));
        }
      });
      out.addAll(page.partitions());
      token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
    } while (token != null);
    return out;
  }

  /** The partitions with these values that exist (absent ones are left out). */
  List<Partition> batchGetPartitions(String database, String table, List<List<String>> values) {
    List<Partition> out = new ArrayList<>();
    for (List<List<String>> chunk : Lists.partition(values, MAX_GET_PARTITIONS)) {
      List<PartitionValueList> keys = new ArrayList<>();
      for (List<String> v : chunk) {
        keys.add(PartitionValueList.builder().values(v).build());
      }
      while (!keys.isEmpty()) {
        stats.call("BatchGetPartition");
        final List<PartitionValueList> k = List.copyOf(keys);
        BatchGetPartitionResponse resp = glue.batchGetPartition(r -> r.catalogId(catalogId).databaseName(database)
            .tableName(table).partitionsToGet(k).overrideConfiguration(tagged()));
        out.addAll(resp.partitions());
        keys = new ArrayList<>(resp.unprocessedKeys());
      }
    }
    return out;
  }

  /**
   * Creates the partitions, {@value #MAX_CREATE_PARTITIONS} a call. Returns the values of those that already
   * existed (e.g. a retried call whose first attempt went through); throws on any other per-entry error.
   */
  List<List<String>> batchCreatePartitions(String database, String table, List<PartitionInput> inputs) {
    List<List<String>> existing = new ArrayList<>();
    List<PartitionError> failures = new ArrayList<>();
    for (List<PartitionInput> chunk : Lists.partition(inputs, MAX_CREATE_PARTITIONS)) {
      stats.call("BatchCreatePartition");
      BatchCreatePartitionResponse resp = glue.batchCreatePartition(r -> r.catalogId(catalogId).databaseName(database)
          .tableName(table).partitionInputList(chunk).overrideConfiguration(tagged()));
      for (PartitionError e : resp.errors()) {
        if ("AlreadyExistsException".equals(e.errorDetail().errorCode())) {
          existing.add(e.partitionValues());
        } else {
          failures.add(e);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new CatalogException("cannot create " + failures.size() + " partition(s) of " + database + "." + table
          + ": " + describe(failures));
    }
    return existing;
  }

  /**
   * Updates the partitions, {@value #MAX_UPDATE_PARTITIONS} a call. Returns the values of those that no longer
   * existed; throws on any other per-entry error.
   */
  List<List<String>> batchUpdatePartitions(String database, String table, List<BatchUpdatePartitionRequestEntry> entries) {
    List<List<String>> missing = new ArrayList<>();
    List<BatchUpdatePartitionFailureEntry> failures = new ArrayList<>();
    for (List<BatchUpdatePartitionRequestEntry> chunk : Lists.partition(entries, MAX_UPDATE_PARTITIONS)) {
      stats.call("BatchUpdatePartition");
      BatchUpdatePartitionResponse resp = glue.batchUpdatePartition(r -> r.catalogId(catalogId).databaseName(database)
          .tableName(table).entries(chunk).overrideConfiguration(tagged()));
      for (BatchUpdatePartitionFailureEntry e : resp.errors()) {
        if ("EntityNotFoundException".equals(e.errorDetail().errorCode())) {
          missing.add(e.partitionValueList());
        } else {
          failures.add(e);
        }
      }
    }
    if (!failures.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      failures.stream().limit(5).forEach(f -> sb.append(f.partitionValueList()).append(": ")
          .append(f.errorDetail().errorCode()).append(' ').append(f.errorDetail().errorMessage()).append("; "));
      throw new CatalogException("cannot update " + failures.size() + " partition(s) of " + database + "." + table
          + ": " + sb);
    }
    return missing;
  }

  /** Deletes the partitions, {@value #MAX_DELETE_PARTITIONS} a call; ones already gone are fine. */
  void batchDeletePartitions(String database, String table, List<List<String>> values) {
    List<PartitionError> failures = new ArrayList<>();
    for (List<List<String>> chunk : Lists.partition(values, MAX_DELETE_PARTITIONS)) {
      List<PartitionValueList> keys = new ArrayList<>();
      chunk.forEach(v -> keys.add(PartitionValueList.builder().values(v).build()));
      stats.call("BatchDeletePartition");
      BatchDeletePartitionResponse resp = glue.batchDeletePartition(r -> r.catalogId(catalogId).databaseName(database)
          .tableName(table).partitionsToDelete(keys).overrideConfiguration(tagged()));
      for (PartitionError e : resp.errors()) {
        if (!"EntityNotFoundException".equals(e.errorDetail().errorCode())) {
          failures.add(e);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new CatalogException("cannot drop " + failures.size() + " partition(s) of " + database + "." + table
          + ": " + describe(failures));
    }
  }

  private static String describe(List<PartitionError> errors) {
    StringBuilder sb = new StringBuilder();
    errors.stream().limit(5).forEach(e -> sb.append(e.partitionValues()).append(": ").append(e.errorDetail().errorCode())
        .append(' ').append(e.errorDetail().errorMessage()).append("; "));
    if (errors.size() > 5) {
      sb.append("and ").append(errors.size() - 5).append(" more");
    }
    return sb.toString();
  }
}

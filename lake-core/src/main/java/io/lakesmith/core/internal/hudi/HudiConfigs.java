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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.CleanPolicy;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hudi.common.config.HoodieMetadataConfig;
import org.apache.hudi.common.config.HoodieStorageConfig;
import org.apache.hudi.common.config.RecordMergeMode;
import org.apache.hudi.common.config.TypedProperties;
import org.apache.hudi.common.engine.EngineType;
import org.apache.hudi.common.table.HoodieTableConfig;
import org.apache.hudi.common.table.marker.MarkerType;
import org.apache.hudi.config.HoodieCompactionConfig;
import org.apache.hudi.config.HoodieIndexConfig;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.keygen.constant.KeyGeneratorOptions;
import org.apache.hudi.keygen.constant.KeyGeneratorType;

/** Every Hudi configuration key Lakesmith sets lives here, each with the reason it is set. */
final class HudiConfigs {

  private HudiConfigs() {}

  /** SIMPLE for one key and one partition column, NON_PARTITION without partitions, COMPLEX otherwise. */
  static KeyGeneratorType keyGeneratorType(TableSpec spec) {
    if (spec.partitionBy().isEmpty()) {
      return KeyGeneratorType.NON_PARTITION;
    }
    if (spec.partitionBy().size() == 1 && spec.recordKey().size() == 1) {
      return KeyGeneratorType.SIMPLE;
    }
    return KeyGeneratorType.COMPLEX;
  }

  static RecordMergeMode mergeMode(HudiWriteOptions options) {
    return options.mergeMode() == HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING
        ? RecordMergeMode.EVENT_TIME_ORDERING : RecordMergeMode.COMMIT_TIME_ORDERING;
  }

  /** Key generator properties: what turns a record into its Hudi key and hive-style partition path. */
  static TypedProperties keyGeneratorProps(TableSpec spec) {
    TypedProperties p = new TypedProperties();
    p.setProperty(KeyGeneratorOptions.RECORDKEY_FIELD_NAME.key(), String.join(",", spec.recordKey()));
    p.setProperty(KeyGeneratorOptions.PARTITIONPATH_FIELD_NAME.key(), String.join(",", spec.partitionBy()));
    // col=value directories: what Glue/Athena/Hive partition discovery expects
    p.setProperty(KeyGeneratorOptions.HIVE_STYLE_PARTITIONING_ENABLE.key(), "true");
    // values are used verbatim (a '/' in a value would nest directories; partition on dates/strings without '/')
    p.setProperty(KeyGeneratorOptions.URL_ENCODE_PARTITIONING.key(), "false");
    p.setProperty(HoodieWriteConfig.KEYGENERATOR_TYPE.key(), keyGeneratorType(spec).name());
    return p;
  }

  /** The write configuration of a table for one writer schema. */
  static HoodieWriteConfig writeConfig(TableSpec spec, String basePath, Schema writerSchema, HudiWriteOptions o) {
    return writeConfig(spec, basePath, writerSchema, o, Map.of());
  }

  /**
   * The write configuration for an explicitly requested compaction: schedule whenever any log file exists (the
   * default trigger waits for 5 delta commits, meant for inline compaction after writes).
   */
  static HoodieWriteConfig compactionConfig(TableSpec spec, String basePath, Schema schema, HudiWriteOptions o) {
    return writeConfig(spec, basePath, schema, o, Map.of(
        HoodieCompactionConfig.INLINE_COMPACT_TRIGGER_STRATEGY.key(), "NUM_COMMITS",
        HoodieCompactionConfig.INLINE_COMPACT_NUM_DELTA_COMMITS.key(), "1"));
  }

  /**
   * The write configuration for a table service run by {@link HudiTableServices}: the table's own configuration,
   * then {@code overrides}, with automatic clean and archive after commits off (services run only when asked,
   * each with the retention the caller chose, so a compaction commit never triggers an archival with defaults).
   */
  static HoodieWriteConfig serviceConfig(TableSpec spec, String basePath, Schema schema, HudiWriteOptions o,
      Map<String, String> overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(org.apache.hudi.config.HoodieCleanConfig.AUTO_CLEAN.key(), "false");
    p.put(org.apache.hudi.config.HoodieArchivalConfig.AUTO_ARCHIVE.key(), "false");
    // services never run asynchronously inside the Java client: each call does its work before returning
    p.put(org.apache.hudi.config.HoodieCleanConfig.ASYNC_CLEAN.key(), "false");
    p.put(org.apache.hudi.config.HoodieArchivalConfig.ASYNC_ARCHIVE.key(), "false");
    p.putAll(overrides);
    return writeConfig(spec, basePath, schema, o, p);
  }

  /** Clean configuration: one of Hudi's cleaner policies with its retention. */
  static Map<String, String> cleanOverrides(CleanPolicy policy, int retained) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(org.apache.hudi.config.HoodieCleanConfig.CLEANER_POLICY.key(), policy.name());
    switch (policy) {
      case KEEP_LATEST_COMMITS:
        p.put(org.apache.hudi.config.HoodieCleanConfig.CLEANER_COMMITS_RETAINED.key(), Integer.toString(retained));
        break;
      case KEEP_LATEST_BY_HOURS:
        p.put(org.apache.hudi.config.HoodieCleanConfig.CLEANER_HOURS_RETAINED.key(), Integer.toString(retained));
        break;
      default:
        p.put(org.apache.hudi.config.HoodieCleanConfig.CLEANER_FILE_VERSIONS_RETAINED.key(), Integer.toString(retained));
    }
    // a clean right after a commit must run: trigger on every commit
    p.put(org.apache.hudi.config.HoodieCleanConfig.CLEAN_TRIGGER_MAX_COMMITS.key(), "1");
    return p;
  }

  /** Clustering configuration: the Java engine's size-based plan and sort-and-size execution strategies. */
  static Map<String, String> clusteringOverrides(long smallFileLimitBytes, long targetFileBytes, int maxGroups,
      List<String> sortColumns) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_CLASS_NAME.key(),
        org.apache.hudi.config.HoodieClusteringConfig.JAVA_SIZED_BASED_CLUSTERING_PLAN_STRATEGY);
    p.put(org.apache.hudi.config.HoodieClusteringConfig.EXECUTION_STRATEGY_CLASS_NAME.key(),
        org.apache.hudi.config.HoodieClusteringConfig.JAVA_SORT_AND_SIZE_EXECUTION_STRATEGY);
    p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_SMALL_FILE_LIMIT.key(), Long.toString(smallFileLimitBytes));
    p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_TARGET_FILE_MAX_BYTES.key(), Long.toString(targetFileBytes));
    p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_MAX_BYTES_PER_OUTPUT_FILEGROUP.key(),
        Long.toString(targetFileBytes));
    p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_MAX_GROUPS.key(), Integer.toString(maxGroups));
    if (!sortColumns.isEmpty()) {
      p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_SORT_COLUMNS.key(), String.join(",", sortColumns));
    }
    // a lone small file rewritten into one file gains nothing (unless it is to be sorted): skip such groups, so a
    // repeated clustering of a compacted table is a no-op
    p.put(org.apache.hudi.config.HoodieClusteringConfig.PLAN_STRATEGY_SINGLE_GROUP_CLUSTERING_ENABLED.key(),
        Boolean.toString(!sortColumns.isEmpty()));
    return p;
  }

  /**
   * Archival configuration: keep between {@code minCommits} and {@code maxCommits} completed commits on the
   * active timeline. The cleaner retention in this configuration only matters to Hudi's check that archival does
   * not run ahead of cleaning; it is set just below {@code minCommits}.
   */
  static Map<String, String> archiveOverrides(int minCommits, int maxCommits) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(org.apache.hudi.config.HoodieArchivalConfig.MIN_COMMITS_TO_KEEP.key(), Integer.toString(minCommits));
    p.put(org.apache.hudi.config.HoodieArchivalConfig.MAX_COMMITS_TO_KEEP.key(), Integer.toString(maxCommits));
    // never archive past a savepoint (Hudi's default, pinned: the savepoint's commit must stay restorable)
    p.put(org.apache.hudi.config.HoodieArchivalConfig.ARCHIVE_BEYOND_SAVEPOINT.key(), "false");
    p.put(org.apache.hudi.config.HoodieCleanConfig.CLEANER_POLICY.key(), "KEEP_LATEST_COMMITS");
    p.put(org.apache.hudi.config.HoodieCleanConfig.CLEANER_COMMITS_RETAINED.key(), Integer.toString(Math.max(1, minCommits - 1)));
    return p;
  }

  private static HoodieWriteConfig writeConfig(TableSpec spec, String basePath, Schema writerSchema,
      HudiWriteOptions o, Map<String, String> overrides) {
    return HoodieWriteConfig.newBuilder()
        .withEngineType(EngineType.JAVA)
        .withPath(basePath)
        .forTable(spec.table())
        .withSchema(writerSchema.toString())
        .withProps(writeProperties(spec, o, overrides))
        .build();
  }

  /**
   * The properties Lakesmith sets for a write (without Hudi's defaults, the base path and the schema): the Java
   * client's configuration, and the options of lake-spark's Spark datasource writes, so both write alike.
   */
  static Map<String, String> writeProperties(TableSpec spec, HudiWriteOptions o, Map<String, String> overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    keyGeneratorProps(spec).forEach((k, v) -> p.put((String) k, (String) v));
    p.put(HoodieWriteConfig.TBL_NAME.key(), spec.table());
    // the 1.x timeline-service artifact is not on Maven Central and a per-client Jetty server is overhead
    p.put(HoodieWriteConfig.EMBEDDED_TIMELINE_SERVER_ENABLE.key(), "false");
    // timeline-server-based markers need that server; direct markers are plain files next to the data
    p.put(HoodieWriteConfig.MARKERS_TYPE.key(), MarkerType.DIRECT.name());
    // must agree with the table's merge mode and ordering field (Hudi validates the pair)
    p.put(HoodieWriteConfig.RECORD_MERGE_MODE.key(), mergeMode(o).name());
    o.orderingField().ifPresent(f -> p.put(HoodieTableConfig.ORDERING_FIELDS.key(), f));
    // reject a writer schema that is not a backwards-compatible evolution of the table schema
    p.put(HoodieWriteConfig.AVRO_SCHEMA_VALIDATE_ENABLE.key(), "true");
    p.put(HoodieMetadataConfig.ENABLE.key(), Boolean.toString(o.metadataTable()));
    p.put(HoodieIndexConfig.INDEX_TYPE.key(), o.indexType().name());
    if (o.indexType() == HudiWriteOptions.IndexType.GLOBAL_SIMPLE) {
      // GLOBAL_SIMPLE whose partition-move deletes carry the moved row's ordering value, not Hudi's integer 0
      // (one ordering type per MOR delete block; see OrderedGlobalSimpleIndex)
      p.put(HoodieIndexConfig.INDEX_CLASS_NAME.key(), OrderedGlobalSimpleIndex.class.getName());
    }
    p.put(HoodieIndexConfig.SIMPLE_INDEX_UPDATE_PARTITION_PATH_ENABLE.key(), Boolean.toString(o.updatePartitionPath()));
    p.put(HoodieStorageConfig.PARQUET_COMPRESSION_CODEC_NAME.key(), o.compression().name().toLowerCase(Locale.ROOT));
    p.put(HoodieStorageConfig.PARQUET_MAX_FILE_SIZE.key(), Long.toString(o.maxFileSizeBytes()));
    p.put(HoodieCompactionConfig.PARQUET_SMALL_FILE_LIMIT.key(), Long.toString(o.smallFileLimitBytes()));
    // Hudi's merge handle, sizing buffered records from their values: Hudi's own estimator walks record object graphs
    // reflectively (JOL), 17-25% of a copy-on-write upsert's CPU (see LakesmithMergeHandle)
    p.put(HoodieWriteConfig.MERGE_HANDLE_CLASS_NAME.key(), LakesmithMergeHandle.class.getName());
    p.put(HoodieWriteConfig.COMPACT_MERGE_HANDLE_CLASS_NAME.key(), LakesmithMergeHandle.class.getName());
    p.put(FileGroupWrites.PARALLELISM, Integer.toString(o.fileGroupParallelism()));
    // commits without data still commit: a batch whose rows were all filtered must still advance the checkpoint
    p.put(HoodieWriteConfig.ALLOW_EMPTY_COMMIT.key(), "true");
    // Several writers (a retried apply, maintenance beside an apply, other Hudi engines): timeline changes happen
    // under a lock and commits pass Hudi's conflict check. Failed writes of others are never rolled back eagerly at
    // the start of a write (that rolled back a live writer's commit in flight and wedged the timeline); a writer
    // holding the table lease rolls back dead writers' instants itself (FailedWrites), Hudi's cleaner those whose
    // heartbeat expired.
    p.put(HoodieWriteConfig.WRITE_CONCURRENCY_MODE.key(), "OPTIMISTIC_CONCURRENCY_CONTROL");
    p.put(org.apache.hudi.config.HoodieCleanConfig.FAILED_WRITES_CLEANER_POLICY.key(), "LAZY");
    p.putAll(commitLockProperties(o.commitLock()));
    p.putAll(o.extraOptions());
    // Overriding any option: write at the table's version and never upgrade it. Without both, Hudi 1.x writes (and
    // upgrades the table to) version 9, which Athena, Glue 5.0/5.1 and Hudi 0.x cannot read.
    p.put(HoodieWriteConfig.WRITE_TABLE_VERSION.key(), Integer.toString(o.tableVersion().code()));
    p.put(HoodieWriteConfig.AUTO_UPGRADE_VERSION.key(), "false");
    if (spec.type() == TableType.MERGE_ON_READ) {
      // Data safety, overriding any option: the Java client's MOR upsert partitioner (JavaUpsertPartitioner) picks
      // small files from the base-file-only view, ignoring log files; inserts routed to a small file group that
      // already has log files rewrite its base file without them, losing the logged updates. With limit 0 every
      // insert opens a new file group and updates always append to logs (compaction and clustering size files).
      p.put(HoodieCompactionConfig.PARQUET_SMALL_FILE_LIMIT.key(), "0");
    }
    p.putAll(overrides);
    return p;
  }

  /** The Hudi lock properties of {@code lock}: the provider class and its settings. */
  static Map<String, String> commitLockProperties(io.lakesmith.core.hudi.CommitLock lock) {
    Map<String, String> p = new java.util.LinkedHashMap<>();
    String provider = org.apache.hudi.config.HoodieLockConfig.LOCK_PROVIDER_CLASS_NAME.key();
    if (lock.isObjectStore()) {
      p.put(provider, ObjectStoreLockProvider.class.getName());
      p.put(ObjectStoreLockProvider.LEASE_MS, Long.toString(lock.lease().orElseThrow().toMillis()));
      return p;
    }
    String cls = io.lakesmith.core.hudi.CommitLock.DYNAMODB_PROVIDER;
    try {
      Class.forName(cls, false, HudiConfigs.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the DynamoDB commit lock needs " + cls + " from "
          + "org.apache.hudi:hudi-aws (not on Maven Central for Hudi 1.x) on the class path");
    }
    p.put(provider, cls);
    p.put("hoodie.write.lock.dynamodb.table", lock.dynamoDbTable().orElseThrow());
    p.put("hoodie.write.lock.dynamodb.region", lock.dynamoDbRegion().orElseThrow());
    p.put("hoodie.write.lock.dynamodb.billing_mode", "PAY_PER_REQUEST");
    lock.dynamoDbPartitionKey().ifPresent(k -> p.put("hoodie.write.lock.dynamodb.partition_key", k));
    lock.dynamoDbEndpoint().ifPresent(u -> p.put("hoodie.write.lock.dynamodb.endpoint_url", u.toString()));
    return p;
  }
}

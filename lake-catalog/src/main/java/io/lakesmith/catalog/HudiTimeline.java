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

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.storage.StorageLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.common.engine.HoodieLocalEngineContext;
import org.apache.hudi.common.fs.FSUtils;
import org.apache.hudi.common.model.HoodieCommitMetadata;
import org.apache.hudi.common.model.HoodieReplaceCommitMetadata;
import org.apache.hudi.common.model.HoodieTableType;
import org.apache.hudi.common.model.WriteOperationType;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.TableSchemaResolver;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.common.table.timeline.TimelineUtils;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;
import org.apache.hudi.storage.StoragePath;

/**
 * The only class of this module that uses Hudi's API: reads a Hudi table's type, partition fields, latest
 * committed schema, completed commits of the active timeline and the partitions each commit wrote or deleted.
 */
final class HudiTimeline {

  /** A completed commit: its requested instant time and its completion time (Hudi 1.x). */
  static final class Commit {
    final String requestedTime;
    final String completionTime;

    Commit(String requestedTime, String completionTime) {
      this.requestedTime = requestedTime;
      this.completionTime = completionTime;
    }
  }

  /** Partitions touched by commits after a point. */
  static final class Changes {
    final Set<String> written = new LinkedHashSet<>();
    final Set<String> deleted = new LinkedHashSet<>();
    int commits;
  }

  private final HoodieTableMetaClient metaClient;
  private final HoodieTimeline completedWrites;
  private final StorageLocation location;

  private HudiTimeline(HoodieTableMetaClient metaClient, StorageLocation location) {
    this.metaClient = metaClient;
    this.location = location;
    this.completedWrites = metaClient.getActiveTimeline().getCommitsTimeline().filterCompletedInstants();
  }

  /** Opens the table at {@code basePath} (local path, {@code file:}, {@code s3://} or {@code s3a://}). */
  static HudiTimeline open(String basePath, Configuration conf) {
    StorageLocation location = StorageLocation.parse(basePath);
    try {
      HoodieTableMetaClient mc = HoodieTableMetaClient.builder().setConf(HadoopFSUtils.getStorageConfWithCopy(conf))
          .setBasePath(location.toHadoopUri()).setLoadActiveTimelineOnLoad(true).build();
      return new HudiTimeline(mc, location);
    } catch (RuntimeException e) {
      throw new CatalogException("cannot open the Hudi table at " + basePath + ": " + e.getMessage(), e);
    }
  }

  /**
   * A Hadoop configuration reaching S3 the way {@code aws} says (endpoint, path style, static credentials, region)
   * through {@code s3a://}; local tables need nothing.
   */
  static Configuration hadoopConf(AwsSettings aws) {
    Configuration conf = new Configuration();
    aws.endpoint().ifPresent(e -> conf.set("fs.s3a.endpoint", e.toString()));
    aws.region().ifPresent(r -> conf.set("fs.s3a.endpoint.region", r.id()));
    conf.setBoolean("fs.s3a.path.style.access", aws.pathStyle());
    aws.accessKeyId().ifPresent(k -> {
      conf.set("fs.s3a.access.key", k);
      conf.set("fs.s3a.secret.key", aws.secretAccessKey().orElse(""));
      aws.sessionToken().ifPresent(t -> conf.set("fs.s3a.session.token", t));
    });
    aws.endpoint().filter(e -> "http".equals(e.getScheme()))
        .ifPresent(e -> conf.setBoolean("fs.s3a.connection.ssl.enabled", false));
    return conf;
  }

  boolean mergeOnRead() {
    return metaClient.getTableType() == HoodieTableType.MERGE_ON_READ;
  }

  String tableName() {
    return metaClient.getTableConfig().getTableName();
  }

  /** Location as Glue wants it: {@code s3://} (not s3a) or {@code file:/}. */
  String glueLocation() {
    return TableDefinition.normaliseLocation(location.toUri());
  }

  List<String> partitionFields() {
    return metaClient.getTableConfig().getPartitionFields().map(List::of).orElse(List.of());
  }

  boolean hiveStylePartitioning() {
    return Boolean.parseBoolean(metaClient.getTableConfig().getHiveStylePartitioningEnable());
  }

  boolean urlEncodedPartitioning() {
    return Boolean.parseBoolean(metaClient.getTableConfig().getUrlEncodePartitioning());
  }

  /** The schema of the latest commit, with Hudi's meta fields when the table populates them. */
  Optional<Schema> schema() {
    if (completedWrites.empty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TableSchemaResolver(metaClient)
          .getTableSchema(metaClient.getTableConfig().populateMetaFields()).toAvroSchema());
    } catch (Exception e) {
      throw new CatalogException("cannot read the schema of Hudi table " + tableName() + ": " + e.getMessage(), e);
    }
  }

  /** The commit that completed last, if any. */
  Optional<Commit> latest() {
    return completedWrites.getReverseOrderedInstantsByCompletionTime().findFirst()
        .map(i -> new Commit(i.requestedTime(), i.getCompletionTime()));
  }

  /** Whether the commit requested at {@code requestedTime} is a completed write of the active timeline. */
  boolean isActive(String requestedTime) {
    return completedWrites.containsInstant(requestedTime);
  }

  /**
   * The partitions written and deleted (DELETE_PARTITION) by the commits that completed after {@code after}
   * (completion time when known, requested time otherwise). A partition written after it was deleted counts as
   * written only.
   */
  Changes changesSince(Commit after) {
    HoodieTimeline newer = after.completionTime != null
        ? completedWrites.findInstantsModifiedAfterByCompletionTime(after.completionTime)
        : completedWrites.findInstantsAfter(after.requestedTime);
    List<HoodieInstant> ordered = newer.getInstantsOrderedByCompletionTime().collect(Collectors.toList());
    return changes(ordered);
  }

  /** Partitions deleted by DELETE_PARTITION commits of the active timeline and not written since. */
  Set<String> deletedInActiveTimeline() {
    return changes(completedWrites.getInstantsOrderedByCompletionTime().collect(Collectors.toList())).deleted;
  }

  private Changes changes(List<HoodieInstant> instants) {
    Changes c = new Changes();
    for (HoodieInstant instant : instants) {
      HoodieCommitMetadata md;
      try {
        md = TimelineUtils.getCommitMetadata(instant, completedWrites);
      } catch (IOException e) {
        throw new CatalogException("cannot read Hudi commit " + instant + " of " + tableName() + ": " + e.getMessage(), e);
      }
      c.commits++;
      if (md instanceof HoodieReplaceCommitMetadata && md.getOperationType() == WriteOperationType.DELETE_PARTITION) {
        for (String p : ((HoodieReplaceCommitMetadata) md).getPartitionToReplaceFileIds().keySet()) {
          c.written.remove(p);
          c.deleted.add(p);
        }
      }
      for (String p : md.getPartitionToWriteStats().keySet()) {
        c.deleted.remove(p);
        c.written.add(p);
      }
    }
    return c;
  }

  /** Every partition path of the table on storage (file listing, not the metadata table). */
  List<String> allPartitions() {
    try {
      return new ArrayList<>(FSUtils.getAllPartitionPaths(new HoodieLocalEngineContext(metaClient.getStorageConf()),
          metaClient, false));
    } catch (RuntimeException e) {
      throw new CatalogException("cannot list the partitions of Hudi table " + tableName() + ": " + e.getMessage(), e);
    }
  }

  boolean partitionExists(String partitionPath) {
    try {
      return metaClient.getStorage().exists(new StoragePath(metaClient.getBasePath(), partitionPath));
    } catch (IOException e) {
      throw new CatalogException("cannot check partition " + partitionPath + " of " + tableName() + ": " + e.getMessage(), e);
    }
  }
}

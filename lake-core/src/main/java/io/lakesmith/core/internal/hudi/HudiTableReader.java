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

import com.google.common.base.Preconditions;
import io.lakesmith.core.aws.AwsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.avro.HoodieAvroReaderContext;
import org.apache.hudi.common.config.HoodieMetadataConfig;
import org.apache.hudi.common.config.TypedProperties;
import org.apache.hudi.common.engine.HoodieLocalEngineContext;
import org.apache.hudi.common.fs.FSUtils;
import org.apache.hudi.common.model.FileSlice;
import org.apache.hudi.common.schema.HoodieSchema;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.TableSchemaResolver;
import org.apache.hudi.common.table.read.HoodieFileGroupReader;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.common.table.view.FileSystemViewManager;
import org.apache.hudi.common.table.view.HoodieTableFileSystemView;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.common.util.collection.ClosableIterator;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * Reads a snapshot of a Hudi table as Avro records through Hudi's own file-group reader: for copy-on-write the
 * latest base files, for merge-on-read each file group's base file merged with its log files under the table's
 * merge mode (deletes applied). Immutable: {@code with...} methods return a changed copy.
 *
 * <p>By default the snapshot is the table's latest completed commit and records carry Hudi's meta columns
 * ({@code _hoodie_commit_time}, {@code _hoodie_record_key}, ...) and {@code _hoodie_is_deleted};
 * {@link #withoutMetaColumns()} drops them. {@link #asOfInstant(String)} reads the table as it was after a given
 * completed instant (time travel over the active timeline, as long as the cleaner kept the files); its records
 * are in the table's latest schema (columns added later read null).
 *
 * <p>Values are raw Avro values: decimals as {@link org.apache.avro.generic.GenericFixed} (or {@code ByteBuffer} in
 * columns written as {@code bytes} by earlier Lakesmith versions; {@link io.lakesmith.core.table.ColumnType#decimalValue}
 * converts either), timestamps as microseconds, dates as days, strings as {@code Utf8}.
 *
 * <p>Records come in file-group order, not in key or write order. {@link #read()} materializes them; use
 * {@link #forEach(Consumer)} for large tables.
 */
public final class HudiTableReader {

  private final String basePath;
  private final StorageConfiguration<Configuration> storageConf;
  private final boolean metaColumns;
  private final String asOfInstant;

  private HudiTableReader(String basePath, StorageConfiguration<Configuration> storageConf, boolean metaColumns,
      String asOfInstant) {
    this.basePath = basePath;
    this.storageConf = storageConf;
    this.metaColumns = metaColumns;
    this.asOfInstant = asOfInstant;
  }

  /** A reader of {@code table}'s storage. */
  public static HudiTableReader of(HudiTable table) {
    return new HudiTableReader(table.basePath(), table.storageConf(), true, null);
  }

  /** A reader of the Hudi table at {@code basePath} (local path, {@code file:}, {@code s3://} or {@code s3a://}). */
  public static HudiTableReader of(String basePath, AwsSettings aws) {
    Configuration conf = HadoopConfigurations.forSettings(aws);
    return new HudiTableReader(HudiTables.hadoopPath(basePath), HadoopFSUtils.getStorageConf(conf), true, null);
  }

  /** This reader, but dropping {@code _hoodie_*} meta columns and {@code _hoodie_is_deleted} from records. */
  public HudiTableReader withoutMetaColumns() {
    return new HudiTableReader(basePath, storageConf, false, asOfInstant);
  }

  /** This reader, but reading the table as of the completed instant {@code instantTime} (inclusive). */
  public HudiTableReader asOfInstant(String instantTime) {
    Preconditions.checkArgument(instantTime != null && !instantTime.isBlank(), "instantTime must not be blank");
    return new HudiTableReader(basePath, storageConf, metaColumns, instantTime);
  }

  /** The schema of the records this reader returns, or empty for a table without commits. */
  public Optional<Schema> schema() {
    HoodieTableMetaClient metaClient = HudiTables.metaClient(storageConf, basePath);
    Optional<HoodieInstant> last = snapshotInstant(metaClient);
    if (last.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(outputSchema(dataSchema(metaClient, last.get()).toAvroSchema()));
  }

  /** All records of the snapshot. */
  public List<GenericRecord> read() {
    List<GenericRecord> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  /** Streams the records of the snapshot to {@code consumer}, one file group at a time. */
  public void forEach(Consumer<? super GenericRecord> consumer) {
    HoodieTableMetaClient metaClient = HudiTables.metaClient(storageConf, basePath);
    Optional<HoodieInstant> snapshot = snapshotInstant(metaClient);
    if (snapshot.isEmpty()) {
      return;
    }
    String instantTime = snapshot.get().requestedTime();
    HoodieTimeline timeline = metaClient.getCommitsTimeline().filterCompletedInstants()
        .findInstantsBeforeOrEquals(instantTime);
    HoodieSchema dataSchema = dataSchema(metaClient, snapshot.get());
    Schema output = outputSchema(dataSchema.toAvroSchema());
    TypedProperties props = new TypedProperties();
    props.putAll(metaClient.getTableConfig().getProps());
    HoodieLocalEngineContext engine = new HoodieLocalEngineContext(storageConf);
    // list partitions from storage: correct whether or not the table keeps a metadata table
    HoodieMetadataConfig metadataConfig = HoodieMetadataConfig.newBuilder().enable(false).build();
    List<String> partitions = FSUtils.getAllPartitionPaths(engine, metaClient, false);
    try (HoodieTableFileSystemView view = FileSystemViewManager.createInMemoryFileSystemViewWithTimeline(
        engine, metaClient, metadataConfig, timeline)) {
      for (String partition : partitions) {
        List<FileSlice> slices = new ArrayList<>();
        view.getLatestMergedFileSlicesBeforeOrOn(partition, instantTime).forEach(slices::add);
        for (FileSlice slice : slices) {
          readSlice(metaClient, props, slice, instantTime, dataSchema, output, consumer);
        }
      }
    }
  }

  private void readSlice(HoodieTableMetaClient metaClient, TypedProperties props, FileSlice slice, String instantTime,
      HoodieSchema dataSchema, Schema output, Consumer<? super GenericRecord> consumer) {
    // sizes buffered log records from their values, not by a reflective walk of each (see LakesmithMergeHandle)
    HoodieAvroReaderContext context = new SizedAvroReaderContext(storageConf, metaClient.getTableConfig(), props);
    HoodieFileGroupReader<IndexedRecord> reader = HoodieFileGroupReader.<IndexedRecord>newBuilder()
        .withReaderContext(context)
        .withHoodieTableMetaClient(metaClient)
        .withLatestCommitTime(instantTime)
        .withBaseFileOption(slice.getBaseFile())
        .withLogFiles(slice.getLogFiles())
        .withPartitionPath(slice.getPartitionPath())
        .withDataSchema(dataSchema)
        .withRequestedSchema(dataSchema)
        .withShouldUseRecordPosition(false)
        .withProps(props)
        .build();
    try (ClosableIterator<IndexedRecord> it = reader.getClosableIterator()) {
      while (it.hasNext()) {
        consumer.accept(HudiSchemas.conform((GenericRecord) it.next(), output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read file group " + slice.getFileId() + " of " + basePath, e);
    } finally {
      try {
        reader.close();
      } catch (IOException e) {
        // nothing left to release that matters to the caller
      }
    }
  }

  private Optional<HoodieInstant> snapshotInstant(HoodieTableMetaClient metaClient) {
    HoodieTimeline completed = metaClient.getCommitsTimeline().filterCompletedInstants();
    if (asOfInstant == null) {
      Option<HoodieInstant> last = completed.lastInstant();
      return last.isPresent() ? Optional.of(last.get()) : Optional.empty();
    }
    Option<HoodieInstant> at = completed.findInstantsBeforeOrEquals(asOfInstant).lastInstant();
    Preconditions.checkArgument(at.isPresent(), "no completed commit at or before %s in %s", asOfInstant, basePath);
    return Optional.of(at.get());
  }

  // The latest schema also for older snapshots: Lakesmith only ever adds columns, so it reads every older file
  // (added columns read null), and compaction commits need not carry a schema of their own.
  private static HoodieSchema dataSchema(HoodieTableMetaClient metaClient, HoodieInstant instant) {
    try {
      return new TableSchemaResolver(metaClient).getTableSchema(true);
    } catch (Exception e) {
      throw new IllegalStateException("cannot resolve the schema of " + metaClient.getBasePath() + " at " + instant, e);
    }
  }

  private Schema outputSchema(Schema withMeta) {
    return metaColumns ? withMeta : HudiSchemas.withoutMetaColumns(withMeta);
  }
}

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

import java.util.Iterator;
import org.apache.hudi.avro.HoodieAvroReaderContext;
import org.apache.hudi.common.config.TypedProperties;
import org.apache.hudi.common.engine.HoodieReaderContext;
import org.apache.hudi.common.engine.TaskContextSupplier;
import org.apache.hudi.common.model.CompactionOperation;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.util.ConfigUtils;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.io.FileGroupReaderBasedMergeHandle;
import org.apache.hudi.keygen.BaseKeyGenerator;
import org.apache.hudi.table.HoodieTable;

/**
 * Hudi's default merge handle ({@code hoodie.write.merge.handle.class} and {@code hoodie.compact.merge.handle.class}
 * of every Lakesmith table) with one change: its reader context is a {@link SizedAvroReaderContext}, so the
 * spillable map that buffers a file group's updates (copy-on-write upsert) or log records (compaction) estimates
 * record sizes from their values. Hudi's estimator walked every 100th record's object graph with JOL, reflectively
 * and with an exception per inaccessible JDK field: 17-25% of a copy-on-write upsert's CPU in JFR profiles. The
 * merge itself (ordering, deletes, statistics) is Hudi's. Hudi still sizes the record keys with JOL (its key
 * estimator is not configurable), so JOL's one-time "Unable to get Instrumentation" lines still appear.
 *
 * <p>Instantiated by Hudi through reflection: the constructors' signatures are the ones Hudi's
 * {@code HoodieMergeHandleFactory} looks up. If construction fails, Hudi falls back to its default handle.
 */
public class LakesmithMergeHandle<T, I, K, O> extends FileGroupReaderBasedMergeHandle<T, I, K, O> {

  /** Copy-on-write merge of {@code recordItr} into the base file of file group {@code fileId}. */
  public LakesmithMergeHandle(HoodieWriteConfig config, String instantTime, HoodieTable<T, I, K, O> hoodieTable,
      Iterator<HoodieRecord<T>> recordItr, String partitionPath, String fileId,
      TaskContextSupplier taskContextSupplier, Option<BaseKeyGenerator> keyGeneratorOpt) {
    super(config, instantTime, hoodieTable, recordItr, partitionPath, fileId, taskContextSupplier, keyGeneratorOpt);
    if (isPlainAvroContext(readerContext)) {
      // what hoodieTable.getReaderContextFactoryForWrite() builds for Avro records, sized
      setReaderContext(cast(new SizedAvroReaderContext(hoodieTable.getMetaClient().getStorageConf(),
          hoodieTable.getMetaClient().getTableConfig(), ConfigUtils.getPayloadClass(config.getProps()),
          config.getProps())));
    }
  }

  /** Compaction of one file slice (base file and log files) into a new base file. */
  public LakesmithMergeHandle(HoodieWriteConfig config, String instantTime, HoodieTable<T, I, K, O> hoodieTable,
      CompactionOperation operation, TaskContextSupplier taskContextSupplier, HoodieReaderContext<T> readerContext,
      String maxInstantTime, HoodieRecord.HoodieRecordType recordType) {
    super(config, instantTime, hoodieTable, operation, taskContextSupplier, sizedForCompaction(readerContext,
        hoodieTable.getMetaClient()), maxInstantTime, recordType);
  }

  private static boolean isPlainAvroContext(HoodieReaderContext<?> context) {
    return context != null && context.getClass() == HoodieAvroReaderContext.class;
  }

  /** What the Java engine's compactor builds for a data table (empty properties), sized. */
  private static <T> HoodieReaderContext<T> sizedForCompaction(HoodieReaderContext<T> given,
      HoodieTableMetaClient metaClient) {
    if (!isPlainAvroContext(given) || metaClient.isMetadataTable()) {
      return given;
    }
    return cast(new SizedAvroReaderContext(metaClient.getStorageConf(), metaClient.getTableConfig(),
        metaClient.getTableConfig().getPayloadClass(), new TypedProperties()));
  }

  @SuppressWarnings("unchecked")
  private static <T> HoodieReaderContext<T> cast(HoodieReaderContext<?> context) {
    return (HoodieReaderContext<T>) context;
  }
}

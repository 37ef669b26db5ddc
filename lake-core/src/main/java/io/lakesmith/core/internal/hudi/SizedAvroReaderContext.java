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

import org.apache.avro.generic.IndexedRecord;
import org.apache.hudi.avro.HoodieAvroReaderContext;
import org.apache.hudi.common.config.TypedProperties;
import org.apache.hudi.common.table.HoodieTableConfig;
import org.apache.hudi.common.table.read.BufferedRecord;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.common.util.SizeEstimator;
import org.apache.hudi.common.util.collection.ExternalSpillableMap;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * Hudi's Avro reader context whose {@link ExternalSpillableMap} of buffered records (updates in a copy-on-write
 * merge, log records in a compaction or a merge-on-read read) sizes records with {@link RecordSizeEstimator}
 * instead of a reflective walk of each record's object graph. Everything else is Hudi's.
 */
final class SizedAvroReaderContext extends HoodieAvroReaderContext {

  /** As Hudi builds the context of a write (merge handle, compaction). */
  SizedAvroReaderContext(StorageConfiguration<?> conf, HoodieTableConfig tableConfig, String payloadClass,
      TypedProperties props) {
    super(conf, tableConfig, payloadClass, props);
  }

  /** As a snapshot read of the whole table builds it. */
  SizedAvroReaderContext(StorageConfiguration<?> conf, HoodieTableConfig tableConfig, TypedProperties props) {
    super(conf, tableConfig, Option.empty(), Option.empty(), props);
  }

  @Override
  public SizeEstimator<BufferedRecord<IndexedRecord>> getRecordSizeEstimator() {
    return new RecordSizeEstimator<>();
  }
}

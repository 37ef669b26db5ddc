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
import org.apache.hudi.common.engine.TaskContextSupplier;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.util.SizeEstimator;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.io.HoodieAppendHandle;
import org.apache.hudi.table.HoodieTable;

/**
 * Hudi's append handle (a merge-on-read upsert's updates and deletes, appended to a file group's log) sizing records
 * with {@link RecordSizeEstimator}: Hudi's {@code DefaultSizeEstimator} walks the first and every 100th record's
 * object graph with JOL to size log blocks. Everything else, including the log format, is Hudi's.
 *
 * <p>Measured with {@code PeerBenchmark} (200,000 DMS changes into a non-partitioned 200,000-row merge-on-read table,
 * 2 cpus, file groups written one at a time): the apply's CPU fell from 21.9 s to 11.7 s (load average 17-21 during
 * both runs); against Spark 3.5 + Hudi 1.2.0 on the same files the CPU ratio went from 0.54 to 0.27.
 */
final class SizedAppendHandle<T, I, K, O> extends HoodieAppendHandle<T, I, K, O> {

  SizedAppendHandle(HoodieWriteConfig config, String instantTime, HoodieTable<T, I, K, O> table, String partitionPath,
      String fileId, Iterator<HoodieRecord<T>> records, TaskContextSupplier taskContextSupplier) {
    super(config, instantTime, table, partitionPath, fileId, records, taskContextSupplier);
  }

  @Override
  protected SizeEstimator<HoodieRecord> getSizeEstimator() {
    return new RecordSizeEstimator<>(); // called from Hudi's constructor: must not use this class's fields
  }
}

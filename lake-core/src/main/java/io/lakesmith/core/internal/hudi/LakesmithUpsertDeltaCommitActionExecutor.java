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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.util.HoodieTimer;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.table.HoodieTable;
import org.apache.hudi.table.WorkloadProfile;
import org.apache.hudi.table.action.HoodieWriteMetadata;
import org.apache.hudi.table.action.commit.JavaUpsertPartitioner;
import org.apache.hudi.table.action.commit.Partitioner;
import org.apache.hudi.table.action.deltacommit.JavaUpsertDeltaCommitActionExecutor;

/**
 * Hudi's merge-on-read upsert with two changes: updates and deletes are appended to a file group's log through a
 * {@link SizedAppendHandle} (value-based record sizes instead of Hudi's JOL walk), and the file groups of the commit
 * are written in parallel ({@link FileGroupWrites}). Routing (log append, or Hudi's small-file rewrite when the
 * index cannot index log files and the file group is a small file) is Hudi's.
 */
final class LakesmithUpsertDeltaCommitActionExecutor<T> extends JavaUpsertDeltaCommitActionExecutor<T> {

  private JavaUpsertPartitioner partitioner;

  LakesmithUpsertDeltaCommitActionExecutor(HoodieJavaEngineContext context, HoodieWriteConfig config,
      HoodieTable table, String instantTime, List<HoodieRecord<T>> records) {
    super(context, config, table, instantTime, records);
  }

  @Override
  public Partitioner getUpsertPartitioner(WorkloadProfile profile) {
    Partitioner p = super.getUpsertPartitioner(profile);
    this.partitioner = (JavaUpsertPartitioner) p;
    return p;
  }

  @Override
  public Iterator<List<WriteStatus>> handleUpdate(String partitionPath, String fileId,
      Iterator<HoodieRecord<T>> records) throws IOException {
    if (!table.getIndex().canIndexLogFiles() && partitioner != null
        && partitioner.getSmallFileIds().contains(fileId)) {
      return super.handleUpdate(partitionPath, fileId, records); // Hudi's small-file correction: a merge
    }
    SizedAppendHandle<?, ?, ?, ?> handle = new SizedAppendHandle<>(config, instantTime, table, partitionPath, fileId,
        records, taskContextSupplier);
    handle.doAppend();
    return Collections.singletonList(handle.close()).iterator();
  }

  @Override
  public HoodieWriteMetadata<List<WriteStatus>> execute(List<HoodieRecord<T>> records, Option<HoodieTimer> timer) {
    WorkloadProfile profile = new WorkloadProfile(buildProfile(records), table.getIndex().canIndexLogFiles());
    Partitioner p = getUpsertPartitioner(profile);
    saveWorkloadProfileMetadataToInflight(profile, instantTime);
    List<WriteStatus> statuses = FileGroupWrites.run(FileGroupWrites.buckets(records, p),
        FileGroupWrites.parallelism(config.getProps()), (bucket, bucketRecords) -> {
          List<WriteStatus> out = new ArrayList<>();
          handleUpsertPartition(instantTime, bucket, bucketRecords.iterator(), p).forEachRemaining(out::addAll);
          return out;
        });
    HoodieWriteMetadata<List<WriteStatus>> result = new HoodieWriteMetadata<>();
    updateIndexAndMaybeRunPreCommitValidations(statuses, result);
    return result;
  }
}

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

import java.util.ArrayList;
import java.util.List;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.util.HoodieTimer;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.table.HoodieTable;
import org.apache.hudi.table.WorkloadProfile;
import org.apache.hudi.table.action.HoodieWriteMetadata;
import org.apache.hudi.table.action.commit.JavaUpsertCommitActionExecutor;
import org.apache.hudi.table.action.commit.Partitioner;

/**
 * Hudi's copy-on-write upsert (index lookup, workload profile, bucketing, merge and create handles, commit) with the
 * file groups of the commit written in parallel ({@link FileGroupWrites}) instead of one after another.
 */
final class LakesmithUpsertCommitActionExecutor<T> extends JavaUpsertCommitActionExecutor<T> {

  LakesmithUpsertCommitActionExecutor(HoodieEngineContext context, HoodieWriteConfig config, HoodieTable table,
      String instantTime, List<HoodieRecord<T>> records) {
    super(context, config, table, instantTime, records);
  }

  @Override
  public HoodieWriteMetadata<List<WriteStatus>> execute(List<HoodieRecord<T>> records, Option<HoodieTimer> timer) {
    WorkloadProfile profile = new WorkloadProfile(buildProfile(records), table.getIndex().canIndexLogFiles());
    Partitioner partitioner = getUpsertPartitioner(profile);
    saveWorkloadProfileMetadataToInflight(profile, instantTime);
    List<WriteStatus> statuses = FileGroupWrites.run(FileGroupWrites.buckets(records, partitioner),
        FileGroupWrites.parallelism(config.getProps()), (bucket, bucketRecords) -> {
          List<WriteStatus> out = new ArrayList<>();
          handleUpsertPartition(instantTime, bucket, bucketRecords.iterator(), partitioner).forEachRemaining(out::addAll);
          return out;
        });
    HoodieWriteMetadata<List<WriteStatus>> result = new HoodieWriteMetadata<>();
    updateIndexAndMaybeRunPreCommitValidations(statuses, result);
    return result;
  }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.table.BulkInsertPartitioner;

/**
 * Lines bulk-insert records up by partition path, keeping arrival order within a partition.
 *
 * <p>The Java client's bulk insert treats its input as sorted: it closes every open file when the partition path
 * changes. Rows of a DMS full load arrive in source order, not partition order, so without grouping a partitioned
 * load writes one Parquet file (with its ~430 KB bloom filter) per run of a few rows. Hudi's own {@code GLOBAL_SORT}
 * mode also groups, but builds a partition+key string per comparison; grouping is one linear pass, and file sizes
 * then follow the configured maximum file size.
 */
final class PartitionGroupingPartitioner<T> implements BulkInsertPartitioner<List<HoodieRecord<T>>> {

  private static final long serialVersionUID = 1L;

  @Override
  public List<HoodieRecord<T>> repartitionRecords(List<HoodieRecord<T>> records, int outputPartitions) {
    Map<String, List<HoodieRecord<T>>> byPartition = new LinkedHashMap<>();
    String last = null;
    List<HoodieRecord<T>> current = null;
    for (HoodieRecord<T> r : records) {
      String p = r.getPartitionPath();
      if (!p.equals(last)) {
        current = byPartition.computeIfAbsent(p, k -> new ArrayList<>());
        last = p;
      }
      current.add(r);
    }
    if (byPartition.size() <= 1) {
      return records;
    }
    List<HoodieRecord<T>> out = new ArrayList<>(records.size());
    byPartition.values().forEach(out::addAll);
    return out;
  }

  /** Records of one partition are contiguous, which is what the Java client's insert handler relies on. */
  @Override
  public boolean arePartitionRecordsSorted() {
    return true;
  }
}

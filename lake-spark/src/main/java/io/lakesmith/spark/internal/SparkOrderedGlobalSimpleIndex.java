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

package io.lakesmith.spark.internal;

import io.lakesmith.core.internal.hudi.OrderedGlobalSimpleIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.hudi.common.data.HoodieData;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.data.HoodieJavaRDD;
import org.apache.hudi.table.HoodieTable;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The Java writer's {@link OrderedGlobalSimpleIndex} on Spark: Hudi's GLOBAL_SIMPLE tagging, then each partition-move
 * delete replaced by the ordered delete (the moved row marked deleted, carrying its ordering value), computed per
 * record key on the executors instead of in one list. Hudi instantiates it by class name ({@code hoodie.index.class}).
 */
public class SparkOrderedGlobalSimpleIndex extends OrderedGlobalSimpleIndex {

  public SparkOrderedGlobalSimpleIndex(HoodieWriteConfig config) {
    super(config);
  }

  @Override
  public <R> HoodieData<HoodieRecord<R>> tagLocation(HoodieData<HoodieRecord<R>> records, HoodieEngineContext context,
      HoodieTable hoodieTable) {
    JavaRDD<HoodieRecord<R>> tagged = HoodieJavaRDD.getJavaRDD(globalTagLocation(records, context, hoodieTable));
    JavaRDD<HoodieRecord<R>> out = tagged.mapToPair(r -> new Tuple2<>(r.getRecordKey(), r)).groupByKey()
        .flatMap(group -> {
          List<HoodieRecord<R>> sameKey = new ArrayList<>();
          group._2().forEach(sameKey::add);
          return (sameKey.size() == 1 ? sameKey : withOrderedMoveDeletes(sameKey)).iterator();
        });
    return HoodieJavaRDD.of(out);
  }
}

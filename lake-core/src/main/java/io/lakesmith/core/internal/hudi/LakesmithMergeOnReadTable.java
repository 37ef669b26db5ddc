package io.lakesmith.core.internal.hudi;

import java.util.List;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.table.HoodieJavaMergeOnReadTable;
import org.apache.hudi.table.action.HoodieWriteMetadata;

/**
 * Hudi's Java merge-on-read table whose upserts append with value-sized records and write file groups in parallel
 * (see {@link LakesmithUpsertDeltaCommitActionExecutor}).
 */
final class LakesmithMergeOnReadTable<T> extends HoodieJavaMergeOnReadTable<T> {

  LakesmithMergeOnReadTable(HoodieWriteConfig config, HoodieEngineContext context, HoodieTableMetaClient metaClient) {
    super(config, context, metaClient);
  }

  @Override
  public HoodieWriteMetadata<List<WriteStatus>> upsert(HoodieEngineContext context, String instantTime,
      List<HoodieRecord<T>> records) {
    return new LakesmithUpsertDeltaCommitActionExecutor<>((HoodieJavaEngineContext) context, config, this,
        instantTime, records).execute();
  }
}

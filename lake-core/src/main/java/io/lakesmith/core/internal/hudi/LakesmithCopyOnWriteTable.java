package io.lakesmith.core.internal.hudi;

import java.util.List;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.table.HoodieJavaCopyOnWriteTable;
import org.apache.hudi.table.action.HoodieWriteMetadata;

/** Hudi's Java copy-on-write table whose upserts write file groups in parallel (see {@link FileGroupWrites}). */
final class LakesmithCopyOnWriteTable<T> extends HoodieJavaCopyOnWriteTable<T> {

  LakesmithCopyOnWriteTable(HoodieWriteConfig config, HoodieEngineContext context, HoodieTableMetaClient metaClient) {
    super(config, context, metaClient);
  }

  @Override
  public HoodieWriteMetadata<List<WriteStatus>> upsert(HoodieEngineContext context, String instantTime,
      List<HoodieRecord<T>> records) {
    return new LakesmithUpsertCommitActionExecutor<>(context, config, this, instantTime, records).execute();
  }
}

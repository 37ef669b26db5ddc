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

import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.exception.HoodieException;
import org.apache.hudi.table.HoodieJavaTable;
import org.apache.hudi.table.HoodieTable;

/**
 * Hudi's Java write client whose tables upsert through Lakesmith's action executors
 * ({@link LakesmithCopyOnWriteTable}, {@link LakesmithMergeOnReadTable}): file groups of one commit are written in
 * parallel and merge-on-read log appends size records from their values. Commits, rollbacks, table services and
 * every other operation are Hudi's. The Java client offers no configuration for either (it constructs its action
 * executors and append handles directly), so its supported extension point, {@code createTable}, is used.
 */
public class LakesmithJavaWriteClient<T> extends HoodieJavaWriteClient<T> {

  public LakesmithJavaWriteClient(HoodieEngineContext context, HoodieWriteConfig config) {
    super(context, config);
  }

  @Override
  protected HoodieTable createTable(HoodieWriteConfig config) {
    return createTableAndValidate(config, (c, ctx) -> create(c, ctx, HoodieTableMetaClient.builder()
        .setConf(ctx.getStorageConf().newInstance()).setBasePath(c.getBasePath()).setLoadActiveTimelineOnLoad(true)
        .setConsistencyGuardConfig(c.getConsistencyGuardConfig()).setTimeGeneratorConfig(c.getTimeGeneratorConfig())
        .build()));
  }

  @Override
  protected HoodieTable createTable(HoodieWriteConfig config, HoodieTableMetaClient metaClient) {
    return createTableAndValidate(config, metaClient, LakesmithJavaWriteClient::create);
  }

  static <T> HoodieJavaTable<T> create(HoodieWriteConfig config, HoodieEngineContext context,
      HoodieTableMetaClient metaClient) {
    switch (metaClient.getTableType()) {
      case COPY_ON_WRITE:
        return new LakesmithCopyOnWriteTable<>(config, context, metaClient);
      case MERGE_ON_READ:
        return new LakesmithMergeOnReadTable<>(config, context, metaClient);
      default:
        throw new HoodieException("unsupported table type " + metaClient.getTableType());
    }
  }
}

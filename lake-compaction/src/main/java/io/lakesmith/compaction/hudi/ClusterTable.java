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

package io.lakesmith.compaction.hudi;

import io.lakesmith.core.action.Action;
import java.util.List;

/**
 * Size-based clustering: rewrites file groups whose latest base file is smaller than the small-file limit into
 * files of up to the target size (a {@code replacecommit}). Replaced file groups stay readable by retained commits
 * until a later clean removes them; the table's contents do not change. Defaults: small-file limit = the table's
 * small-file limit (100 MiB unless configured), target = the table's max file size, at most 30 groups.
 */
public interface ClusterTable extends Action<HudiServiceResult> {

  ClusterTable smallFileLimitBytes(long bytes);

  ClusterTable targetFileBytes(long bytes);

  ClusterTable maxGroups(int groups);

  /** Sort rewritten files by these columns (default: none). */
  ClusterTable sortBy(List<String> columns);

  @Override
  HudiServiceResult execute();
}

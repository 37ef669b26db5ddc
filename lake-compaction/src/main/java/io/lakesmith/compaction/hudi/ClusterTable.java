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

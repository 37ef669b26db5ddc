package io.lakesmith.compaction.hudi;

import io.lakesmith.core.action.Action;
/**
 * Savepoints a completed commit (default: the latest): its files survive every later clean and the table can be
 * restored to it; archival stops before it. Delete it with {@link HudiMaintenance#deleteSavepoint(String)} when it
 * is no longer needed.
 */
public interface CreateSavepoint extends Action<HudiServiceResult> {

  /** The commit to savepoint (default: the latest completed commit). */
  CreateSavepoint instant(String instantTime);

  CreateSavepoint user(String user);

  CreateSavepoint comment(String comment);

  @Override
  HudiServiceResult execute();
}

package io.lakesmith.compaction.hudi;

import io.lakesmith.core.action.Action;
/**
 * Restores the table to a savepoint: every commit after it is rolled back, and readers see the table exactly as it
 * was at the savepoint. Destructive for later commits (including their checkpoints: the apply engine resumes from
 * the savepointed commit's checkpoint and re-applies what came after).
 */
public interface RestoreTable extends Action<HudiServiceResult> {

  /** The savepoint to restore to (required). */
  RestoreTable toSavepoint(String instantTime);

  @Override
  HudiServiceResult execute();
}

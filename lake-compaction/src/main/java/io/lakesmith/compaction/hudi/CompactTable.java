package io.lakesmith.compaction.hudi;

import io.lakesmith.core.action.Action;
/**
 * Merge-on-read compaction: merges each file group's log files into a new base file. By default first completes
 * any compaction left pending (scheduled, or interrupted by a crash), then schedules one over every file group
 * with log files and runs it. Readers see the same snapshot before and after (the merge follows the table's merge
 * mode). A no-op on copy-on-write tables. Compaction commits carry no source checkpoint.
 */
public interface CompactTable extends Action<HudiServiceResult> {

  /** Only schedule (write the compaction plan); a later {@code compact().runPendingOnly()} runs it. */
  CompactTable scheduleOnly();

  /** Only complete compactions already scheduled; schedule none. */
  CompactTable runPendingOnly();

  @Override
  HudiServiceResult execute();
}

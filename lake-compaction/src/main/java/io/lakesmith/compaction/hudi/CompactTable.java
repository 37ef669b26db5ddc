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

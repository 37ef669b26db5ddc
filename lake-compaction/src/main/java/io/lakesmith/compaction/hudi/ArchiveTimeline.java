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
 * Moves the oldest completed instants from the active to the archived timeline once more than {@code max}
 * completed commits are active, keeping at least the newest {@code min} (default 20 and 30, Hudi's defaults).
 * Hudi never archives past the first savepoint, a pending compaction or clustering, or what the cleaner retains.
 *
 * <h2>The apply engine's checkpoint</h2>
 * Commits written by the DMS apply engine carry its source checkpoint in extra metadata ({@value
 * HudiMaintenance#CHECKPOINT_KEY} by default), and the engine reads it from the newest commit that has it (on the
 * active timeline, else on the slower archived one); table service commits (compaction, clustering) do not carry
 * it. Archival here still never removes the newest checkpoint-carrying commit: when {@code min} would not keep it (more than {@code min} commits were made since,
 * e.g. many compactions), the window is widened to keep it and the result says so in its notes. When no commit on
 * the active timeline carries the checkpoint, archival is refused (the result says why) unless
 * {@link #ignoreCheckpoint()} is called, for tables the apply engine does not write.
 */
public interface ArchiveTimeline extends Action<HudiServiceResult> {

  /** Keep between {@code min} and {@code max} completed commits active ({@code 2 <= min < max}). */
  ArchiveTimeline keepCommits(int min, int max);

  /** The extra-metadata key of the source checkpoint to protect (default {@value HudiMaintenance#CHECKPOINT_KEY}). */
  ArchiveTimeline checkpointKey(String key);

  /** Archive without protecting any checkpoint commit (tables not written by the apply engine). */
  ArchiveTimeline ignoreCheckpoint();

  @Override
  HudiServiceResult execute();
}

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

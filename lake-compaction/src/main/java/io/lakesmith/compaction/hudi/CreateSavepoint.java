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

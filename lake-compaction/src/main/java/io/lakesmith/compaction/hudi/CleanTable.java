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
 * Deletes file versions (base and log files) that no retained commit and no savepoint needs. Exactly one retention
 * applies; the default is {@link #retainCommits(int) retainCommits(10)}. Files of savepointed commits, of pending
 * compactions and clusterings, and the latest version of every file group are never deleted; the table's
 * contents do not change. Idempotent: a clean with nothing to delete creates no instant.
 */
public interface CleanTable extends Action<HudiServiceResult> {

  /** Keep every file version needed to read the table as of each of the last {@code commits} commits. */
  CleanTable retainCommits(int commits);

  /** Keep every file version needed to read the table as of any commit in the last {@code hours} hours. */
  CleanTable retainHours(int hours);

  /** Keep the latest {@code versions} versions of every file group. */
  CleanTable retainFileVersions(int versions);

  @Override
  HudiServiceResult execute();
}

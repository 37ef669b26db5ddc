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

/** The Hudi table services {@link HudiMaintenance} runs. */
public enum HudiService {
  /** Merge-on-read compaction: log files merged into new base files (a {@code commit} instant). */
  COMPACT,
  /** Small base files rewritten into fewer, larger ones (a {@code replacecommit} instant). */
  CLUSTER,
  /** File versions no retained commit or savepoint needs are deleted (a {@code clean} instant). */
  CLEAN,
  /** The oldest completed instants move from the active to the archived timeline. */
  ARCHIVE,
  /** A commit is savepointed: its files survive cleaning and it stays restorable. */
  SAVEPOINT,
  /** A savepoint is deleted. */
  DELETE_SAVEPOINT,
  /** The table is rolled back to a savepoint. */
  RESTORE
}

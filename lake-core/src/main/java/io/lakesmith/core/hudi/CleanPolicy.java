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

package io.lakesmith.core.hudi;

/** Which file versions Hudi's cleaner keeps; everything older is deleted by a clean. */
public enum CleanPolicy {
  /** Keep every file version needed to read the table as of each of the last N commits. */
  KEEP_LATEST_COMMITS,
  /** Keep every file version needed to read the table as of any commit in the last N hours. */
  KEEP_LATEST_BY_HOURS,
  /** Keep the latest N versions of every file group. */
  KEEP_LATEST_FILE_VERSIONS
}

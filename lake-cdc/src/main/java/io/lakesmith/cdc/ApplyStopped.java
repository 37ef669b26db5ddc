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

package io.lakesmith.cdc;

/**
 * Thrown from a listener callback to end a table's apply early at a clean point (before the next file, between rows
 * of a batch not yet written, or right after a commit): what was committed stays, the rest is applied by the next run.
 * The table's report gets a warning, not an error.
 */
final class ApplyStopped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ApplyStopped(String message) {
    super(message, null, false, false);
  }
}

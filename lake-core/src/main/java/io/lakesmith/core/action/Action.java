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

package io.lakesmith.core.action;

/**
 * The contract every Lakesmith operation follows: configure it with fluent methods, then {@link #execute()} it once
 * for a typed result. Configuring methods return the action itself; none of them does work. An action is not
 * thread-safe and is meant to be executed once (executing it again runs it again, with the same configuration).
 *
 * @param <R> the result type
 */
public interface Action<R extends ActionResult> {

  /**
   * Runs the action. Problems of the data or of one table are in the result ({@link ActionResult#status()}, its
   * report's errors); only misuse (an action without what it needs) and failures that leave nothing to report
   * throw, as a {@link io.lakesmith.core.LakesmithException} or {@link IllegalStateException}.
   *
   * @return what the run did
   */
  R execute();
}

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

import io.lakesmith.core.LakesmithException;
import java.util.Optional;

/**
 * An apply of one table stopped. Nothing of the batch in progress was committed; earlier commits of the run
 * stay and the next run continues after them. When a bad source row caused it (STRICT mode), {@link #rowError()}
 * names its file, line and column.
 */
public final class ApplyException extends LakesmithException {
  private final RowError rowError;

  /** A failure caused by a bad source row ({@code rowError} may be null). */
  public ApplyException(String message, RowError rowError) {
    super(message);
    this.rowError = rowError;
  }

  /** A failure with its cause. */
  public ApplyException(String message, Throwable cause) {
    super(message, cause);
    this.rowError = null;
  }

  public Optional<RowError> rowError() {
    return Optional.ofNullable(rowError);
  }
}

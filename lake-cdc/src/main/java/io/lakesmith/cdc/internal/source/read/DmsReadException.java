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

package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.cdc.RowError;
import io.lakesmith.core.BadInputException;
/**
 * A file cannot be read as configured: no way to know its column names, a CDC file without {@code Op} in a table
 * not declared inserts-only, or (when {@link #malformedContent()}) content that is damaged at open time and that a
 * reader could not turn into an {@link RowError.Kind#UNREADABLE} row. The message names the file key and, when
 * known, the line. Failing to open the object at all surfaces as the store's
 * {@link io.lakesmith.core.storage.StorageException}.
 *
 * <p>Damaged content met while reading (unterminated quote, truncated compression, corrupt Parquet) does not throw:
 * the readers return it as a final row whose error is {@link RowError.Kind#UNREADABLE}, so the engine can set it aside
 * like any bad row.
 */
public class DmsReadException extends BadInputException {
  private final String fileKey;
  private final long line;
  private final boolean content;
  private final String reason;

  public DmsReadException(String fileKey, long line, String message, Throwable cause) {
    this(fileKey, line, message, cause, false);
  }

  public DmsReadException(String fileKey, String message, Throwable cause) {
    this(fileKey, 0, message, cause, false);
  }

  private DmsReadException(String fileKey, long line, String message, Throwable cause, boolean content) {
    super(fileKey + (line > 0 ? " line " + line : "") + ": " + message, cause);
    this.fileKey = fileKey;
    this.line = line;
    this.content = content;
    this.reason = message;
  }

  /** The file's bytes are damaged (not gzip though named so, not Parquet, ...): a problem of this file's content. */
  static DmsReadException malformed(String fileKey, long line, String message, Throwable cause) {
    return new DmsReadException(fileKey, line, message, cause, true);
  }

  public String fileKey() {
    return fileKey;
  }

  /** The message without the file and line. */
  public String reason() {
    return reason;
  }

  /** The line (CSV) or row (Parquet) where reading failed, or 0 when not known. */
  public long line() {
    return line;
  }

  /**
   * Whether the file's content is damaged (a data problem a fixed file cures) rather than the file being unreadable
   * as configured (a setting or declaration cures it).
   */
  public boolean malformedContent() {
    return content;
  }
}

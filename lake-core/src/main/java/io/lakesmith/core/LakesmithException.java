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

package io.lakesmith.core;

/**
 * The root of every exception Lakesmith throws on purpose. Callers branch on its subtypes: {@link BadInputException}
 * (a source file or row that cannot be read as DMS output), {@code SchemaDriftException} (a column change that is not
 * applied automatically), {@code ConcurrentWriterException} (another writer holds the table),
 * {@code StorageException} (S3 or the file system failed), {@code CatalogException} (Glue refused or failed), and the
 * per-action failures ({@code ApplyException}, {@code HudiWriteException}, {@code MaintenanceBlockedException}).
 * SDK and Hudi exceptions are mapped to these at the boundary and kept as the cause. The message is one line that
 * names what failed and why.
 */
public class LakesmithException extends RuntimeException {

  public LakesmithException(String message) {
    super(message);
  }

  public LakesmithException(String message, Throwable cause) {
    super(message, cause);
  }
}

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

import java.io.Closeable;
import java.util.Iterator;

/**
 * Streams the rows of one DMS file in file order, holding at most a few rows in memory. {@link #next()} returns
 * rows with a {@link DmsRow#error()} too (see {@link DmsRow}); it throws {@link DmsReadException} when the file
 * cannot be read further. Not thread-safe. Close it to release the stream (and a staged Parquet copy).
 */
public interface DmsRowReader extends Iterator<DmsRow>, Closeable {

  /** Releases the stream and deletes temporary files; never throws. */
  @Override
  void close();
}

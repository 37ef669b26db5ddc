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

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.core.storage.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens a DMS file's content, un-gzipping {@code .gz} files after checking the gzip magic bytes. */
final class Streams {
  private Streams() {}

  private static final int BUFFER = 1 << 16;

  static InputStream open(ObjectStore store, DmsFile file) {
    InputStream raw = new BufferedInputStream(store.open(file.key()), BUFFER);
    try {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      boolean magic = b0 == 0x1f && b1 == 0x8b;
      if (file.gzip() && !magic) {
        throw DmsReadException.malformed(file.key(), 0, "named .gz but does not start with the gzip magic bytes 1f 8b",
            null);
      }
      if (!file.gzip() && magic) {
        throw DmsReadException.malformed(file.key(), 0, "gzip content in a file not named .gz", null);
      }
      return file.gzip() ? new GZIPInputStream(raw, BUFFER) : raw;
    } catch (IOException | RuntimeException e) {
      closeQuietly(raw);
      if (e instanceof DmsReadException) {
        throw (DmsReadException) e;
      }
      if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
        throw DmsReadException.malformed(file.key(), 0, "not readable as gzip: " + e.getMessage(), e);
      }
      throw new DmsReadException(file.key(), "cannot read: " + e, e);
    }
  }

  static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // nothing to do: the data was read or the read already failed
      }
    }
  }
}

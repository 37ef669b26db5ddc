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

package io.lakesmith.compaction;

import com.google.common.base.Preconditions;
import io.lakesmith.core.storage.ObjectStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Tier-2 objects with the user metadata compaction reads by default ({@link LogTimestampSource#metadata()},
 * {@link TombstoneRule#dmsOperationMetadata()}): {@code x-amz-meta-dms-ts} (the DMS commit timestamp of the
 * object's newest change, ISO-8601 UTC with microseconds), {@code x-amz-meta-dms-seq} (its change sequence, when
 * known) and {@code x-amz-meta-dms-op} ({@code I}, {@code U} or {@code D}). The metadata is written atomically with
 * the object (one PUT). Thread-safe; the caller owns the store.
 */
public final class Tier2Writer {

  private final ObjectStore store;

  private Tier2Writer(ObjectStore store) {
    this.store = Preconditions.checkNotNull(store, "store");
  }

  public static Tier2Writer of(ObjectStore store) {
    return new Tier2Writer(store);
  }

  /** The user metadata for an object whose newest change is at {@code position} with DMS operation {@code op}. */
  public static Map<String, String> metadata(LogPosition position, String op) {
    Preconditions.checkNotNull(position, "position");
    Preconditions.checkArgument(op != null && op.trim().matches("(?i)[IUD]"), "DMS operation must be I, U or D: %s", op);
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Tier2Metadata.TIMESTAMP, LogPosition.formatTimestamp(position.timestamp()));
    position.sequence().ifPresent(s -> m.put(Tier2Metadata.SEQUENCE, s));
    m.put(Tier2Metadata.OPERATION, op.trim().toUpperCase(Locale.ROOT));
    return m;
  }

  /** Writes {@code content} at store key {@code key}. */
  public void put(String key, byte[] content, LogPosition position, String op) {
    store.put(key, content, metadata(position, op));
  }

  /** Writes the local file at store key {@code key}. */
  public void put(String key, Path file, LogPosition position, String op) {
    store.put(key, file, metadata(position, op));
  }
}

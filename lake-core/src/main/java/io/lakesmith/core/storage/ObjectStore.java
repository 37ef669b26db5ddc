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

package io.lakesmith.core.storage;

import java.io.Closeable;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects in one S3 bucket or one local file system, addressed by key ({@link StorageLocation#key()}).
 * Implementations are thread-safe. Keys use '/' as separator and never start with '/'.
 *
 * <p>Obtain one with {@link ObjectStores#open}. Closing releases the underlying client. What only some stores can do
 * is a capability interface: {@link VersionedObjectStore} (reading object versions) and
 * {@link ConditionalObjectStore} (conditional writes); {@link ObjectStores#versioned} and
 * {@link ObjectStores#conditional} check for them with a one-line error. Both of Lakesmith's stores (S3, local) have
 * both.
 */
public interface ObjectStore extends Closeable {

  /**
   * Every object whose key starts with {@code prefix}, in ascending key order (UTF-8 binary order, as S3
   * lists), fetched lazily page by page. Entries carry no user metadata. Close the stream when not fully
   * consumed.
   */
  Stream<ObjectInfo> list(String prefix);

  /**
   * Every object whose key starts with {@code prefix} and sorts after {@code startAfter} (UTF-8 binary order), in
   * ascending key order: S3's {@code StartAfter}, so a caller that knows where new objects begin (the newest date
   * folder of a DMS table) lists only those, skipping what sorts before. {@code startAfter} null or empty lists the
   * whole prefix.
   */
  Stream<ObjectInfo> list(String prefix, String startAfter);

  /**
   * Every version of every object under {@code prefix} (key ascending, then newest first), for versioned
   * buckets. Stores without versioning return one current version per object.
   */
  Stream<ObjectInfo> listVersions(String prefix);

  /** The object with its user metadata, or empty when there is none. */
  Optional<ObjectInfo> head(String key);

  /** Opens the object's content for reading. Throws {@link StorageException} naming the key when missing. */
  InputStream open(String key);

  /** Writes (replaces) an object with the given user metadata. */
  void put(String key, byte[] content, Map<String, String> metadata);

  /** Writes (replaces) an object from a local file with the given user metadata. */
  void put(String key, Path file, Map<String, String> metadata);

  /**
   * Deletes the keys, in requests of at most 1000 keys, retrying keys that failed with a retryable error.
   * Never throws for per-key failures: they are in {@link DeleteResult#failures()}.
   */
  DeleteResult delete(Collection<String> keys);

  /** Deletes specific versions ({@code key -> versionId}); same contract as {@link #delete}. */
  DeleteResult deleteVersions(Collection<ObjectInfo> versions);

  @Override
  void close();
}

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

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ObjectStore} with atomic conditional writes (S3 {@code If-None-Match}/{@code If-Match}; on the local file
 * system atomic across processes), what leases and locks are built on. Obtain one with
 * {@link ObjectStores#conditional}.
 */
public interface ConditionalObjectStore extends ObjectStore {

  /**
   * Conditional create (S3 {@code If-None-Match: *}): writes the object only if no object has this key, atomically
   * with respect to other conditional and unconditional writers.
   *
   * @return true when written; false when an object with the key exists (or a concurrent conditional write of
   *     the same key won)
   */
  boolean putIfAbsent(String key, byte[] content, Map<String, String> metadata);

  /**
   * Conditional replace (S3 {@code If-Match}): writes the object only if its current entity tag
   * ({@link ObjectInfo#eTag()} from {@link #head}) is {@code expectedETag}.
   *
   * @return true when written; false when the object is missing or was replaced since {@code expectedETag}
   */
  boolean putIfMatch(String key, byte[] content, Map<String, String> metadata, String expectedETag);

  /**
   * Conditional delete (S3 {@code If-Match} on DeleteObject): deletes the object only if its current entity tag
   * is {@code expectedETag}.
   *
   * @return true when deleted; false when the object is missing or was replaced since {@code expectedETag}
   */
  boolean deleteIfMatch(String key, String expectedETag);
}

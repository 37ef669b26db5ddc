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
 * An {@link ObjectStore} that reads specific object versions (S3 buckets with versioning; stores without versioning
 * ignore the version id and behave as {@link #head} and {@link #open}). Obtain one with
 * {@link ObjectStores#versioned}.
 */
public interface VersionedObjectStore extends ObjectStore {

  /**
   * The given version of an object with its user metadata, or empty when there is no such version. Stores
   * without versioning ignore {@code versionId} (null allowed) and behave as {@link #head}.
   */
  Optional<ObjectInfo> headVersion(String key, String versionId);

  /** Opens the content of one version of an object; stores without versioning behave as {@link #open}. */
  InputStream openVersion(String key, String versionId);
}

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

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object (or one version of it) in an {@link ObjectStore}. Listings do not carry user metadata
 * ({@link #metadata()} is empty and {@link #hasMetadata()} false); {@link ObjectStore#head} does.
 * {@link #lastModified()} is storage time: never use it to order data changes.
 */
public final class ObjectInfo {
  private final String key;
  private final long size;
  private final Instant lastModified;
  private final String versionId;
  private final boolean latest;
  private final ImmutableMap<String, String> metadata;
  private final boolean hasMetadata;
  private final String eTag;

  private ObjectInfo(String key, long size, Instant lastModified, String versionId, boolean latest,
      Map<String, String> metadata, boolean hasMetadata) {
    this(key, size, lastModified, versionId, latest, metadata, hasMetadata, null);
  }

  private ObjectInfo(String key, long size, Instant lastModified, String versionId, boolean latest,
      Map<String, String> metadata, boolean hasMetadata, String eTag) {
    this.key = Preconditions.checkNotNull(key, "key");
    this.size = size;
    this.lastModified = lastModified;
    this.versionId = versionId;
    this.latest = latest;
    this.metadata = metadata == null ? ImmutableMap.of() : ImmutableMap.copyOf(metadata);
    this.hasMetadata = hasMetadata;
    this.eTag = eTag;
  }

  /** An object as a listing returns it (no user metadata). */
  public static ObjectInfo listed(String key, long size, Instant lastModified) {
    return new ObjectInfo(key, size, lastModified, null, true, null, false);
  }

  /**
   * An object as a listing returns it, with the entity tag the store listed (S3 lists one per object: it changes
   * whenever the content is replaced). {@code eTag} may be null.
   */
  public static ObjectInfo listed(String key, long size, Instant lastModified, String eTag) {
    return new ObjectInfo(key, size, lastModified, null, true, null, false, eTag);
  }

  /** An object with its user metadata, as {@link ObjectStore#head} returns it. */
  public static ObjectInfo withMetadata(String key, long size, Instant lastModified, Map<String, String> metadata) {
    return new ObjectInfo(key, size, lastModified, null, true, metadata, true);
  }

  /**
   * An object (or, with a non-null {@code versionId}, one version of it) with its user metadata and entity tag, as
   * {@link ObjectStore#head} and {@link VersionedObjectStore#headVersion} return it. The entity tag identifies this exact
   * content for conditional writes ({@link ConditionalObjectStore#putIfMatch}, {@link ConditionalObjectStore#deleteIfMatch}).
   */
  public static ObjectInfo withMetadata(String key, String versionId, boolean latest, long size, Instant lastModified,
      Map<String, String> metadata, String eTag) {
    return new ObjectInfo(key, size, lastModified, versionId, latest, metadata, true, eTag);
  }

  /** One version of an object in a versioned bucket. */
  public static ObjectInfo version(String key, String versionId, boolean latest, long size, Instant lastModified) {
    return new ObjectInfo(key, size, lastModified, versionId, latest, null, false);
  }

  public String key() {
    return key;
  }

  /** The last path segment of the key. */
  public String name() {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  public long size() {
    return size;
  }

  public Instant lastModified() {
    return lastModified;
  }

  public Optional<String> versionId() {
    return Optional.ofNullable(versionId);
  }

  /** For versions: whether this is the current version. Always true for unversioned listings. */
  public boolean isLatest() {
    return latest;
  }

  /** User metadata (lower-case keys without the {@code x-amz-meta-} prefix). */
  public Map<String, String> metadata() {
    return metadata;
  }

  public boolean hasMetadata() {
    return hasMetadata;
  }

  /**
   * The entity tag of this content, when the store returned one ({@link ObjectStore#head} does): an opaque token
   * that changes whenever the object is replaced, for {@link ConditionalObjectStore#putIfMatch} and
   * {@link ConditionalObjectStore#deleteIfMatch}.
   */
  public Optional<String> eTag() {
    return Optional.ofNullable(eTag);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ObjectInfo)) {
      return false;
    }
    ObjectInfo other = (ObjectInfo) o;
    return key.equals(other.key) && size == other.size && Objects.equals(versionId, other.versionId)
        && Objects.equals(lastModified, other.lastModified) && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, size, versionId, lastModified);
  }

  @Override
  public String toString() {
    return key + (versionId == null ? "" : "@" + versionId) + " (" + size + " bytes)";
  }
}

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

import io.lakesmith.core.aws.AwsSettings;
import software.amazon.awssdk.services.s3.S3Client;

/** Opens the {@link ObjectStore} that holds a location. */
public final class ObjectStores {
  private ObjectStores() {}

  /** The S3 bucket's store (a new client from {@code aws}) or the local file system's. Close it when done. */
  public static ObjectStore open(StorageLocation location, AwsSettings aws) {
    return location.isS3() ? new S3ObjectStore(aws.newS3Client(), location.bucket(), true) : new LocalObjectStore();
  }

  /** The local file system's store. */
  public static ObjectStore local() {
    return new LocalObjectStore();
  }

  /**
   * {@code store} as a {@link VersionedObjectStore}.
   *
   * @throws IllegalArgumentException naming the store's type when it cannot read object versions
   */
  public static VersionedObjectStore versioned(ObjectStore store) {
    if (store instanceof VersionedObjectStore) {
      return (VersionedObjectStore) store;
    }
    throw new IllegalArgumentException(store.getClass().getName() + " does not read object versions");
  }

  /**
   * {@code store} as a {@link ConditionalObjectStore}.
   *
   * @throws IllegalArgumentException naming the store's type when it has no conditional writes
   */
  public static ConditionalObjectStore conditional(ObjectStore store) {
    if (store instanceof ConditionalObjectStore) {
      return (ConditionalObjectStore) store;
    }
    throw new IllegalArgumentException(store.getClass().getName() + " has no conditional writes");
  }

  /** A store over one bucket with a caller-owned client; closing the store leaves the client open. */
  public static ObjectStore s3(S3Client client, String bucket) {
    return new S3ObjectStore(client, bucket, false);
  }
}

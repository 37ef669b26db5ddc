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

import com.google.common.collect.Lists;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One S3 bucket as an object store, on AWS SDK v2. Listings page through ListObjectsV2 (1000 keys a page);
 * deletes go out as DeleteObjects of at most 1000 keys, and keys the response reports as failed with a
 * retryable code (SlowDown, InternalError, ServiceUnavailable) are retried with exponential backoff and
 * jitter; other per-key errors are returned, never swallowed. Whole-request throttling (503 SlowDown) is
 * retried by the SDK's standard retry strategy configured in {@link io.lakesmith.core.aws.AwsSettings}.
 */
final class S3ObjectStore implements VersionedObjectStore, ConditionalObjectStore {

  private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
  static final int MAX_KEYS_PER_DELETE = 1000;
  private static final Set<String> RETRYABLE = Set.of("SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout");
  private static final int DELETE_ATTEMPTS = 5;

  private final S3Client s3;
  private final String bucket;
  private final boolean ownsClient;

  S3ObjectStore(S3Client s3, String bucket, boolean ownsClient) {
    this.s3 = s3;
    this.bucket = bucket;
    this.ownsClient = ownsClient;
  }

  private String where(String key) {
    return "s3://" + bucket + "/" + key;
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    try {
      return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
          .map(o -> ObjectInfo.listed(o.key(), o.size(), o.lastModified(), o.eTag()));
    } catch (SdkException e) {
      throw new StorageException("cannot list " + where(prefix) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, String startAfter) {
    if (startAfter == null || startAfter.isEmpty()) {
      return list(prefix);
    }
    try {
      return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).startAfter(startAfter)).contents().stream()
          .map(o -> ObjectInfo.listed(o.key(), o.size(), o.lastModified(), o.eTag()));
    } catch (SdkException e) {
      throw new StorageException("cannot list " + where(prefix) + " after " + startAfter + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Stream<ObjectInfo> listVersions(String prefix) {
    try {
      return s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix)).versions().stream()
          .map(v -> ObjectInfo.version(v.key(), v.versionId(), Boolean.TRUE.equals(v.isLatest()), v.size(), v.lastModified()));
    } catch (SdkException e) {
      throw new StorageException("cannot list versions under " + where(prefix) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    try {
      HeadObjectResponse h = s3.headObject(r -> r.bucket(bucket).key(key));
      return Optional.of(ObjectInfo.withMetadata(key, null, true, h.contentLength(), h.lastModified(), h.metadata(),
          h.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new StorageException("cannot head " + where(key) + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new StorageException("cannot head " + where(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return s3.getObject(r -> r.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new StorageException("no such object: " + where(key), e);
    } catch (SdkException e) {
      throw new StorageException("cannot read " + where(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(String key, byte[] content, Map<String, String> metadata) {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + where(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(String key, Path file, Map<String, String> metadata) {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + where(key) + " from " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ObjectInfo> headVersion(String key, String versionId) {
    if (versionId == null) {
      return head(key);
    }
    try {
      HeadObjectResponse h = s3.headObject(r -> r.bucket(bucket).key(key).versionId(versionId));
      return Optional.of(ObjectInfo.withMetadata(key, versionId, false, h.contentLength(), h.lastModified(),
          h.metadata(), h.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new StorageException("cannot head " + where(key) + "@" + versionId + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new StorageException("cannot head " + where(key) + "@" + versionId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream openVersion(String key, String versionId) {
    if (versionId == null) {
      return open(key);
    }
    try {
      return s3.getObject(r -> r.bucket(bucket).key(key).versionId(versionId));
    } catch (NoSuchKeyException e) {
      throw new StorageException("no such object: " + where(key) + "@" + versionId, e);
    } catch (SdkException e) {
      throw new StorageException("cannot read " + where(key) + "@" + versionId + ": " + e.getMessage(), e);
    }
  }

  /**
   * 412 PreconditionFailed: the condition did not hold; 409 ConditionalRequestConflict: a concurrent conditional
   * write of the key is in progress (S3 lets one win); 404: If-Match on a missing object.
   */
  private static boolean conditionFailed(S3Exception e) {
    return e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404;
  }

  @Override
  public boolean putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata).ifNoneMatch("*"), RequestBody.fromBytes(content));
      return true;
    } catch (S3Exception e) {
      if (conditionFailed(e)) {
        return false;
      }
      throw new StorageException("cannot write " + where(key) + " (If-None-Match): " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new StorageException("cannot write " + where(key) + " (If-None-Match): " + e.getMessage(), e);
    }
  }

  @Override
  public boolean putIfMatch(String key, byte[] content, Map<String, String> metadata, String expectedETag) {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata).ifMatch(expectedETag),
          RequestBody.fromBytes(content));
      return true;
    } catch (S3Exception e) {
      if (conditionFailed(e)) {
        return false;
      }
      throw new StorageException("cannot write " + where(key) + " (If-Match): " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new StorageException("cannot write " + where(key) + " (If-Match): " + e.getMessage(), e);
    }
  }

  @Override
  public boolean deleteIfMatch(String key, String expectedETag) {
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(expectedETag));
      return true;
    } catch (S3Exception e) {
      if (conditionFailed(e)) {
        return false;
      }
      throw new StorageException("cannot delete " + where(key) + " (If-Match): " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new StorageException("cannot delete " + where(key) + " (If-Match): " + e.getMessage(), e);
    }
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
    keys.forEach(k -> ids.add(ObjectIdentifier.builder().key(k).build()));
    return deleteIds(ids);
  }

  @Override
  public DeleteResult deleteVersions(Collection<ObjectInfo> versions) {
    List<ObjectIdentifier> ids = new ArrayList<>(versions.size());
    for (ObjectInfo v : versions) {
      ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId().orElse(null)).build());
    }
    return deleteIds(ids);
  }

  private static String label(ObjectIdentifier id) {
    return id.versionId() == null ? id.key() : id.key() + "@" + id.versionId();
  }

  private static String label(S3Error e) {
    return e.versionId() == null ? e.key() : e.key() + "@" + e.versionId();
  }

  private DeleteResult deleteIds(List<ObjectIdentifier> ids) {
    List<String> deleted = new ArrayList<>();
    List<DeleteResult.Failure> failed = new ArrayList<>();
    int requests = 0;
    for (List<ObjectIdentifier> batch : Lists.partition(ids, MAX_KEYS_PER_DELETE)) {
      List<ObjectIdentifier> pending = batch;
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        Map<String, ObjectIdentifier> byLabel = new LinkedHashMap<>();
        pending.forEach(id -> byLabel.put(label(id), id));
        List<ObjectIdentifier> toSend = pending;
        DeleteObjectsResponse resp;
        try {
          requests++;
          resp = s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(toSend).quiet(true).build()));
        } catch (SdkException e) {
          // The SDK already retried throttling/5xx: the whole batch failed.
          byLabel.values().forEach(id -> failed.add(new DeleteResult.Failure(id.key(), id.versionId(),
              DeleteResult.REQUEST_FAILED, e.getMessage())));
          break;
        }
        List<ObjectIdentifier> retry = new ArrayList<>();
        for (S3Error err : resp.errors()) {
          ObjectIdentifier id = byLabel.remove(label(err));
          if (id == null) {
            id = byLabel.remove(err.key());
          }
          if (RETRYABLE.contains(err.code()) && attempt < DELETE_ATTEMPTS && id != null) {
            retry.add(id);
          } else {
            failed.add(new DeleteResult.Failure(err.key(), id != null ? id.versionId() : err.versionId(), err.code(),
                err.message()));
          }
        }
        deleted.addAll(byLabel.keySet());
        if (!retry.isEmpty()) {
          LOG.warn("DeleteObjects on s3://{}: {} keys failed with a retryable error, retrying (attempt {})",
              bucket, retry.size(), attempt);
          sleep(attempt);
        }
        pending = retry;
      }
    }
    return new DeleteResult(deleted, failed, requests);
  }

  private static void sleep(int attempt) {
    long base = Math.min(10_000L, 100L << Math.min(attempt, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(base / 2, base + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while backing off a delete retry", e);
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }
}

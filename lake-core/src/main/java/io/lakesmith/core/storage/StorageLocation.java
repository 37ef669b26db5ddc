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
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Where something lives: an S3 bucket and key prefix ({@code s3://}, {@code s3a://}, {@code s3n://}) or a local
 * path ({@code file:} URI, absolute or relative path). Immutable. Keys never start with '/'; a location is
 * addressed in its {@link ObjectStore} by {@link #key()}: the key inside the bucket for S3, the absolute
 * path without its leading '/' for local files.
 */
public final class StorageLocation {

  private final boolean s3;
  private final String bucket;
  private final String key;

  private StorageLocation(boolean s3, String bucket, String key) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
  }

  public static StorageLocation parse(String location) {
    Preconditions.checkArgument(location != null && !location.isBlank(), "location must not be blank");
    String l = location.trim();
    int colon = l.indexOf("://");
    String scheme = colon > 0 ? l.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
    if (scheme.equals("s3") || scheme.equals("s3a") || scheme.equals("s3n")) {
      String rest = l.substring(colon + 3);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      Preconditions.checkArgument(!bucket.isEmpty(), "location '%s' has no bucket", location);
      return new StorageLocation(true, bucket, trimSlashes(slash < 0 ? "" : rest.substring(slash + 1)));
    }
    Path path;
    if (l.startsWith("file:")) {
      path = Paths.get(URI.create(l.startsWith("file://") || l.startsWith("file:/") ? l : "file:" + l));
    } else {
      Preconditions.checkArgument(colon < 0, "unsupported location scheme in '%s' (use s3://, s3a:// or a local path)", location);
      path = Paths.get(l);
    }
    return local(path);
  }

  public static StorageLocation local(Path path) {
    String abs = path.toAbsolutePath().normalize().toString().replace('\\', '/');
    return new StorageLocation(false, null, trimSlashes(abs));
  }

  public static StorageLocation s3(String bucket, String key) {
    Preconditions.checkArgument(bucket != null && !bucket.isEmpty(), "bucket must not be empty");
    return new StorageLocation(true, bucket, trimSlashes(key));
  }

  private static String trimSlashes(String k) {
    String r = k;
    while (r.startsWith("/")) {
      r = r.substring(1);
    }
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  /** Whether this and {@code other} are in one store: both on the local file system, or in the same bucket. */
  public boolean sameStore(StorageLocation other) {
    return isS3() == other.isS3() && (!isS3() || bucket().equals(other.bucket()));
  }

  public boolean isS3() {
    return s3;
  }

  /** The bucket; only for S3 locations. */
  public String bucket() {
    Preconditions.checkState(s3, "%s is not an S3 location", this);
    return bucket;
  }

  /** The key of this location in its store, without leading or trailing '/'. */
  public String key() {
    return key;
  }

  /** {@link #key()} followed by '/', or "" at a bucket root: the listing prefix for what lies below. */
  public String prefix() {
    return key.isEmpty() ? "" : key + "/";
  }

  /** The local path; only for local locations. */
  public Path localPath() {
    Preconditions.checkState(!s3, "%s is not a local location", this);
    return Paths.get("/" + key);
  }

  public StorageLocation resolve(String child) {
    String c = trimSlashes(child);
    if (c.isEmpty()) {
      return this;
    }
    return new StorageLocation(s3, bucket, key.isEmpty() ? c : key + "/" + c);
  }

  /** The location of the object with this store key, in the same bucket or file system. */
  public StorageLocation withKey(String newKey) {
    return new StorageLocation(s3, bucket, trimSlashes(newKey));
  }

  /** {@code s3a://bucket/key} for S3, {@code file:/path} for local: what Hadoop and Hudi take. */
  public String toHadoopUri() {
    return s3 ? "s3a://" + bucket + (key.isEmpty() ? "" : "/" + key) : "file:/" + key;
  }

  /** {@code s3://bucket/key} for S3 (what Glue, Athena and EMR expect), {@code file:/path} for local. */
  public String toUri() {
    return s3 ? "s3://" + bucket + (key.isEmpty() ? "" : "/" + key) : "file:/" + key;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StorageLocation)) {
      return false;
    }
    StorageLocation other = (StorageLocation) o;
    return s3 == other.s3 && Objects.equals(bucket, other.bucket) && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(s3, bucket, key);
  }

  @Override
  public String toString() {
    return toUri();
  }
}

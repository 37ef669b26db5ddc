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

package io.lakesmith.core.hudi;

import com.google.common.base.Preconditions;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock Hudi's optimistic concurrency control takes around each change of a table's timeline (starting a write,
 * committing it after the conflict check, scheduling and completing table services). Every Lakesmith write runs
 * with optimistic concurrency control and one of these locks; Hudi configuration keys for them stay in this package.
 *
 * <ul>
 *   <li>{@link #objectStore()} (the default): {@code ObjectStoreLockProvider}, a lease object at
 *       {@code <table>/.lakesmith/commit.lock} taken with conditional writes on the table's own storage (S3 or the
 *       local file system). Nothing else to run or configure.
 *   <li>{@link #dynamoDb(String, String)}: Hudi's DynamoDB lock provider
 *       ({@code org.apache.hudi.aws.transaction.lock.DynamoDBBasedLockProvider}), for tables that other Hudi writers
 *       (Spark, Flink, EMR) also write with that provider. Its class is in {@code org.apache.hudi:hudi-aws}, which is
 *       not on Maven Central for Hudi 1.x: add a hudi-aws build matching Hudi 1.2.0 (and its DynamoDB client) to the
 *       class path yourself; opening a write client fails with a message naming the missing class otherwise.
 * </ul>
 */
public final class CommitLock implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Hudi's DynamoDB lock provider class (in org.apache.hudi:hudi-aws). */
  public static final String DYNAMODB_PROVIDER = "org.apache.hudi.aws.transaction.lock.DynamoDBBasedLockProvider";
  /** Default lease of {@link #objectStore()}. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private enum Kind { OBJECT_STORE, DYNAMODB }

  private final Kind kind;
  private final Duration lease;
  private final String table;
  private final String region;
  private final String partitionKey;
  private final URI endpoint;

  private CommitLock(Kind kind, Duration lease, String table, String region, String partitionKey, URI endpoint) {
    this.kind = kind;
    this.lease = lease;
    this.table = table;
    this.region = region;
    this.partitionKey = partitionKey;
    this.endpoint = endpoint;
  }

  /** The lease object on the table's storage, with a lease of 30 s (renewed while held). */
  public static CommitLock objectStore() {
    return objectStore(DEFAULT_LEASE);
  }

  /**
   * The lease object on the table's storage with the given lease: how long a process that died holding the lock
   * (killed during a commit) blocks other commits.
   */
  public static CommitLock objectStore(Duration lease) {
    Preconditions.checkArgument(lease != null && lease.toMillis() >= 1000, "commit lock lease must be >= 1 s, got %s",
        lease);
    return new CommitLock(Kind.OBJECT_STORE, lease, null, null, null, null);
  }

  /**
   * Hudi's DynamoDB lock provider on the DynamoDB table {@code table} in {@code region} (Hudi creates the table on
   * first use, billed per request). The partition key defaults to Hudi's (the Hudi table's name); use
   * {@link #withPartitionKey} when two tables share a name.
   */
  public static CommitLock dynamoDb(String table, String region) {
    Preconditions.checkArgument(table != null && !table.isBlank(), "DynamoDB lock table must not be blank");
    Preconditions.checkArgument(region != null && !region.isBlank(), "DynamoDB region must not be blank");
    return new CommitLock(Kind.DYNAMODB, null, table, region, null, null);
  }

  /** The DynamoDB partition key (one per Hudi table); only for {@link #dynamoDb}. */
  public CommitLock withPartitionKey(String value) {
    Preconditions.checkState(kind == Kind.DYNAMODB, "a partition key only applies to the DynamoDB lock");
    Preconditions.checkArgument(value != null && !value.isBlank(), "partition key must not be blank");
    return new CommitLock(kind, lease, table, region, value, endpoint);
  }

  /** A DynamoDB endpoint override (VPC endpoint, emulator); only for {@link #dynamoDb}. */
  public CommitLock withEndpoint(URI value) {
    Preconditions.checkState(kind == Kind.DYNAMODB, "an endpoint only applies to the DynamoDB lock");
    return new CommitLock(kind, lease, table, region, partitionKey, Preconditions.checkNotNull(value, "endpoint"));
  }

  public boolean isObjectStore() {
    return kind == Kind.OBJECT_STORE;
  }

  /** The object-store lock's lease; empty for DynamoDB. */
  public Optional<Duration> lease() {
    return Optional.ofNullable(lease);
  }

  /** The DynamoDB lock table; empty for the object-store lock. */
  public Optional<String> dynamoDbTable() {
    return Optional.ofNullable(table);
  }

  /** The DynamoDB region; empty for the object-store lock. */
  public Optional<String> dynamoDbRegion() {
    return Optional.ofNullable(region);
  }

  /** The DynamoDB partition key when set; empty otherwise. */
  public Optional<String> dynamoDbPartitionKey() {
    return Optional.ofNullable(partitionKey);
  }

  /** The DynamoDB endpoint override when set; empty otherwise. */
  public Optional<URI> dynamoDbEndpoint() {
    return Optional.ofNullable(endpoint);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CommitLock)) {
      return false;
    }
    CommitLock c = (CommitLock) o;
    return kind == c.kind && Objects.equals(lease, c.lease) && Objects.equals(table, c.table)
        && Objects.equals(region, c.region) && Objects.equals(partitionKey, c.partitionKey)
        && Objects.equals(endpoint, c.endpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, lease, table, region, partitionKey, endpoint);
  }

  @Override
  public String toString() {
    return kind == Kind.OBJECT_STORE ? "objectStore(lease " + lease + ")"
        : "dynamoDb(" + table + ", " + region + (partitionKey == null ? "" : ", key " + partitionKey)
            + (endpoint == null ? "" : ", " + endpoint) + ")";
  }
}

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

import io.lakesmith.core.action.Action;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Compacts a {@link Tier2Layout}: per record key, keeps the newest object by DMS log position and deletes the
 * older ones; removes keys whose newest object is a delete tombstone. Obtain one from
 * {@link TableMaintenance#expireOldVersions}; configure, then {@link #execute()}. Not thread-safe; one execution
 * per instance.
 *
 * <h2>What is deleted</h2>
 * For each record key (see {@link RecordKeyExtractor}), only objects whose log timestamp is at or before the cutoff
 * ({@link #olderThan}: now minus the grace window, on log time, never storage time) are <em>settled</em>; newer
 * ones are never touched. Among the settled objects the newest by (log timestamp, sequence, object key, and for
 * versions of one object the version listed first, i.e. the newer one) is kept; every other settled object is
 * deleted. When several objects share that newest position, the source does not say which is newest: the
 * tie-break above decides the same way on every run whatever the upload order, and each such key is reported
 * ({@link ExpireObjectVersionsResult#ties()}, counter {@code positionTies}, a warning in the log). If that newest object is a tombstone, no
 * unsettled object exists for the key, and the tombstone is older than the {@link #tombstoneRetention}, the whole
 * key is removed: the older objects first, and the tombstone only after all of them are confirmed deleted (so a
 * crash or a failed delete never leaves an older version visible as the newest). A key with an object whose log
 * position cannot be read is left untouched and reported as skipped.
 *
 * <h2>Versioned buckets</h2>
 * With {@link #versionedBucket(boolean) versionedBucket(true)} every version of every object is a candidate and
 * deletes are by VersionId (permanent). Objects whose current version is a delete marker are hidden from readers:
 * their versions are never kept as the newest, and are deleted only when older than the kept one. Delete markers
 * are left as they are. Without it, deletes by key in a versioned bucket would only add delete markers.
 *
 * <h2>Safety</h2>
 * <ul>
 *   <li>One pass over the key-ordered listing; memory is bounded by the objects of one key (times a small window
 *       of keys resolved in parallel) and the configured number of recorded deletions.
 *   <li>{@link #dryRun()} lists, reads and plans exactly like a real run and deletes nothing: its
 *       {@link ExpireObjectVersionsResult#deletions()} is the sequence of deletes a real run would send, in order.
 *   <li>Deletes go out as DeleteObjects of at most 1000 keys; every per-key error is read and reported. One retry
 *       layer: the SDK retries throttled and failed requests (503 SlowDown, 5xx) as configured in
 *       {@link io.lakesmith.core.aws.AwsSettings#maxAttempts()}, and the store retries keys S3 reports as throttled
 *       inside a successful response; what still fails is an error of the result, deleted by the next run.
 *   <li>Idempotent: running again after a crash or a partial failure finishes the job and deletes nothing a
 *       complete first run would not have deleted (for the same cutoff).
 *   <li>A per-prefix lock ({@link Tier2Layout#lockKey()}, see {@link #lockTtl}) keeps two real runs apart; a
 *       kill switch (the object {@link Tier2Layout#killSwitchKey()}, or the system property
 *       {@value #KILL_SWITCH_PROPERTY}{@code =true}) stops runs before their next delete. Dry runs take no lock.
 * </ul>
 */
public interface ExpireObjectVersions extends Action<ExpireObjectVersionsResult> {

  /** System property that, when {@code true}, blocks every object-version compaction in this JVM. */
  String KILL_SWITCH_PROPERTY = "lakesmith.compaction.disabled";

  /** Grace window on log time: objects with a log timestamp after now minus {@code grace} are never touched. Default 24 h. */
  ExpireObjectVersions olderThan(Duration grace);

  /** An absolute cutoff instead of {@link #olderThan}: objects with a log timestamp after it are never touched. */
  ExpireObjectVersions cutoff(Instant cutoff);

  /**
   * How long a tombstone stays after it settled before its key is removed (tombstone log timestamp at or before
   * the cutoff minus this). Default zero: removed once settled.
   */
  ExpireObjectVersions tombstoneRetention(Duration retention);

  /** Whether the bucket keeps versions and compaction works by VersionId (see the class documentation). */
  ExpireObjectVersions versionedBucket(boolean versioned);

  /** Plan only: read and decide like a real run, delete nothing, take no lock. */
  ExpireObjectVersions dryRun();

  /** Lease of the prefix lock; renewed while the run goes on. Default 15 minutes. */
  ExpireObjectVersions lockTtl(Duration ttl);

  /** The owner recorded in the lock object (default host name, process id and a random suffix). */
  ExpireObjectVersions lockOwner(String owner);

  /** Concurrent HEAD/GET requests for reading log positions (default 16). */
  ExpireObjectVersions parallelism(int threads);

  /** At most this many deletions are kept in the result (counting goes on); default 100,000. */
  ExpireObjectVersions maxRecordedDeletions(int max);

  /** The clock for "now" (the grace window and lock expiry); default UTC system clock. */
  ExpireObjectVersions clock(Clock clock);

  /**
   * Runs the compaction.
   *
   * @return what was (or, for a dry run, would be) deleted, kept, removed and skipped, with every error
   * @throws MaintenanceBlockedException when the prefix is locked by another run or the kill switch is engaged
   *     before anything was deleted
   */
  @Override
  ExpireObjectVersionsResult execute();
}

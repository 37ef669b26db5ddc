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

import io.lakesmith.core.action.ActionResult;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.lakesmith.core.report.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link ExpireObjectVersions} run did (or, for a dry run, would do). Immutable.
 *
 * <p>Counters: {@link #objectsScanned()} every listed entry under the prefix (objects or versions);
 * {@link #keysScanned()} record keys seen; {@link #objectsKept()} data objects not planned for deletion;
 * {@link #objectsDeleted()} / {@link #bytesReclaimed()} deletes confirmed by the store (planned ones in a dry run);
 * {@link #objectsIgnored()} control objects, folder markers, excluded and unmatched keys. {@link #errors()} holds
 * every per-key delete error and any error that stopped the run; {@link #isComplete()} is true without errors.
 */
public final class ExpireObjectVersionsResult implements ActionResult {

  /** Why an object is deleted. */
  public enum Reason {
    /** An older object (or version) of a key whose newer object is kept. */
    SUPERSEDED,
    /** An object of a key removed because its newest object is a tombstone (the tombstone itself included). */
    TOMBSTONED
  }

  /** One object (version) deleted, or planned for deletion in a dry run. */
  public static final class Deletion {
    private final String key;
    private final String versionId;
    private final long size;
    private final String recordKey;
    private final Reason reason;

    Deletion(String key, String versionId, long size, String recordKey, Reason reason) {
      this.key = key;
      this.versionId = versionId;
      this.size = size;
      this.recordKey = recordKey;
      this.reason = reason;
    }

    public String key() {
      return key;
    }

    public Optional<String> versionId() {
      return Optional.ofNullable(versionId);
    }

    public long size() {
      return size;
    }

    public String recordKey() {
      return recordKey;
    }

    public Reason reason() {
      return reason;
    }

    /** {@code key} or {@code key@versionId}. */
    public String label() {
      return versionId == null ? key : key + "@" + versionId;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Deletion)) {
        return false;
      }
      Deletion d = (Deletion) o;
      return key.equals(d.key) && Objects.equals(versionId, d.versionId) && size == d.size
          && recordKey.equals(d.recordKey) && reason == d.reason;
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, versionId, size, recordKey, reason);
    }

    @Override
    public String toString() {
      return label() + " (" + reason + ", key " + recordKey + ")";
    }
  }

  /** A record key removed entirely because its newest object was a tombstone: the catalog drops its partition. */
  public static final class RemovedKey {
    private final String recordKey;
    private final String keyPrefix;
    private final ImmutableMap<String, String> partitionValues;
    private final LogPosition tombstonePosition;

    RemovedKey(String recordKey, String keyPrefix, Map<String, String> partitionValues, LogPosition tombstonePosition) {
      this.recordKey = recordKey;
      this.keyPrefix = keyPrefix;
      this.partitionValues = ImmutableMap.copyOf(partitionValues);
      this.tombstonePosition = tombstonePosition;
    }

    /** The record key, e.g. {@code employee_id=321}. */
    public String recordKey() {
      return recordKey;
    }

    /** The store key prefix the key's objects lived under, e.g. {@code Tier-2/employee/employee_id=321/}. */
    public String keyPrefix() {
      return keyPrefix;
    }

    /** Partition column to value, for {@link RecordKeyExtractor#partitionFolders} layouts (else empty). */
    public Map<String, String> partitionValues() {
      return partitionValues;
    }

    public LogPosition tombstonePosition() {
      return tombstonePosition;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RemovedKey && keyPrefix.equals(((RemovedKey) o).keyPrefix)
          && recordKey.equals(((RemovedKey) o).recordKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(recordKey, keyPrefix);
    }

    @Override
    public String toString() {
      return recordKey + " (" + keyPrefix + ", tombstone at " + tombstonePosition + ")";
    }
  }

  /** A record key left untouched, and why. */
  public static final class SkippedKey {
    private final String recordKey;
    private final String reason;

    SkippedKey(String recordKey, String reason) {
      this.recordKey = recordKey;
      this.reason = reason;
    }

    public String recordKey() {
      return recordKey;
    }

    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return recordKey + ": " + reason;
    }
  }

  /**
   * Objects of one record key that share the newest log position (same timestamp and sequence, or both without a
   * sequence): nothing in the source orders them, so the kept one was chosen by the documented tie-break (greater
   * object key, then for versions of one object the newer version) and the others were deleted (dry run: would be).
   * Reported so that a data problem upstream (two writers, a duplicated change, a too coarse timestamp) is seen.
   */
  public static final class PositionTie {
    private final String recordKey;
    private final LogPosition position;
    private final String kept;
    private final ImmutableList<String> others;

    PositionTie(String recordKey, LogPosition position, String kept, List<String> others) {
      this.recordKey = recordKey;
      this.position = position;
      this.kept = kept;
      this.others = ImmutableList.copyOf(others);
    }

    public String recordKey() {
      return recordKey;
    }

    /** The shared log position. */
    public LogPosition position() {
      return position;
    }

    /** {@code key} or {@code key@versionId} of the object kept (or, when it is a tombstone, removed last). */
    public String kept() {
      return kept;
    }

    /** The objects at the same position that lost the tie-break, in tie-break order (strongest first). */
    public List<String> others() {
      return others;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof PositionTie)) {
        return false;
      }
      PositionTie t = (PositionTie) o;
      return recordKey.equals(t.recordKey) && position.equals(t.position) && kept.equals(t.kept)
          && others.equals(t.others);
    }

    @Override
    public int hashCode() {
      return Objects.hash(recordKey, position, kept, others);
    }

    @Override
    public String toString() {
      return recordKey + " at " + position + ": kept " + kept + " over " + others;
    }
  }

  private final boolean dryRun;
  private final String location;
  private final Instant cutoff;
  private final long objectsScanned;
  private final long keysScanned;
  private final long objectsKept;
  private final long objectsDeleted;
  private final long bytesReclaimed;
  private final long objectsIgnored;
  private final long deleteRequests;
  private final ImmutableList<Deletion> deletions;
  private final boolean deletionsTruncated;
  private final ImmutableList<RemovedKey> removedKeys;
  private final ImmutableList<SkippedKey> skippedKeys;
  private final ImmutableList<PositionTie> ties;
  private final ImmutableList<String> errors;
  private final Duration duration;
  private final RunReport report;

  ExpireObjectVersionsResult(boolean dryRun, String location, Instant cutoff, long objectsScanned, long keysScanned,
      long objectsKept, long objectsDeleted, long bytesReclaimed, long objectsIgnored, long deleteRequests,
      List<Deletion> deletions, boolean deletionsTruncated, List<RemovedKey> removedKeys, List<SkippedKey> skippedKeys,
      List<PositionTie> ties, List<String> errors, Duration duration, RunReport report) {
    this.dryRun = dryRun;
    this.location = location;
    this.cutoff = cutoff;
    this.objectsScanned = objectsScanned;
    this.keysScanned = keysScanned;
    this.objectsKept = objectsKept;
    this.objectsDeleted = objectsDeleted;
    this.bytesReclaimed = bytesReclaimed;
    this.objectsIgnored = objectsIgnored;
    this.deleteRequests = deleteRequests;
    this.deletions = ImmutableList.copyOf(deletions);
    this.deletionsTruncated = deletionsTruncated;
    this.removedKeys = ImmutableList.copyOf(removedKeys);
    this.skippedKeys = ImmutableList.copyOf(skippedKeys);
    this.ties = ImmutableList.copyOf(ties);
    this.errors = ImmutableList.copyOf(errors);
    this.duration = duration;
    this.report = report;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  /** The compacted location ({@code s3://bucket/prefix} or {@code file:/path}). */
  public String location() {
    return location;
  }

  /** Objects with a log timestamp after this were not touched. */
  public Instant cutoff() {
    return cutoff;
  }

  public long objectsScanned() {
    return objectsScanned;
  }

  public long keysScanned() {
    return keysScanned;
  }

  public long objectsKept() {
    return objectsKept;
  }

  public long objectsDeleted() {
    return objectsDeleted;
  }

  public long bytesReclaimed() {
    return bytesReclaimed;
  }

  public long objectsIgnored() {
    return objectsIgnored;
  }

  /** DeleteObjects requests sent (0 for a dry run). */
  public long deleteRequests() {
    return deleteRequests;
  }

  /**
   * The deletes, in the order they were sent (dry run: would be sent), confirmed ones only for a real run; at most
   * {@link ExpireObjectVersions#maxRecordedDeletions} of them ({@link #deletionsTruncated()} says if more).
   */
  public List<Deletion> deletions() {
    return deletions;
  }

  public boolean deletionsTruncated() {
    return deletionsTruncated;
  }

  /**
   * Record keys removed because their newest object was a tombstone (dry run: would be removed), in key-prefix
   * order. A key is listed only once its tombstone is confirmed deleted.
   */
  public List<RemovedKey> removedKeys() {
    return removedKeys;
  }

  public List<SkippedKey> skippedKeys() {
    return skippedKeys;
  }

  /** Keys whose newest position was shared by several objects (see {@link PositionTie}), in key-prefix order. */
  public List<PositionTie> ties() {
    return ties;
  }

  public List<String> errors() {
    return errors;
  }

  public boolean isComplete() {
    return errors.isEmpty();
  }

  public Duration duration() {
    return duration;
  }

  /** The same figures as a lake-core {@link RunReport} (operation {@code expireOldVersions}). */
  public RunReport report() {
    return report;
  }

  @Override
  public String toString() {
    return (dryRun ? "dry run " : "") + "expireOldVersions " + location + ": scanned " + objectsScanned + " objects / "
        + keysScanned + " keys, kept " + objectsKept + ", deleted " + objectsDeleted + " (" + bytesReclaimed
        + " bytes), removed keys " + removedKeys.size() + ", skipped keys " + skippedKeys.size() + ", position ties " + ties.size() + ", errors "
        + errors.size() + " in " + duration.toMillis() + " ms";
  }
}

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

package io.lakesmith.cdc;

import com.google.common.base.Preconditions;
import io.lakesmith.core.table.TableSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link DmsApply#continuous(ContinuousOptions)} polls: how often, how often it re-lists everything for late
 * files, how it backs off after errors, how long it waits for a table another writer holds, and the optional
 * maintenance it runs between applies. Immutable; build with {@link #builder()}.
 */
public final class ContinuousOptions {

  /** Runs table maintenance (clean, compaction, ...) for one table between two of its applies. */
  @FunctionalInterface
  public interface Maintenance {
    /** Maintains {@code table}; an exception is recorded in the table's status and retried at the next slot. */
    void run(TableSpec table) throws Exception;
  }

  private final Duration pollInterval;
  private final Duration fullSweepInterval;
  private final boolean sweepAtStart;
  private final Duration maxBackoff;
  private final Duration lockWait;
  private final Duration maintenanceInterval;
  private final Maintenance maintenance;

  private ContinuousOptions(Builder b) {
    this.pollInterval = b.pollInterval;
    this.fullSweepInterval = b.fullSweepInterval;
    this.sweepAtStart = b.sweepAtStart;
    this.maxBackoff = b.maxBackoff;
    this.lockWait = b.lockWait;
    this.maintenanceInterval = b.maintenanceInterval;
    this.maintenance = b.maintenance;
  }

  /** Options polling every {@code pollInterval}, everything else default. */
  public static ContinuousOptions every(Duration pollInterval) {
    return builder().pollInterval(pollInterval).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.pollInterval = pollInterval;
    b.fullSweepInterval = fullSweepInterval;
    b.sweepAtStart = sweepAtStart;
    b.maxBackoff = maxBackoff;
    b.lockWait = lockWait;
    b.maintenanceInterval = maintenanceInterval;
    b.maintenance = maintenance;
    return b;
  }

  /** How long after a table's poll ends its next one starts (default 10 s). */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * How often the whole source is listed again, for files that arrived late in date folders before the newest applied
   * one and for new table folders (default 1 hour; also once at start). Between sweeps a table's poll lists only from
   * its newest applied date folder on.
   */
  public Duration fullSweepInterval() {
    return fullSweepInterval;
  }

  /**
   * Whether the whole source is listed at start (default true: also finds files that arrived late while nothing ran).
   * False: each table starts listing from the newest date folder of its checkpoint (read from the table under its
   * lease), so a restart over years of date folders lists little; late files then wait for the first sweep, one
   * {@link #fullSweepInterval()} after start.
   */
  public boolean sweepAtStart() {
    return sweepAtStart;
  }

  /** The longest wait between polls of a table whose polls fail (default 5 minutes); doubling from the poll interval. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * How long a poll waits for the writer lease of a table another writer is applying; empty (the default): the lease
   * plus one poll interval, so a table held by a crashed writer is taken over once its lease expires. A poll that
   * waited in vain is retried like a failed one.
   */
  public Optional<Duration> lockWait() {
    return Optional.ofNullable(lockWait);
  }

  /** The maintenance run between a table's applies, if any. */
  public Optional<Maintenance> maintenance() {
    return Optional.ofNullable(maintenance);
  }

  /** How often {@link #maintenance()} runs per table (first run one interval after start). */
  public Duration maintenanceInterval() {
    return maintenanceInterval;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContinuousOptions)) {
      return false;
    }
    ContinuousOptions x = (ContinuousOptions) o;
    return pollInterval.equals(x.pollInterval) && fullSweepInterval.equals(x.fullSweepInterval)
        && sweepAtStart == x.sweepAtStart
        && maxBackoff.equals(x.maxBackoff) && Objects.equals(lockWait, x.lockWait)
        && maintenanceInterval.equals(x.maintenanceInterval) && Objects.equals(maintenance, x.maintenance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pollInterval, fullSweepInterval, sweepAtStart, maxBackoff, lockWait, maintenanceInterval, maintenance);
  }

  @Override
  public String toString() {
    return "ContinuousOptions{poll=" + pollInterval + ", fullSweep=" + fullSweepInterval
        + (sweepAtStart ? "" : " (not at start)") + ", maxBackoff=" + maxBackoff
        + ", lockWait=" + (lockWait == null ? "lease+poll" : lockWait)
        + (maintenance == null ? "" : ", maintenance every " + maintenanceInterval) + "}";
  }

  /** Builder of {@link ContinuousOptions}. */
  public static final class Builder {
    private Duration pollInterval = Duration.ofSeconds(10);
    private Duration fullSweepInterval = Duration.ofHours(1);
    private boolean sweepAtStart = true;
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration lockWait;
    private Duration maintenanceInterval = Duration.ofHours(1);
    private Maintenance maintenance;

    private Builder() {}

    public Builder pollInterval(Duration value) {
      Preconditions.checkArgument(value != null && !value.isNegative() && !value.isZero(),
          "pollInterval must be positive, got %s", value);
      this.pollInterval = value;
      return this;
    }

    /** {@link Duration#ZERO}: every poll lists everything. */
    public Builder fullSweepInterval(Duration value) {
      Preconditions.checkArgument(value != null && !value.isNegative(), "fullSweepInterval must be >= 0, got %s", value);
      this.fullSweepInterval = value;
      return this;
    }

    /** See {@link ContinuousOptions#sweepAtStart()}. */
    public Builder sweepAtStart(boolean value) {
      this.sweepAtStart = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      Preconditions.checkArgument(value != null && !value.isNegative() && !value.isZero(),
          "maxBackoff must be positive, got %s", value);
      this.maxBackoff = value;
      return this;
    }

    /** null: the default (lease plus one poll interval). */
    public Builder lockWait(Duration value) {
      Preconditions.checkArgument(value == null || !value.isNegative(), "lockWait must be >= 0, got %s", value);
      this.lockWait = value;
      return this;
    }

    /** Runs {@code task} for each table every {@code interval}, between two of its applies; null task: none. */
    public Builder maintenance(Duration interval, Maintenance task) {
      Preconditions.checkArgument(interval != null && !interval.isNegative() && !interval.isZero(),
          "maintenance interval must be positive, got %s", interval);
      this.maintenanceInterval = interval;
      this.maintenance = task;
      return this;
    }

    public ContinuousOptions build() {
      return new ContinuousOptions(this);
    }
  }
}

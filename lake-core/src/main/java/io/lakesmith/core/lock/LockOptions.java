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

package io.lakesmith.core.lock;

import com.google.common.base.Preconditions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LeaseLock} is taken and kept. Immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>{@link #lease()} (default 60 s): how long the lock is held without renewal. A holder renews it every third
 *       of the lease (in the background by default), so a live holder keeps it indefinitely and a crashed one blocks
 *       others for at most the lease (plus {@link #maxClockSkew()}).
 *   <li>{@link #waitTimeout()} (default 0: fail fast): how long {@code acquire} retries while another holder has the
 *       lock before giving up with {@link ConcurrentWriterException}.
 *   <li>{@link #maxClockSkew()} (default 200 ms): how far clocks of hosts sharing a lock may disagree. A lease is
 *       taken over only once it expired by more than this, and a holder considers its own lease lost this long
 *       before it expires.
 *   <li>{@link #retryInterval()} (default 250 ms, jittered): the pause between attempts while waiting.
 *   <li>{@link #renewInBackground()} (default true): a daemon thread renews the lease while it is held;
 *       otherwise only {@link LeaseLock#ensureHeld()} renews it.
 *   <li>{@link #owner()} (default {@code host/pid}): the label recorded in the lock object.
 * </ul>
 */
public final class LockOptions implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
  static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMillis(200);

  private final Duration lease;
  private final Duration waitTimeout;
  private final Duration maxClockSkew;
  private final Duration retryInterval;
  private final boolean renewInBackground;
  private final String owner;
  private final Clock clock;

  private LockOptions(Builder b) {
    this.lease = b.lease;
    this.waitTimeout = b.waitTimeout;
    this.maxClockSkew = b.maxClockSkew;
    this.retryInterval = b.retryInterval;
    this.renewInBackground = b.renewInBackground;
    this.owner = b.owner;
    this.clock = b.clock;
  }

  /** Lease 60 s, fail fast, 200 ms clock skew, renewed in the background. */
  public static LockOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.lease = lease;
    b.waitTimeout = waitTimeout;
    b.maxClockSkew = maxClockSkew;
    b.retryInterval = retryInterval;
    b.renewInBackground = renewInBackground;
    b.owner = owner;
    b.clock = clock;
    return b;
  }

  public Duration lease() {
    return lease;
  }

  public Duration waitTimeout() {
    return waitTimeout;
  }

  public Duration maxClockSkew() {
    return maxClockSkew;
  }

  public Duration retryInterval() {
    return retryInterval;
  }

  public boolean renewInBackground() {
    return renewInBackground;
  }

  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LockOptions)) {
      return false;
    }
    LockOptions l = (LockOptions) o;
    return lease.equals(l.lease) && waitTimeout.equals(l.waitTimeout) && maxClockSkew.equals(l.maxClockSkew)
        && retryInterval.equals(l.retryInterval) && renewInBackground == l.renewInBackground
        && Objects.equals(owner, l.owner) && clock.equals(l.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lease, waitTimeout, maxClockSkew, retryInterval, renewInBackground, owner);
  }

  @Override
  public String toString() {
    return "LockOptions{lease=" + lease + ", wait=" + waitTimeout + ", maxClockSkew=" + maxClockSkew
        + ", retry=" + retryInterval + ", background=" + renewInBackground + (owner == null ? "" : ", owner=" + owner)
        + "}";
  }

  /** Builder of {@link LockOptions}. */
  public static final class Builder {
    private Duration lease = DEFAULT_LEASE;
    private Duration waitTimeout = Duration.ZERO;
    private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
    private Duration retryInterval = Duration.ofMillis(250);
    private boolean renewInBackground = true;
    private String owner;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** At least 1 s and more than 3 times {@link #maxClockSkew}. */
    public Builder lease(Duration value) {
      Preconditions.checkArgument(value != null && value.toMillis() >= 1000, "lease must be at least 1 s, got %s",
          value);
      this.lease = value;
      return this;
    }

    /** 0 fails at once when the lock is held. */
    public Builder waitTimeout(Duration value) {
      Preconditions.checkArgument(value != null && !value.isNegative(), "lock wait must not be negative, got %s",
          value);
      this.waitTimeout = value;
      return this;
    }

    public Builder maxClockSkew(Duration value) {
      Preconditions.checkArgument(value != null && !value.isNegative(), "max clock skew must not be negative, got %s",
          value);
      this.maxClockSkew = value;
      return this;
    }

    public Builder retryInterval(Duration value) {
      Preconditions.checkArgument(value != null && value.toMillis() >= 1, "retry interval must be >= 1 ms, got %s",
          value);
      this.retryInterval = value;
      return this;
    }

    public Builder renewInBackground(boolean value) {
      this.renewInBackground = value;
      return this;
    }

    public Builder owner(String value) {
      Preconditions.checkArgument(value == null || !value.isBlank(), "lock owner must not be blank");
      this.owner = value;
      return this;
    }

    /** The clock for lease times (tests); default the UTC system clock. */
    public Builder clock(Clock value) {
      this.clock = Preconditions.checkNotNull(value, "clock");
      return this;
    }

    public LockOptions build() {
      Preconditions.checkArgument(lease.compareTo(maxClockSkew.multipliedBy(3)) > 0,
          "lease %s must be more than 3 times the max clock skew %s", lease, maxClockSkew);
      return new LockOptions(this);
    }
  }
}

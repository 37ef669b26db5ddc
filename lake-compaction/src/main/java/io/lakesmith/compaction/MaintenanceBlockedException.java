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

import io.lakesmith.core.LakesmithException;
import java.time.Instant;
import java.util.Optional;

/**
 * A destructive maintenance run did not start, or stopped before its next delete, because another run holds the
 * prefix's lock, the run lost its lock (it ran past the lock's expiry and someone else took it over), or the kill
 * switch is engaged. Nothing is deleted after this is raised.
 */
public class MaintenanceBlockedException extends LakesmithException {

  /** Why the run was blocked. */
  public enum Reason { LOCKED, LOCK_LOST, KILL_SWITCH }

  private final Reason reason;
  private final String holder;
  private final Instant expiresAt;

  MaintenanceBlockedException(Reason reason, String message, String holder, Instant expiresAt) {
    super(message);
    this.reason = reason;
    this.holder = holder;
    this.expiresAt = expiresAt;
  }

  public Reason reason() {
    return reason;
  }

  /** The owner of the lock that blocked the run, when known. */
  public Optional<String> holder() {
    return Optional.ofNullable(holder);
  }

  /** When the blocking lock expires, when known. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }
}

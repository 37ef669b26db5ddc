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

import io.lakesmith.core.LakesmithException;
import java.time.Duration;
import java.time.Instant;

/**
 * Another process holds the lock (its lease has not expired) and the wait for it ran out: nothing was written. The
 * message is one line naming what is locked, the lock object, the holder (host, pid, process start) and when its
 * lease expires, e.g. {@code table hr.employees is locked by another writer: lock object
 * s3://lake/hr/employees/.lakesmith/writer.lock is held by host ip-10-0-0-7 pid 4242 (started
 * 2026-05-01T10:00:00Z), lease expires 2026-05-01T10:05:00Z (waited 0 s)}.
 */
public class ConcurrentWriterException extends LakesmithException {

  private static final long serialVersionUID = 1L;

  private final String resource;
  private final String lockObject;
  private final transient LockHolder holder;

  ConcurrentWriterException(String resource, String lockObject, LockHolder holder, Duration waited) {
    super(resource + " is locked by another writer: lock object " + lockObject + " is held by "
        + holder.describe() + ", lease expires " + holder.expiresAt() + " (waited " + seconds(waited) + ")");
    this.resource = resource;
    this.lockObject = lockObject;
    this.holder = holder;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** What the lock protects, e.g. {@code table hr.employees}. */
  public String resource() {
    return resource;
  }

  /** The lock object's location ({@code s3://...} or {@code file:/...}). */
  public String lockObject() {
    return lockObject;
  }

  /** The holder as its lock object described it. */
  public LockHolder holder() {
    return holder;
  }

  /** When the holder's lease expires (its clock). */
  public Instant leaseExpiresAt() {
    return holder.expiresAt();
  }
}

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
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ConditionalObjectStore;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageException;
import io.lakesmith.core.storage.StorageLocation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lease held as one small object in an {@link ObjectStore} (its JSON body is a {@link LockHolder}),
 * with conditional writes as the only synchronisation: no lock service is needed.
 *
 * <ul>
 *   <li><b>Acquire</b>: a conditional create ({@code If-None-Match: *} on S3; a hard link under an OS file lock
 *       locally), so of two processes only one creates it. A lock whose lease expired more than
 *       {@link LockOptions#maxClockSkew()} ago (its holder crashed) is taken over with a conditional replace
 *       ({@code If-Match} its entity tag), so of two processes taking over the same stale lock only one wins. While
 *       the lock is held by someone else, acquiring retries until {@link LockOptions#waitTimeout()} and then throws
 *       {@link ConcurrentWriterException}.
 *   <li><b>Renew</b>: a conditional replace of the holder's own entity tag, every third of the lease on a daemon
 *       thread (or when {@link #ensureHeld()} finds a third passed). A failed replace means someone took the lock
 *       over: the lease is lost and {@link #ensureHeld()} throws {@link LeaseLostException} from then on.
 *   <li><b>Release</b> ({@link #close()}): a conditional delete of the holder's own entity tag, so a lock taken
 *       over is never deleted by its former holder.
 * </ul>
 *
 * <p>Expiry is judged on the clock of the process that wants the lock against the expiry the holder wrote on its
 * clock: clocks must agree within {@link LockOptions#maxClockSkew()}. A holder considers its lease possibly lost
 * {@code maxClockSkew} before it expires. This is a lease, not a fence: a holder frozen past its lease (a long GC
 * pause) may still finish an operation it started before noticing; callers check {@link #ensureHeld()} right
 * before each change, and Hudi's own commit lock and conflict check back that up for table commits.
 *
 * <p>Thread-safe.
 */
public final class LeaseLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseLock.class);
  /** User metadata key carrying the holder's token, read back by HEAD to confirm a write was ours. */
  static final String TOKEN_METADATA = "lock-token";

  private static final ScheduledExecutorService RENEWALS = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "lakesmith-lease-renewal");
    t.setDaemon(true);
    return t;
  });

  private final ConditionalObjectStore store;
  private final StorageLocation location;
  private final String resource;
  private final LockOptions options;
  private LockHolder holder;
  private String eTag;
  private Instant renewedAt;
  private String lostReason;
  private boolean released;
  private ScheduledFuture<?> renewal;

  private LeaseLock(ObjectStore store, StorageLocation location, String resource, LockOptions options) {
    this.store = ObjectStores.conditional(store);
    this.location = location;
    this.resource = resource;
    this.options = options;
  }

  /**
   * Takes the lease on the lock object at {@code location} in {@code store}, waiting up to
   * {@link LockOptions#waitTimeout()} while someone else holds it.
   *
   * @param resource what the lock protects, for messages (e.g. {@code table hr.employees})
   * @throws ConcurrentWriterException when another holder kept the lock for the whole wait
   * @throws StorageException when the store fails (not when the lock is merely held)
   */
  public static LeaseLock acquire(ObjectStore store, StorageLocation location, String resource, LockOptions options) {
    Preconditions.checkNotNull(store, "store");
    Preconditions.checkNotNull(location, "location");
    Preconditions.checkNotNull(options, "options");
    LeaseLock lock = new LeaseLock(store, location, resource, options);
    lock.take();
    return lock;
  }

  private void take() {
    long startNanos = System.nanoTime();
    long waitNanos = options.waitTimeout().toNanos();
    LockHolder seen = null;
    while (true) {
      Optional<LockHolder> blocker = attempt();
      if (blocker.isEmpty()) {
        break;
      }
      seen = blocker.get();
      long waited = System.nanoTime() - startNanos;
      if (waited >= waitNanos) {
        throw new ConcurrentWriterException(resource, location.toUri(), seen, Duration.ofNanos(waited));
      }
      long pause = Math.min(waitNanos - waited, jittered(options.retryInterval()).toNanos());
      try {
        TimeUnit.NANOSECONDS.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConcurrentWriterException(resource, location.toUri(), seen, Duration.ofNanos(waited));
      }
    }
    if (options.renewInBackground()) {
      long period = Math.max(100, options.lease().toMillis() / 3);
      renewal = RENEWALS.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }
  }

  private static Duration jittered(Duration d) {
    long ms = d.toMillis();
    return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms + 1));
  }

  /** One try; empty when the lease is now ours, else the holder that blocks it. */
  private synchronized Optional<LockHolder> attempt() {
    Instant now = options.clock().instant();
    LockHolder mine = LockHolder.self(options.owner().orElse(null), now, options.lease());
    Map<String, String> meta = Map.of(TOKEN_METADATA, mine.token());
    if (store.putIfAbsent(location.key(), mine.toJson(), meta)) {
      return confirm(mine, now) ? Optional.empty() : Optional.of(current().orElse(mine));
    }
    Optional<ObjectInfo> head = store.head(location.key());
    if (head.isEmpty()) {
      return Optional.of(mine); // released between our create and our look: the caller retries
    }
    LockHolder current = read().orElse(null);
    if (current == null) {
      return Optional.of(mine);
    }
    if (!now.isAfter(current.expiresAt().plus(options.maxClockSkew()))) {
      return Optional.of(current);
    }
    LOG.warn("taking over the expired lease on {} ({}): {}", resource, location, current);
    if (!store.putIfMatch(location.key(), mine.toJson(), meta, head.get().eTag().orElse(""))) {
      return Optional.of(current().orElse(current)); // someone else took it over first
    }
    return confirm(mine, now) ? Optional.empty() : Optional.of(current().orElse(current));
  }

  /** Reads back our write: records our entity tag, or false when the object is no longer ours. */
  private boolean confirm(LockHolder mine, Instant at) {
    Optional<ObjectInfo> info = store.head(location.key());
    if (info.isEmpty() || !mine.token().equals(info.get().metadata().get(TOKEN_METADATA))) {
      return false;
    }
    holder = mine;
    eTag = info.get().eTag().orElseThrow(() -> new StorageException("the store returned no entity tag for "
        + location, null));
    renewedAt = at;
    return true;
  }

  private Optional<LockHolder> current() {
    return read();
  }

  /** The current holder; empty when the object vanished (released meanwhile: the caller retries). */
  private Optional<LockHolder> read() {
    try (InputStream in = store.open(location.key())) {
      return Optional.of(LockHolder.parse(in.readAllBytes()));
    } catch (StorageException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw new StorageException("cannot read lock object " + location + ": " + e.getMessage(), e);
    }
  }

  private static boolean isMissing(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String n = c.getClass().getSimpleName();
      if (n.equals("NoSuchKeyException") || n.equals("NoSuchFileException") || n.equals("FileNotFoundException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renews the lease now.
   *
   * @throws LeaseLostException when the lock object is no longer ours
   */
  public synchronized void renew() {
    checkNotLost();
    Preconditions.checkState(!released, "lease on %s was released", resource);
    Instant now = options.clock().instant();
    LockHolder next = holder.renewed(now, options.lease());
    boolean replaced;
    try {
      replaced = store.putIfMatch(location.key(), next.toJson(), Map.of(TOKEN_METADATA, next.token()), eTag);
    } catch (StorageException e) {
      if (now.isAfter(holder.expiresAt().minus(options.maxClockSkew()))) {
        lose("the lease on " + resource + " (lock object " + location + ") ran out while it could not be renewed: "
            + e.getMessage(), e);
      }
      throw e;
    }
    if (!replaced || !confirm(next, now)) {
      String by = current().map(h -> " by " + h.describe()).orElse(" (the lock object is gone)");
      lose("the lease on " + resource + " (lock object " + location + ") was taken over" + by
          + ": this process overran its lease of " + options.lease().toSeconds() + " s", null);
    }
  }

  private void renewQuietly() {
    try {
      synchronized (this) {
        if (released || lostReason != null) {
          return;
        }
        renew();
      }
    } catch (LeaseLostException e) {
      LOG.error("{}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("cannot renew the lease on {} (retrying): {}", resource, e.toString());
    }
  }

  private void lose(String reason, Throwable cause) {
    lostReason = reason;
    if (renewal != null) {
      renewal.cancel(false);
    }
    throw cause == null ? new LeaseLostException(reason) : new LeaseLostException(reason, cause);
  }

  private void checkNotLost() {
    if (lostReason != null) {
      throw new LeaseLostException(lostReason);
    }
  }

  /**
   * Makes sure the lease is still ours with time left: renews it when a third of the lease has passed since the
   * last renewal (or it is about to expire). A store failure while renewing is tolerated as long as the lease has
   * more than {@link LockOptions#maxClockSkew()} left.
   *
   * @throws LeaseLostException when it was taken over or could not be renewed before it ran out
   */
  public synchronized void ensureHeld() {
    checkNotLost();
    Preconditions.checkState(!released, "lease on %s was released", resource);
    Instant now = options.clock().instant();
    boolean due = !now.isBefore(renewedAt.plus(options.lease().dividedBy(3)))
        || now.isAfter(holder.expiresAt().minus(options.maxClockSkew()));
    if (due) {
      try {
        renew();
      } catch (StorageException e) {
        // the store failed, not the lease: it is still ours until it nearly runs out (renew() says so then)
        LOG.warn("cannot renew the lease on {} now (it runs until {}): {}", resource, holder.expiresAt(), e.toString());
      }
    }
  }

  /** Whether the lease is held: acquired, not released and not known to be lost. */
  public synchronized boolean isHeld() {
    return !released && lostReason == null;
  }

  /** The holder as written in the lock object: this process, with its current expiry. */
  public synchronized LockHolder holder() {
    return holder;
  }

  /** The lock object. */
  public StorageLocation location() {
    return location;
  }

  /** What the lock protects, as given to {@link #acquire}. */
  public String resource() {
    return resource;
  }

  /**
   * The holder of the lock object at {@code location}, if any (whether or not its lease has expired).
   */
  public static Optional<LockHolder> inspect(ObjectStore store, StorageLocation location) {
    return new LeaseLock(store, location, location.toUri(), LockOptions.defaults()).read();
  }

  /** Stops renewing and deletes the lock object if it is still ours. Idempotent. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    if (renewal != null) {
      renewal.cancel(false);
    }
    if (lostReason != null) {
      return;
    }
    try {
      if (!store.deleteIfMatch(location.key(), eTag)) {
        LOG.warn("lease on {} ({}) was no longer ours at release (taken over after expiry?)", resource, location);
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot release the lease on {} ({}): it expires by itself at {}: {}", resource, location,
          holder.expiresAt(), e.toString());
    }
  }

  @Override
  public String toString() {
    return "LeaseLock{" + resource + " at " + location + ", " + holder + "}";
  }
}

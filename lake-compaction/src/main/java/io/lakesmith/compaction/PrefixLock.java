package io.lakesmith.compaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on a prefix held as one small JSON object ({@code owner}, {@code token}, {@code acquiredAt},
 * {@code expiresAt}), taken with a conditional create ({@code If-None-Match: *}) so two runners cannot both create
 * it. A lock past its expiry (its holder crashed) is taken over with a conditional replace ({@code If-Match} its
 * ETag), so of two runners taking over the same stale lock only one wins. The holder renews it with a conditional
 * replace of its own ETag before each destructive step once a third of the lease has passed; a failed renewal
 * means someone took the lock over (this run overran its lease) and the run must stop. Release is a conditional
 * delete of its own ETag. Expiry is judged on the runner's clock: keep the lease long against clock skew.
 */
final class PrefixLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrefixLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN_METADATA = "lock-token";

  private final ObjectStore store;
  private final String key;
  private final String owner;
  private final String token;
  private final Duration ttl;
  private final Clock clock;
  private String eTag;
  private Instant renewedAt;
  private boolean released;

  private PrefixLock(ObjectStore store, String key, String owner, Duration ttl, Clock clock) {
    this.store = store;
    this.key = key;
    this.owner = owner;
    this.token = UUID.randomUUID().toString();
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * Takes the lock at {@code key}.
   *
   * @throws MaintenanceBlockedException (LOCKED) when another owner holds an unexpired lock or won a takeover race
   */
  static PrefixLock acquire(ObjectStore store, String key, String owner, Duration ttl, Clock clock) {
    PrefixLock lock = new PrefixLock(store, key, owner, ttl, clock);
    Instant now = clock.instant();
    if (store.putIfAbsent(key, lock.body(now), Map.of(TOKEN_METADATA, lock.token))) {
      lock.confirm(now);
      return lock;
    }
    Optional<ObjectInfo> current = store.head(key);
    if (current.isEmpty()) {
      // released between our create and our look: one more try, then give up
      if (store.putIfAbsent(key, lock.body(now), Map.of(TOKEN_METADATA, lock.token))) {
        lock.confirm(now);
        return lock;
      }
      throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCKED,
          "compaction lock " + key + " is contended; try again", null, null);
    }
    JsonNode held = read(store, key);
    String holder = held.path("owner").asText("?");
    Instant expires = Instant.parse(held.path("expiresAt").asText(Instant.MAX.toString()));
    if (!now.isAfter(expires)) {
      throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCKED,
          "compaction of this prefix is locked by " + holder + " until " + expires + " (lock object " + key + ")",
          holder, expires);
    }
    LOG.warn("taking over expired compaction lock {} of {} (expired {})", key, holder, expires);
    if (!store.putIfMatch(key, lock.body(now), Map.of(TOKEN_METADATA, lock.token), current.get().eTag().orElse(""))) {
      throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCKED,
          "another runner took over the expired compaction lock " + key + " first", null, null);
    }
    lock.confirm(now);
    return lock;
  }

  private void confirm(Instant at) {
    ObjectInfo mine = store.head(key).orElse(null);
    if (mine == null || !token.equals(mine.metadata().get(TOKEN_METADATA))) {
      throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCK_LOST,
          "compaction lock " + key + " changed hands right after it was taken", null, null);
    }
    eTag = mine.eTag().orElseThrow(() -> new IllegalStateException("store returned no ETag for " + key));
    renewedAt = at;
  }

  private byte[] body(Instant now) {
    ObjectNode n = JSON.createObjectNode();
    n.put("owner", owner);
    n.put("token", token);
    n.put("acquiredAt", now.toString());
    n.put("expiresAt", now.plus(ttl).toString());
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode read(ObjectStore store, String key) {
    try (InputStream in = store.open(key)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read compaction lock " + key, e);
    } catch (RuntimeException e) {
      // unreadable or vanished: treat as expired garbage
      return JSON.createObjectNode().put("owner", "?").put("expiresAt", Instant.EPOCH.toString());
    }
  }

  /**
   * Makes sure the lock is still ours with at least two thirds of the lease left, renewing it when a third has
   * passed.
   *
   * @throws MaintenanceBlockedException (LOCK_LOST) when the renewal finds the lock taken over or gone
   */
  void ensureHeld() {
    Instant now = clock.instant();
    if (Duration.between(renewedAt, now).compareTo(ttl.dividedBy(3)) < 0) {
      return;
    }
    if (!store.putIfMatch(key, body(now), Map.of(TOKEN_METADATA, token), eTag)) {
      throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCK_LOST,
          "compaction lock " + key + " was taken over (this run overran its lease of " + ttl + "): stopping",
          null, null);
    }
    confirm(now);
  }

  String owner() {
    return owner;
  }

  /** Deletes the lock if it is still ours. */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      if (!store.deleteIfMatch(key, eTag)) {
        LOG.warn("compaction lock {} was no longer ours at release (taken over after expiry?)", key);
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot release compaction lock {} (it expires by itself): {}", key, e.toString());
    }
  }
}

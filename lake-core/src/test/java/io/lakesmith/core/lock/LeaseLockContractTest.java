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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The {@link LeaseLock} contract on every object store. */
abstract class LeaseLockContractTest {

  abstract ObjectStore store();

  /** An empty location for one test. */
  abstract StorageLocation root();

  private StorageLocation lockObject() {
    return root().resolve("t/.lakesmith/writer.lock");
  }

  private static LockOptions.Builder quick() {
    return LockOptions.builder().lease(Duration.ofSeconds(2)).retryInterval(Duration.ofMillis(20));
  }

  @Test
  void aHeldLockFailsTheNextTakerWithOneLineNamingObjectHolderAndExpiry() throws Exception {
    try (LeaseLock held = LeaseLock.acquire(store(), lockObject(), "table app.t", LockOptions.defaults())) {
      LockHolder me = held.holder();
      assertThat(me.host()).isPresent();
      assertThat(me.pid()).contains(ProcessHandle.current().pid());
      String body = new String(store().open(lockObject().key()).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(body).contains("\"pid\":" + ProcessHandle.current().pid()).contains("\"expiresAt\"");

      assertThatThrownBy(() -> LeaseLock.acquire(store(), lockObject(), "table app.t", LockOptions.defaults()))
          .isInstanceOfSatisfying(ConcurrentWriterException.class, e -> {
            assertThat(e.getMessage()).doesNotContain("\n")
                .startsWith("table app.t is locked by another writer: lock object " + lockObject().toUri()
                    + " is held by host " + me.host().get() + " pid " + ProcessHandle.current().pid() + " (started ")
                .contains("lease expires " + me.expiresAt());
            assertThat(e.leaseExpiresAt()).isEqualTo(me.expiresAt());
            assertThat(e.lockObject()).isEqualTo(lockObject().toUri());
          });
      assertThat(held.isHeld()).isTrue();
    }
    assertThat(store().head(lockObject().key())).isEmpty();
    LeaseLock.acquire(store(), lockObject(), "table app.t", LockOptions.defaults()).close();
  }

  @Test
  void aWaiterGetsTheLockWhenItIsReleased() throws Exception {
    LeaseLock first = LeaseLock.acquire(store(), lockObject(), "t", quick().build());
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      first.close();
    });
    releaser.start();
    long t0 = System.nanoTime();
    try (LeaseLock second = LeaseLock.acquire(store(), lockObject(), "t",
        quick().waitTimeout(Duration.ofSeconds(20)).build())) {
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(250);
      assertThat(second.isHeld()).isTrue();
    }
    releaser.join();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsFormerHolderLearnsItLostIt() {
    // fixed clocks: the holder's at t0, the others' just inside and just beyond lease + 200 ms skew
    Clock t0 = Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC);
    LeaseLock stale = LeaseLock.acquire(store(), lockObject(), "t", quick().clock(t0).renewInBackground(false).build());
    Clock almost = Clock.offset(t0, Duration.ofSeconds(2).plusMillis(150));
    assertThatThrownBy(() -> LeaseLock.acquire(store(), lockObject(), "t", quick().clock(almost).build()))
        .isInstanceOf(ConcurrentWriterException.class);

    try (LeaseLock taker = LeaseLock.acquire(store(), lockObject(), "t",
        quick().clock(Clock.offset(t0, Duration.ofSeconds(2).plusMillis(250))).renewInBackground(false).build())) {
      assertThatThrownBy(stale::renew).isInstanceOf(LeaseLostException.class)
          .hasMessageContaining("was taken over by host");
      assertThatThrownBy(stale::ensureHeld).isInstanceOf(LeaseLostException.class);
      assertThat(stale.isHeld()).isFalse();
      stale.close(); // must not delete the new holder's object
      assertThat(store().head(lockObject().key())).isPresent();
      taker.ensureHeld();
    }
    assertThat(store().head(lockObject().key())).isEmpty();
  }

  @Test
  void backgroundRenewalKeepsALiveHolderAndEnsureHeldRenewsWhenDue() throws Exception {
    try (LeaseLock held = LeaseLock.acquire(store(), lockObject(), "t", quick().build())) {
      String firstTag = store().head(lockObject().key()).flatMap(ObjectInfo::eTag).orElseThrow();
      Thread.sleep(3000); // past the 2 s lease: renewed every ~670 ms meanwhile
      assertThatThrownBy(() -> LeaseLock.acquire(store(), lockObject(), "t", quick().build()))
          .isInstanceOf(ConcurrentWriterException.class);
      held.ensureHeld();
      assertThat(store().head(lockObject().key()).flatMap(ObjectInfo::eTag).orElseThrow()).isNotEqualTo(firstTag);
    }
    try (LeaseLock manual = LeaseLock.acquire(store(), lockObject(), "t", quick().renewInBackground(false).build())) {
      java.time.Instant before = manual.holder().expiresAt();
      Thread.sleep(800); // more than a third of the lease
      manual.ensureHeld();
      assertThat(manual.holder().expiresAt()).isAfter(before);
    }
  }

  @Test
  void anUnreadableLockBodyIsGarbageThatIsTakenOver() {
    store().put(lockObject().key(), "not json".getBytes(StandardCharsets.UTF_8), Map.of());
    try (LeaseLock l = LeaseLock.acquire(store(), lockObject(), "t", quick().build())) {
      assertThat(l.isHeld()).isTrue();
    }
  }

  @Test
  void threadsTakingTurnsNeverOverlap() throws Exception {
    int threads = 6;
    int rounds = 5;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          for (int i = 0; i < rounds; i++) {
            try (LeaseLock l = LeaseLock.acquire(store(), lockObject(), "t",
                quick().waitTimeout(Duration.ofSeconds(120)).build())) {
              maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
              Thread.sleep(5);
              inside.decrementAndGet();
              done.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(done.get()).isEqualTo(threads * rounds);
    assertThat(maxInside.get()).isEqualTo(1);
  }
}

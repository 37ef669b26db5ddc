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

import static io.lakesmith.compaction.Tier2Fixture.CLOCK;
import static io.lakesmith.compaction.Tier2Fixture.labels;
import static io.lakesmith.compaction.Tier2Fixture.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.compaction.ExpireObjectVersionsResult.Reason;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The object-version compaction invariants, run on every store (local file system and S3). */
abstract class ExpireObjectVersionsContractTest {

  /** The store the layout lives in (caller-owned). */
  abstract ObjectStore store();

  /** A fresh, empty location named {@code name} in {@link #store()}. */
  abstract String location(String name);

  Tier2Layout layout(String location) {
    return Tier2Layout.builder(location).partitionFolders("employee_id")
        .logTimestamp(LogTimestampSource.metadata()).tombstone(TombstoneRule.dmsOperationMetadata()).build();
  }

  Tier2Fixture fixture(String location) {
    return new Tier2Fixture(store(), StorageLocation.parse(location).prefix());
  }

  ExpireObjectVersions expire(Tier2Layout layout) {
    return TableMaintenance.on(store()).expireOldVersions(layout).clock(CLOCK).olderThan(Duration.ofHours(1));
  }

  @Test
  void newestObjectPerKeyIsKeptAndOlderOnesAreDeleted() {
    String loc = location("newest");
    Tier2Fixture f = fixture(loc);
    String old1 = f.put("employee_id=1/w1.csv", 300, "I");
    String mid1 = f.put("employee_id=1/w2.csv", 200, "U");
    String new1 = f.put("employee_id=1/w3.csv", 100, "U");
    String only2 = f.put("employee_id=2/w1.csv", 500, "I");
    String new3 = f.put("employee_id=3/a.csv", 90, "U");
    String old3 = f.put("employee_id=3/b.csv", 400, "I");

    ExpireObjectVersionsResult r = expire(layout(loc)).execute();

    assertThat(r.isComplete()).as(r.errors().toString()).isTrue();
    assertThat(f.keys()).containsExactly(new1, only2, new3);
    assertThat(labels(r)).containsExactlyInAnyOrder(old1, mid1, old3);
    assertThat(r.deletions()).allMatch(d -> d.reason() == Reason.SUPERSEDED);
    assertThat(r.objectsScanned()).isEqualTo(6);
    assertThat(r.keysScanned()).isEqualTo(3);
    assertThat(r.objectsDeleted()).isEqualTo(3);
    assertThat(r.objectsKept()).isEqualTo(3);
    assertThat(r.bytesReclaimed()).isEqualTo(r.deletions().stream().mapToLong(ExpireObjectVersionsResult.Deletion::size).sum())
        .isPositive();
    assertThat(r.removedKeys()).isEmpty();
    assertThat(r.report().counter("objectsDeleted")).isEqualTo(3);
    assertThat(r.report().status()).isEqualTo(io.lakesmith.core.report.RunReport.Status.SUCCEEDED);

    // idempotent: a second run finds nothing to do
    ExpireObjectVersionsResult again = expire(layout(loc)).execute();
    assertThat(again.objectsDeleted()).isZero();
    assertThat(again.deleteRequests()).isZero();
    assertThat(f.keys()).containsExactly(new1, only2, new3);
  }

  @Test
  void graceWindowOnLogTimeProtectsRecentObjects() {
    String loc = location("grace");
    Tier2Fixture f = fixture(loc);
    String young1 = f.put("employee_id=1/c.csv", 10, "U");
    String settled1 = f.put("employee_id=1/b.csv", 120, "U");
    String old1 = f.put("employee_id=1/a.csv", 240, "I");
    String young2a = f.put("employee_id=2/a.csv", 5, "I");
    String young2b = f.put("employee_id=2/b.csv", 20, "U");
    // settled tombstone, but a newer (unsettled) change exists: the key stays, only the oldest goes
    String old3 = f.put("employee_id=3/a.csv", 200, "I");
    String tomb3 = f.put("employee_id=3/b.csv", 90, "D");
    String young3 = f.put("employee_id=3/c.csv", 30, "I");

    ExpireObjectVersionsResult r = expire(layout(loc)).execute();

    assertThat(r.cutoff()).isEqualTo(minutesAgo(60));
    assertThat(labels(r)).containsExactlyInAnyOrder(old1, old3);
    assertThat(f.keys()).containsExactlyInAnyOrder(young1, settled1, young2a, young2b, tomb3, young3);
    assertThat(r.removedKeys()).isEmpty();

    // a grace window wider than everything touches nothing
    ExpireObjectVersionsResult wide = TableMaintenance.on(store()).expireOldVersions(layout(loc)).clock(CLOCK)
        .olderThan(Duration.ofDays(1)).execute();
    assertThat(wide.objectsDeleted()).isZero();
  }

  @Test
  void dryRunPlansExactlyWhatTheRealRunDeletes() {
    String loc = location("dry");
    Tier2Fixture f = fixture(loc);
    for (int k = 0; k < 25; k++) {
      for (int w = 0; w < 4; w++) {
        String op = k % 5 == 0 && w == 3 ? "D" : w == 0 ? "I" : "U";
        f.put(String.format("employee_id=%03d/w%d.csv", k, w), 400 - w * 100 + (k % 3) * 7L, op);
      }
    }
    TreeSet<String> before = f.keys();

    ExpireObjectVersionsResult plan = expire(layout(loc)).dryRun().execute();
    assertThat(plan.isDryRun()).isTrue();
    assertThat(f.keys()).as("a dry run deletes nothing").isEqualTo(before);
    assertThat(f.keys()).noneMatch(k -> k.contains("_lakesmith")); // and takes no lock
    assertThat(plan.deleteRequests()).isZero();

    ExpireObjectVersionsResult real = expire(layout(loc)).execute();
    assertThat(real.isComplete()).as(real.errors().toString()).isTrue();
    assertThat(real.deletions()).containsExactlyElementsOf(plan.deletions()).doesNotHaveDuplicates();
    assertThat(real.objectsKept() + real.objectsDeleted()).isEqualTo(real.objectsScanned());
    assertThat(real.removedKeys()).containsExactlyElementsOf(plan.removedKeys());
    assertThat(real.objectsDeleted()).isEqualTo(plan.objectsDeleted());
    assertThat(real.bytesReclaimed()).isEqualTo(plan.bytesReclaimed());
    TreeSet<String> expectedLeft = new TreeSet<>(before);
    labels(plan).forEach(expectedLeft::remove);
    assertThat(f.keys()).isEqualTo(expectedLeft);
    // 5 keys removed (4 objects each) and 20 keys keep 1 of 4
    assertThat(real.removedKeys()).hasSize(5);
    assertThat(real.objectsDeleted()).isEqualTo(5 * 4 + 20 * 3);
  }

  @Test
  void tiesAreBrokenBySequenceThenObjectKeyTheSameWayEveryRun() {
    Instant t = minutesAgo(120);
    for (String name : List.of("ties-a", "ties-b")) {
      String loc = location(name);
      Tier2Fixture f = fixture(loc);
      // the second copy is written in the opposite order: storage order must not matter
      List<Runnable> writes = List.of(
          () -> f.put("employee_id=1/a.csv", LogPosition.of(t), "U"),
          () -> f.put("employee_id=1/b.csv", LogPosition.of(t), "U"),
          () -> f.put("employee_id=2/a.csv", LogPosition.of(t, "10"), "U"),
          () -> f.put("employee_id=2/b.csv", LogPosition.of(t, "9"), "U"),
          () -> f.put("employee_id=3/x.csv", LogPosition.of(t, "00000000000000000000000000000000123"), "U"),
          () -> f.put("employee_id=3/y.csv", LogPosition.of(t), "U"));
      if (name.endsWith("a")) {
        writes.forEach(Runnable::run);
      } else {
        for (int i = writes.size() - 1; i >= 0; i--) {
          writes.get(i).run();
        }
      }
      ExpireObjectVersionsResult r = expire(layout(loc)).execute();
      assertThat(r.isComplete()).isTrue();
      String p = StorageLocation.parse(loc).prefix();
      // same timestamp, no sequence: the greater object key wins; numeric sequences compare as numbers;
      // a position with a sequence beats one without at the same timestamp
      assertThat(f.keys()).containsExactly(p + "employee_id=1/b.csv", p + "employee_id=2/a.csv",
          p + "employee_id=3/x.csv");
      // only key 1 was a real tie (same timestamp, neither has a sequence): it is reported, not silently decided
      assertThat(r.ties()).singleElement().satisfies(tie -> {
        assertThat(tie.recordKey()).isEqualTo("employee_id=1");
        assertThat(tie.position()).isEqualTo(LogPosition.of(t));
        assertThat(tie.kept()).isEqualTo(p + "employee_id=1/b.csv");
        assertThat(tie.others()).containsExactly(p + "employee_id=1/a.csv");
      });
      assertThat(r.report().counter("positionTies")).isEqualTo(1);
      assertThat(r.report().details()).containsKey("tie:employee_id=1");
    }
  }

  @Test
  void aTieInvolvingATombstoneIsBrokenTheSameWayAndReportedByDryAndRealRuns() {
    Instant t = minutesAgo(120);
    String loc = location("tie-tomb");
    Tier2Fixture f = fixture(loc);
    String p = StorageLocation.parse(loc).prefix();
    // an update and a delete of key 1 at one timestamp: the greater object key (the delete) wins, the key goes
    f.put("employee_id=1/a-update.csv", LogPosition.of(t), "U");
    f.put("employee_id=1/b-delete.csv", LogPosition.of(t), "D");
    // the other way round for key 2: the update wins and the delete is deleted
    f.put("employee_id=2/a-delete.csv", LogPosition.of(t), "D");
    f.put("employee_id=2/b-update.csv", LogPosition.of(t), "U");
    f.put("employee_id=2/0-older.csv", LogPosition.of(t.minusSeconds(1)), "I");

    ExpireObjectVersionsResult plan = expire(layout(loc)).dryRun().execute();
    ExpireObjectVersionsResult r = expire(layout(loc)).execute();

    assertThat(r.isComplete()).as(r.errors().toString()).isTrue();
    assertThat(plan.ties()).isEqualTo(r.ties());
    assertThat(r.ties()).extracting(ExpireObjectVersionsResult.PositionTie::recordKey)
        .containsExactly("employee_id=1", "employee_id=2");
    assertThat(r.ties().get(0).kept()).isEqualTo(p + "employee_id=1/b-delete.csv");
    assertThat(r.ties().get(1).kept()).isEqualTo(p + "employee_id=2/b-update.csv");
    assertThat(r.ties().get(1).others()).containsExactly(p + "employee_id=2/a-delete.csv");
    assertThat(f.keys()).containsExactly(p + "employee_id=2/b-update.csv");
  }

  @Test
  void tombstonedKeyIsRemovedEntirelyTombstoneLastAndReported() {
    String loc = location("tomb");
    Tier2Fixture f = fixture(loc);
    String a1 = f.put("employee_id=1/a.csv", 300, "I");
    String b1 = f.put("employee_id=1/b.csv", 200, "U");
    String d1 = f.put("employee_id=1/c.csv", 150, "D");
    String d2 = f.put("employee_id=2/a.csv", 130, "D");
    String keep3 = f.put("employee_id=3/a.csv", 100, "I");
    String a4 = f.put("employee_id=4/a.csv", 500, "I");
    String d4 = f.put("employee_id=4/b.csv", 70, "D"); // settled, but within the tombstone retention (cutoff - 1 h)

    ExpireObjectVersionsResult r = expire(layout(loc)).tombstoneRetention(Duration.ofMinutes(60)).execute();

    assertThat(r.isComplete()).as(r.errors().toString()).isTrue();
    assertThat(f.keys()).containsExactlyInAnyOrder(keep3, d4);
    assertThat(r.removedKeys()).extracting(ExpireObjectVersionsResult.RemovedKey::recordKey)
        .containsExactly("employee_id=1", "employee_id=2");
    assertThat(r.removedKeys().get(0).partitionValues()).containsExactly(Map.entry("employee_id", "1"));
    assertThat(r.removedKeys().get(0).keyPrefix()).isEqualTo(StorageLocation.parse(loc).prefix() + "employee_id=1/");
    assertThat(r.removedKeys().get(0).tombstonePosition()).isEqualTo(LogPosition.of(minutesAgo(150)));
    List<String> order = labels(r);
    assertThat(order).containsExactlyInAnyOrder(a1, b1, d1, d2, a4);
    // the tombstone goes in a later request than the objects it hides
    assertThat(order.indexOf(d1)).isGreaterThan(order.indexOf(a1)).isGreaterThan(order.indexOf(b1));
    assertThat(r.deletions()).filteredOn(d -> d.key().equals(a4)).allMatch(d -> d.reason() == Reason.SUPERSEDED);
    assertThat(r.deletions()).filteredOn(d -> d.key().contains("employee_id=1/")).allMatch(d -> d.reason() == Reason.TOMBSTONED);
    if (!r.isDryRun()) {
      assertThat(r.deleteRequests()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void logTimestampDecidesEvenWhenLastModifiedSaysOtherwise() throws Exception {
    String loc = location("late");
    Tier2Fixture f = fixture(loc);
    // the newer change is stored first; a late, retried delivery of an older change is stored after it
    String newer = f.put("employee_id=7/part-0001.csv", 100, "U");
    Thread.sleep(1100); // S3 LastModified has one-second resolution
    String olderButWrittenLater = f.put("employee_id=7/part-0002.csv", 200, "U");
    assertThat(store().head(olderButWrittenLater).orElseThrow().lastModified())
        .isAfter(store().head(newer).orElseThrow().lastModified());

    ExpireObjectVersionsResult r = expire(layout(loc)).execute();

    assertThat(labels(r)).containsExactly(olderButWrittenLater);
    assertThat(f.keys()).containsExactly(newer);
  }

  @Test
  void keyWithAnUnreadablePositionIsLeftUntouched() {
    String loc = location("unreadable");
    Tier2Fixture f = fixture(loc);
    String a = f.put("employee_id=1/a.csv", 300, "I");
    String b = f.put("employee_id=1/b.csv", 200, "U");
    String noMeta = f.putRaw("employee_id=1/c.csv", "x".getBytes(StandardCharsets.UTF_8), Map.of());
    String badMeta = f.putRaw("employee_id=2/a.csv", "x".getBytes(StandardCharsets.UTF_8),
        Map.of(Tier2Metadata.TIMESTAMP, "yesterday-ish"));
    String ok2 = f.put("employee_id=2/b.csv", 200, "U");
    String old3 = f.put("employee_id=3/a.csv", 300, "I");
    String new3 = f.put("employee_id=3/b.csv", 200, "U");

    ExpireObjectVersionsResult r = expire(layout(loc)).execute();

    assertThat(f.keys()).containsExactlyInAnyOrder(a, b, noMeta, badMeta, ok2, new3);
    assertThat(labels(r)).containsExactly(old3);
    assertThat(r.skippedKeys()).extracting(ExpireObjectVersionsResult.SkippedKey::recordKey)
        .containsExactly("employee_id=1", "employee_id=2");
    assertThat(r.skippedKeys().get(0).reason()).contains(noMeta).contains("dms-ts");
    assertThat(r.skippedKeys().get(1).reason()).contains("yesterday-ish");
  }

  @Test
  void emptyPrefixAndUnmatchedObjectsAreHandled() {
    String loc = location("empty");
    ExpireObjectVersionsResult r = expire(layout(loc)).execute();
    assertThat(r.isComplete()).isTrue();
    assertThat(r.objectsScanned()).isZero();
    assertThat(r.keysScanned()).isZero();

    Tier2Fixture f = fixture(loc);
    String stray = f.put("README.txt", 500, "I");
    String stray2 = f.put("other_col=1/x.csv", 500, "I");
    String marker = f.putRaw("employee_id=1_$folder$", new byte[0], Map.of());
    ExpireObjectVersionsResult r2 = expire(layout(loc)).execute();
    assertThat(r2.objectsIgnored()).isEqualTo(3);
    assertThat(f.keys()).containsExactlyInAnyOrder(stray, stray2, marker);
  }

  @Test
  void heldLockBlocksARunAndAnExpiredOneIsTakenOver() {
    String loc = location("locked");
    Tier2Layout layout = layout(loc);
    Tier2Fixture f = fixture(loc);
    String old = f.put("employee_id=1/a.csv", 300, "I");
    String cur = f.put("employee_id=1/b.csv", 200, "U");
    String held = "{\"owner\":\"other-host/42\",\"token\":\"t\",\"acquiredAt\":\"" + minutesAgo(5)
        + "\",\"expiresAt\":\"" + Tier2Fixture.NOW.plus(Duration.ofMinutes(10)) + "\"}";
    assertThat(io.lakesmith.core.storage.ObjectStores.conditional(store()).putIfAbsent(layout.lockKey(), held.getBytes(StandardCharsets.UTF_8), Map.of())).isTrue();

    assertThatThrownBy(() -> expire(layout).execute())
        .isInstanceOfSatisfying(MaintenanceBlockedException.class, e -> {
          assertThat(e.reason()).isEqualTo(MaintenanceBlockedException.Reason.LOCKED);
          assertThat(e.holder()).contains("other-host/42");
        })
        .hasMessageContaining("other-host/42");
    assertThat(f.keys()).contains(old, cur);
    // dry runs take no lock
    assertThat(expire(layout).dryRun().execute().deletions()).hasSize(1);

    // 11 minutes later the holder is presumed dead: its lock is taken over, then released
    java.time.Clock later = java.time.Clock.offset(CLOCK, Duration.ofMinutes(11));
    ExpireObjectVersionsResult r = TableMaintenance.on(store()).expireOldVersions(layout).clock(later)
        .cutoff(minutesAgo(60)).execute();
    assertThat(labels(r)).containsExactly(old);
    assertThat(f.keys()).containsExactly(cur);
  }

  @Test
  void killSwitchBlocksDeletes() {
    String loc = location("kill");
    Tier2Layout layout = layout(loc);
    Tier2Fixture f = fixture(loc);
    f.put("employee_id=1/a.csv", 300, "I");
    f.put("employee_id=1/b.csv", 200, "U");
    store().put(layout.killSwitchKey(), new byte[0], Map.of());
    TreeSet<String> before = f.keys();
    assertThatThrownBy(() -> expire(layout).execute())
        .isInstanceOfSatisfying(MaintenanceBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo(MaintenanceBlockedException.Reason.KILL_SWITCH));
    assertThat(f.keys()).isEqualTo(before);

    store().delete(List.of(layout.killSwitchKey()));
    System.setProperty(ExpireObjectVersions.KILL_SWITCH_PROPERTY, "true");
    try {
      assertThatThrownBy(() -> expire(layout).execute()).isInstanceOf(MaintenanceBlockedException.class)
          .hasMessageContaining(ExpireObjectVersions.KILL_SWITCH_PROPERTY);
    } finally {
      System.clearProperty(ExpireObjectVersions.KILL_SWITCH_PROPERTY);
    }
    assertThat(expire(layout).execute().objectsDeleted()).isEqualTo(1);
  }
}

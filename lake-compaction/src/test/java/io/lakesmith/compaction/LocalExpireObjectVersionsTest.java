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

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compaction invariants on the local file system. */
class LocalExpireObjectVersionsTest extends ExpireObjectVersionsContractTest {

  private final ObjectStore store = ObjectStores.local();

  @TempDir
  Path dir;

  @Override
  ObjectStore store() {
    return store;
  }

  @Override
  String location(String name) {
    return dir.resolve("tier2").resolve(name).toString();
  }

  /**
   * A tombstoned key whose older objects fill a delete batch exactly: the batch that confirms them queues the
   * tombstone once (and in a later batch), whether the batch was sent while the key was being queued or after.
   */
  @Test
  void tombstoneIsQueuedOnceWhenItsOlderObjectsFillABatch() {
    String loc = location("full-batch");
    Tier2Fixture f = new Tier2Fixture(store, StorageLocation.parse(loc).prefix());
    for (int i = 0; i < 1000; i++) {
      f.put(String.format("employee_id=1/%04d.csv", i), 2000 - i, "U");
    }
    String tomb = f.put("employee_id=1/9999.csv", 100, "D");
    f.put("employee_id=2/a.csv", 300, "I");
    String keep = f.put("employee_id=2/b.csv", 200, "U");

    ExpireObjectVersionsResult r = TableMaintenance.on(store).expireOldVersions(layout(loc))
        .clock(Tier2Fixture.CLOCK).olderThan(Duration.ofHours(1)).execute();

    List<String> labels = Tier2Fixture.labels(r);
    assertThat(labels).doesNotHaveDuplicates().hasSize(1002);
    assertThat(labels.indexOf(tomb)).isGreaterThanOrEqualTo(1000);
    assertThat(r.objectsDeleted()).isEqualTo(1002);
    assertThat(r.objectsKept() + r.objectsDeleted()).isEqualTo(r.objectsScanned());
    assertThat(r.removedKeys()).hasSize(1);
    assertThat(f.keys()).containsExactly(keep);
  }
}

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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.HudiWriteException;
import io.lakesmith.core.hudi.HudiWriteOptions;
import static io.lakesmith.core.internal.hudi.HudiTestTables.contents;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hudi.client.HoodieJavaWriteClient;
import org.apache.hudi.client.common.HoodieJavaEngineContext;
import org.apache.hudi.common.model.HoodieCommitMetadata;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.table.HoodieJavaTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a writer holding the table lease repairs: dead writers' writes in flight, and the wedged timeline. */
class FailedWritesTest {

  @TempDir
  Path tmp;

  private final HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();

  private TableLease lease(TableSpec spec) {
    return TableLease.acquire(spec.basePath(), AwsSettings.defaults(), spec.identifier(), LockOptions.defaults());
  }

  private static List<String> pending(HudiTable t) {
    return t.metaClient().getActiveTimeline().filterInflightsAndRequested().getInstantsAsStream()
        .map(HoodieInstant::toString).toList();
  }

  @Test
  void aWriteLeftInFlightByADeadWriterIsRolledBackByTheNextLeaseHolder() {
    TableSpec spec = HudiTestTables.spec(tmp, TableType.MERGE_ON_READ);
    try (HudiTable t = HudiTables.create(spec, null, options, AwsSettings.defaults())) {
      t.upsert(List.of(row(1, "a", "x", 1), row(2, "b", "x", 1)), Map.of());
      assertThatThrownBy(() -> t.write(false, List.of(row(1, "dead", "x", 9), row(3, "dead", "x", 9)), Map.of(),
          instant -> {
            throw new IllegalStateException("killed before commit " + instant);
          })).hasMessageContaining("killed before commit");
    }
    try (TableLease lease = lease(spec); HudiTable t = HudiTables.open(spec, options, AwsSettings.defaults())) {
      assertThat(pending(t)).hasSize(1);
      t.holding(lease);
      assertThat(pending(t)).isEmpty();
      t.upsert(List.of(row(3, "c", "x", 2)), Map.of());
      assertThat(contents(t.newReader().read())).containsExactly(Map.entry(1L, "a/x/1"), Map.entry(2L, "b/x/1"),
          Map.entry(3L, "c/x/2"));
    }
  }

  /**
   * The state two unlocked writers left in issue 11: writer B, starting while A's commit c2 was in flight, planned
   * to roll c2 back (Hudi's eager failed-write cleaning); c2 then completed, and so did c3. B's rollback stays
   * pending, and with the pre-lock configuration every later write fails with "Found commits after time ...,
   * please rollback greater commits first".
   */
  private static String wedge(HudiTable t) {
    t.upsert(List.of(row(1, "a", "x", 1), row(2, "b", "x", 1)), Map.of());
    String c2 = t.upsert(List.of(row(3, "c", "x", 1)), Map.of()).instantTime();
    t.upsert(List.of(row(1, "a2", "x", 2)), Map.of());
    HoodieWriteConfig config = HudiConfigs.writeConfig(t.spec(), t.basePath(), t.schema(), t.options());
    HoodieJavaEngineContext context = new HoodieJavaEngineContext(t.storageConf());
    try (HoodieJavaWriteClient<IndexedRecord> client = new HoodieJavaWriteClient<>(context, config)) {
      HoodieTableMetaClient mc = t.metaClient();
      HoodieInstant target = mc.getActiveTimeline().getCommitsTimeline().filterCompletedInstants()
          .getInstantsAsStream().filter(i -> i.requestedTime().equals(c2)).findFirst().orElseThrow();
      String rollbackTime = client.createNewInstantTime(false);
      HoodieJavaTable.create(config, context).scheduleRollback(context, rollbackTime, target, false, false, false);
      mc.getActiveTimeline().transitionRollbackRequestedToInflight(mc.createNewInstant(HoodieInstant.State.REQUESTED,
          HoodieTimeline.ROLLBACK_ACTION, rollbackTime));
    }
    return c2;
  }

  @Test
  void aRollbackPlannedForACommitThatThenCompletedIsAbandonedAndTheTableWritableAgain() {
    TableSpec spec = HudiTestTables.spec(tmp, TableType.COPY_ON_WRITE);
    try (HudiTable t = HudiTables.create(spec, null, options, AwsSettings.defaults())) {
      wedge(t);
    }
    // the pre-lock configuration (one writer assumed, failed writes rolled back eagerly) is stuck
    HudiWriteOptions preLock = options.toBuilder().extraOptions(Map.of("hoodie.write.concurrency.mode", "SINGLE_WRITER",
        "hoodie.clean.failed.writes.policy", "EAGER", "hoodie.write.lock.provider",
        "org.apache.hudi.client.transaction.lock.InProcessLockProvider")).build();
    try (HudiTable stuck = HudiTables.open(spec, preLock, AwsSettings.defaults())) {
      assertThatThrownBy(() -> stuck.upsert(List.of(row(4, "d", "x", 1)), Map.of()))
          .hasStackTraceContaining("please rollback greater commits first");
    }
    try (TableLease lease = lease(spec); HudiTable t = HudiTables.open(spec, options, AwsSettings.defaults())) {
      t.holding(lease);
      assertThat(pending(t)).isEmpty();
      t.upsert(List.of(row(4, "d", "x", 1)), Map.of());
      assertThat(contents(t.newReader().read())).containsExactly(Map.entry(1L, "a2/x/2"), Map.entry(2L, "b/x/1"),
          Map.entry(3L, "c/x/1"), Map.entry(4L, "d/x/1"));
    }
  }

  @Test
  void aRollbackThatAlreadyDeletedFilesOfACompletedCommitIsRefused() throws Exception {
    TableSpec spec = HudiTestTables.spec(tmp, TableType.COPY_ON_WRITE);
    try (HudiTable t = HudiTables.create(spec, null, options, AwsSettings.defaults())) {
      String c2 = wedge(t);
      HoodieTimeline timeline = t.metaClient().getActiveTimeline();
      HoodieInstant commit = timeline.getCommitsTimeline().filterCompletedInstants().getInstantsAsStream()
          .filter(i -> i.requestedTime().equals(c2)).findFirst().orElseThrow();
      HoodieCommitMetadata md = timeline.readCommitMetadata(commit);
      String file = md.getWriteStats().get(0).getPath();
      Files.delete(Path.of(StorageLocation.parse(spec.basePath()).localPath().toString(), file));
    }
    try (TableLease lease = lease(spec); HudiTable t = HudiTables.open(spec, options, AwsSettings.defaults())) {
      assertThatThrownBy(() -> t.holding(lease)).isInstanceOf(HudiWriteException.class)
          .hasMessageContaining("already deleted 1 of its files").hasMessageContaining("restore the table");
    }
  }
}

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

import io.lakesmith.core.hudi.CommitLock;
import io.lakesmith.core.hudi.HudiWriteOptions;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.lock.LeaseLock;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.hudi.common.config.LockConfiguration;
import org.apache.hudi.hadoop.fs.HadoopFSUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Hudi's LockProvider on the object store, and every write client taking it. */
@ExtendWith(AwsEmulatorExtension.class)
class ObjectStoreLockProviderTest {

  @TempDir
  Path tmp;

  private static ObjectStoreLockProvider provider(String basePath, AwsSettings aws) {
    Properties p = new Properties();
    p.setProperty("hoodie.base.path", StorageLocation.parse(basePath).toHadoopUri());
    p.setProperty(ObjectStoreLockProvider.LEASE_MS, "5000");
    return new ObjectStoreLockProvider(new LockConfiguration(p),
        HadoopFSUtils.getStorageConf(HadoopConfigurations.forSettings(aws)));
  }

  private static void excludes(String base, AwsSettings aws) {
    try (ObjectStoreLockProvider a = provider(base, aws); ObjectStoreLockProvider b = provider(base, aws)) {
      assertThat(a.tryLock(0, TimeUnit.MILLISECONDS)).isTrue();
      assertThat(a.getLock().isHeld()).isTrue();
      assertThat(b.tryLock(300, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(b.getCurrentOwnerLockInfo()).contains("pid " + ProcessHandle.current().pid());
      a.unlock();
      assertThat(b.tryLock(0, TimeUnit.MILLISECONDS)).isTrue();
      b.unlock();
      assertThat(b.getCurrentOwnerLockInfo()).isEqualTo("(no holder)");
    }
  }

  @Test
  void providersOfOneLocalTableExcludeEachOther() {
    excludes(tmp.resolve("t").toString(), AwsSettings.defaults());
  }

  @Test
  void providersOfOneS3TableExcludeEachOtherReachingS3AsTheTableDoes() {
    excludes("s3://" + AwsEmulator.get().uniqueBucket("commit-lock") + "/lake/t", AwsEmulator.get().settings());
  }

  @Test
  void tablesInTwoBucketsReachedWithOneSettingsLockInTheirOwnBucket() {
    AwsSettings aws = AwsEmulator.get().settings();
    String first = AwsEmulator.get().uniqueBucket("lock-a");
    String second = AwsEmulator.get().uniqueBucket("lock-b");
    excludes("s3://" + first + "/lake/t", aws);
    // the same path in another bucket: its lock object lives in that bucket, not in the first one seen
    try (ObjectStoreLockProvider p = provider("s3://" + second + "/lake/t", aws)) {
      assertThat(p.tryLock(0, TimeUnit.MILLISECONDS)).isTrue();
      assertThat(p.getCurrentOwnerLockInfo()).contains("pid " + ProcessHandle.current().pid());
      assertThat(io.lakesmith.core.storage.ObjectStores.open(StorageLocation.parse("s3://" + second + "/"), aws)
          .head("lake/t/" + ObjectStoreLockProvider.LOCK_OBJECT)).isPresent();
      p.unlock();
    }
  }

  @Test
  void everyWriteTakesTheCommitLock() {
    TableSpec spec = HudiTestTables.spec(tmp, TableType.COPY_ON_WRITE);
    // no retries: a commit blocked on the lock fails at once instead of after Hudi's 50 retries
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq")
        .extraOptions(Map.of("hoodie.write.lock.wait_time_ms", "300", "hoodie.write.lock.client.num_retries", "0"))
        .build();
    try (HudiTable table = HudiTables.create(spec, null, options, AwsSettings.defaults())) {
      table.upsert(List.of(row(1, "a", "x", 1)), Map.of());
      StorageLocation commitLock = StorageLocation.parse(spec.basePath()).resolve(ObjectStoreLockProvider.LOCK_OBJECT);
      try (ObjectStore store = ObjectStores.local();
           LeaseLock held = LeaseLock.acquire(store, commitLock, "test", LockOptions.defaults())) {
        assertThatThrownBy(() -> table.upsert(List.of(row(2, "b", "x", 1)), Map.of()))
            .hasStackTraceContaining("Unable to acquire the lock")
            .hasStackTraceContaining("pid " + ProcessHandle.current().pid());
      }
      table.upsert(List.of(row(2, "b", "x", 1)), Map.of());
      assertThat(HudiTestTables.contents(table.newReader().read())).containsOnlyKeys(1L, 2L);
    }
  }

  @Test
  void theDynamoDbLockIsATypedOptionThatNamesTheMissingHudiAwsClass() {
    CommitLock dynamo = CommitLock.dynamoDb("hudi-locks", "eu-west-1").withPartitionKey("shop.customers");
    assertThat(dynamo.dynamoDbTable()).contains("hudi-locks");
    assertThat(dynamo.dynamoDbRegion()).contains("eu-west-1");
    assertThat(dynamo.dynamoDbPartitionKey()).contains("shop.customers");
    assertThat(HudiConfigs.commitLockProperties(CommitLock.objectStore())).containsEntry("hoodie.write.lock.provider",
        ObjectStoreLockProvider.class.getName());
    TableSpec spec = HudiTestTables.spec(tmp, TableType.COPY_ON_WRITE);
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").commitLock(dynamo).build();
    try (HudiTable table = HudiTables.create(spec, null, options, AwsSettings.defaults())) {
      assertThatThrownBy(() -> table.upsert(List.of(row(1, "a", "x", 1)), Map.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the DynamoDB commit lock needs org.apache.hudi.aws.transaction.lock.DynamoDBBasedLockProvider "
              + "from org.apache.hudi:hudi-aws (not on Maven Central for Hudi 1.x) on the class path");
    }
  }
}

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
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.lock.ConcurrentWriterException;
import io.lakesmith.core.lock.LeaseLock;
import io.lakesmith.core.lock.LockHolder;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.common.config.LockConfiguration;
import org.apache.hudi.common.config.TypedProperties;
import org.apache.hudi.common.lock.LockProvider;
import org.apache.hudi.exception.HoodieLockException;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * Hudi's {@link LockProvider} on Lakesmith's object store: the lock is a {@link LeaseLock} at
 * {@code <table base>/.lakesmith/commit.lock}, taken with conditional writes (S3 {@code If-None-Match} /
 * {@code If-Match}; locally an atomic create under an OS file lock), so optimistic concurrency control needs no
 * lock service on S3 or on a local file system. The lease (default 30 s, {@link CommitLock#objectStore(Duration)})
 * is renewed while held, so a process killed while holding it blocks others' commits for at most the lease.
 *
 * <p>Hudi builds a provider per lock acquisition from the write configuration ({@code hoodie.base.path}, the lease,
 * and the {@code fs.s3a.*} settings of the Hadoop configuration, which say how to reach S3); select it with
 * {@link CommitLock#objectStore()} (the default of {@link HudiWriteOptions}). S3 clients are shared per settings
 * within the JVM.
 */
public final class ObjectStoreLockProvider implements LockProvider<LeaseLock> {

  private static final String BASE_PATH = "hoodie.base.path";
  public static final String LEASE_MS = "hoodie.write.lock.lakesmith.lease.ms";
  static final String MAX_CLOCK_SKEW_MS = "hoodie.write.lock.lakesmith.max.clock.skew.ms";
  /** The lock object's path below the table's base path. */
  public static final String LOCK_OBJECT = ".lakesmith/commit.lock";

  private static final ObjectStore LOCAL = ObjectStores.local();
  // one store (one S3 client) per settings and bucket: a store is bound to its bucket
  private static final Map<List<Object>, ObjectStore> S3_STORES = new ConcurrentHashMap<>();

  private final ObjectStore store;
  private final StorageLocation location;
  private final String table;
  private final LockOptions options;
  private volatile LeaseLock lock;

  /** The constructor Hudi's lock manager calls. */
  public ObjectStoreLockProvider(LockConfiguration config, StorageConfiguration<?> storageConf) {
    TypedProperties props = config.getConfig();
    String basePath = props.getString(BASE_PATH, null);
    if (basePath == null) {
      throw new HoodieLockException("no " + BASE_PATH + " in the lock configuration");
    }
    StorageLocation base = StorageLocation.parse(basePath);
    this.location = base.resolve(LOCK_OBJECT);
    this.table = "Hudi commits of " + base.toUri();
    if (base.isS3()) {
      AwsSettings aws = HadoopConfigurations.settingsOf(storageConf.unwrapAs(Configuration.class));
      this.store = S3_STORES.computeIfAbsent(List.of(aws, base.bucket()), k -> ObjectStores.open(base, aws));
    } else {
      this.store = LOCAL;
    }
    long lease = props.getLong(LEASE_MS, CommitLock.DEFAULT_LEASE.toMillis());
    long skew = props.getLong(MAX_CLOCK_SKEW_MS, 200L);
    this.options = LockOptions.builder().lease(Duration.ofMillis(lease)).maxClockSkew(Duration.ofMillis(skew))
        .retryInterval(Duration.ofMillis(100)).build();
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) {
    if (lock != null && lock.isHeld()) {
      throw new HoodieLockException("commit lock " + location + " is already held by this provider");
    }
    try {
      lock = LeaseLock.acquire(store, location, table,
          options.toBuilder().waitTimeout(Duration.ofNanos(unit.toNanos(Math.max(0, time)))).build());
      return true;
    } catch (ConcurrentWriterException e) {
      return false;
    } catch (RuntimeException e) {
      throw new HoodieLockException("cannot take commit lock " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void unlock() {
    LeaseLock l = lock;
    lock = null;
    if (l != null) {
      l.close();
    }
  }

  @Override
  public LeaseLock getLock() {
    return lock;
  }

  @Override
  public String getCurrentOwnerLockInfo() {
    try {
      return LeaseLock.inspect(store, location).map(LockHolder::toString).orElse("(no holder)");
    } catch (RuntimeException e) {
      return "(unknown: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    unlock();
  }
}

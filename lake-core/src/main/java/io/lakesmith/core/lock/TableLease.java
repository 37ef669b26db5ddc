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
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;

/**
 * The writer lease of one table: one {@link LeaseLock} at {@code <table base>/.lakesmith/writer.lock}. Every
 * Lakesmith write path (DMS apply, Hudi table services that cannot run beside a writer) holds it from before it
 * reads the table's state until after its last commit, so two runs on one table never interleave: the second waits
 * (up to {@link LockOptions#waitTimeout()}) or fails with a {@link ConcurrentWriterException} before touching the
 * table. While held, the lease is renewed in the background; a crashed holder blocks others for at most the lease.
 *
 * <p>Because the holder is the only writer, any write left in flight on the table's timeline when the lease is taken
 * belongs to a dead writer and is rolled back before writing (see {@code HudiTable.holding}).
 */
public final class TableLease implements AutoCloseable {

  /** The lock object's path below the table's base path. */
  public static final String LOCK_OBJECT = ".lakesmith/writer.lock";

  private final LeaseLock lock;
  private final ObjectStore ownedStore;

  private TableLease(LeaseLock lock, ObjectStore ownedStore) {
    this.lock = lock;
    this.ownedStore = ownedStore;
  }

  /** The lock object of the table at {@code basePath} (any location {@link StorageLocation} parses). */
  public static StorageLocation lockObject(String basePath) {
    return StorageLocation.parse(basePath).resolve(LOCK_OBJECT);
  }

  /**
   * Takes the writer lease of the table at {@code basePath} through {@code store} (the caller keeps owning it).
   *
   * @param table the table's name for messages (e.g. {@code hr.employees})
   * @throws ConcurrentWriterException when another writer held it for the whole wait
   */
  public static TableLease acquire(ObjectStore store, String basePath, String table, LockOptions options) {
    Preconditions.checkNotNull(store, "store");
    return new TableLease(LeaseLock.acquire(store, lockObject(basePath), "table " + table, options), null);
  }

  /** Same, opening (and on close closing) the store of {@code basePath} with {@code aws}. */
  public static TableLease acquire(String basePath, AwsSettings aws, String table, LockOptions options) {
    ObjectStore store = ObjectStores.open(StorageLocation.parse(basePath), aws);
    try {
      return new TableLease(LeaseLock.acquire(store, lockObject(basePath), "table " + table, options), store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Makes sure the lease is still held with time left (renewing it if due): call right before each commit.
   *
   * @throws LeaseLostException when it was taken over or ran out
   */
  public void ensureHeld() {
    lock.ensureHeld();
  }

  public boolean isHeld() {
    return lock.isHeld();
  }

  public LockHolder holder() {
    return lock.holder();
  }

  public StorageLocation lockObject() {
    return lock.location();
  }

  /** Releases the lease (a conditional delete of the lock object). */
  @Override
  public void close() {
    try {
      lock.close();
    } finally {
      if (ownedStore != null) {
        ownedStore.close();
      }
    }
  }

  @Override
  public String toString() {
    return "TableLease{" + lock + "}";
  }
}

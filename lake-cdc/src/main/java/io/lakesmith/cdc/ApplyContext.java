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

package io.lakesmith.cdc;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings of one {@link DmsApply} run shared by its table appliers, and the object stores it opened: the
 * source root's, and one per other bucket (or the local file system) that holds a target table. Closing it closes
 * the stores it opened, not the source store.
 */
final class ApplyContext implements AutoCloseable {
  private final ObjectStore store;
  private final StorageLocation root;
  private final Map<String, ObjectStore> tableStores = new ConcurrentHashMap<>();
  private final AwsSettings aws;
  private final DmsFormat format;
  private final ApplyMode mode;
  private final int maxRowsPerCommit;
  private final ChangeSequencer sequencer;
  private final ApplyListener listener;
  private final HudiWriteOptions writeOptions;
  private final String tenantColumn;
  private final String tenantValue;
  private final LockOptions lockOptions;
  private final Duration deleteRetention;
  private final Clock clock;

  ApplyContext(StorageLocation root, ObjectStore store, AwsSettings aws, DmsFormat format, ApplyMode mode, int maxRowsPerCommit,
      ChangeSequencer sequencer, ApplyListener listener, HudiWriteOptions writeOptions, String tenantColumn,
      String tenantValue, LockOptions lockOptions, Duration deleteRetention, Clock clock) {
    this.root = root;
    this.store = store;
    this.aws = aws;
    this.format = format;
    this.mode = mode;
    this.maxRowsPerCommit = maxRowsPerCommit;
    this.sequencer = sequencer;
    this.listener = listener;
    this.writeOptions = writeOptions;
    this.tenantColumn = tenantColumn;
    this.tenantValue = tenantValue;
    this.lockOptions = lockOptions;
    this.deleteRetention = deleteRetention;
    this.clock = clock;
  }

  LockOptions lockOptions() { return lockOptions; }

  /** The store holding the DMS source files. */
  ObjectStore store() { return store; }

  /**
   * The store holding {@code location} (a table's quarantine, checkpoint sidecars and delete ledger): the source
   * store when both are on the local file system or in the same bucket, else a store opened once per bucket.
   */
  ObjectStore storeFor(StorageLocation location) {
    if (location.sameStore(root)) {
      return store;
    }
    return tableStores.computeIfAbsent(location.isS3() ? location.bucket() : "", b -> ObjectStores.open(location, aws));
  }

  AwsSettings aws() { return aws; }

  DmsFormat format() { return format; }

  ApplyMode mode() { return mode; }

  int maxRowsPerCommit() { return maxRowsPerCommit; }

  ChangeSequencer sequencer() { return sequencer; }

  ApplyListener listener() { return listener; }

  HudiWriteOptions writeOptions() { return writeOptions; }

  Optional<String> tenantColumn() { return Optional.ofNullable(tenantColumn); }

  Optional<String> tenantValue() { return Optional.ofNullable(tenantValue); }

  /** How long the delete ledger remembers a delete (see {@link DeleteLedger}). */
  Duration deleteRetention() { return deleteRetention; }

  Clock clock() { return clock; }

  @Override
  public void close() {
    tableStores.values().forEach(ObjectStore::close);
    tableStores.clear();
  }
}

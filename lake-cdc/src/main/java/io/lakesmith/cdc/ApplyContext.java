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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The settings of one {@link DmsApply} run shared by its table appliers. */
final class ApplyContext {
  private final ObjectStore store;
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

  ApplyContext(ObjectStore store, AwsSettings aws, DmsFormat format, ApplyMode mode, int maxRowsPerCommit,
      ChangeSequencer sequencer, ApplyListener listener, HudiWriteOptions writeOptions, String tenantColumn,
      String tenantValue, LockOptions lockOptions, Duration deleteRetention, Clock clock) {
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

  ObjectStore store() { return store; }

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
}

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

import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class S3LeaseLockTest extends LeaseLockContractTest {

  private String bucket;
  private ObjectStore store;

  @BeforeEach
  void newBucket() {
    bucket = AwsEmulator.get().uniqueBucket("lease");
    store = ObjectStores.open(root(), AwsEmulator.get().settings());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  ObjectStore store() {
    return store;
  }

  @Override
  StorageLocation root() {
    return StorageLocation.parse("s3://" + bucket + "/root");
  }
}

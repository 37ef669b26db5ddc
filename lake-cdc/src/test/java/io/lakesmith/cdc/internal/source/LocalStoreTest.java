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

package io.lakesmith.cdc.internal.source;

import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests that read DMS files from a local store rooted in a fresh temp folder ({@code dir/dms}). */
public abstract class LocalStoreTest {
  @TempDir
  protected Path dir;
  protected ObjectStore store;
  protected StorageLocation root;

  @BeforeEach
  void openStore() {
    store = ObjectStores.local();
    root = StorageLocation.local(dir.resolve("dms"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}

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

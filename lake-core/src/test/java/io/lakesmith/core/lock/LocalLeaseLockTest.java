package io.lakesmith.core.lock;

import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalLeaseLockTest extends LeaseLockContractTest {

  @TempDir
  Path tmp;

  private final ObjectStore store = ObjectStores.local();

  @Override
  ObjectStore store() {
    return store;
  }

  @Override
  StorageLocation root() {
    return StorageLocation.local(tmp);
  }
}

package io.lakesmith.compaction;

import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The compaction invariants on the local file system. */
class LocalExpireObjectVersionsTest extends ExpireObjectVersionsContractTest {

  private final ObjectStore store = ObjectStores.local();

  @TempDir
  Path dir;

  @Override
  ObjectStore store() {
    return store;
  }

  @Override
  String location(String name) {
    return dir.resolve("tier2").resolve(name).toString();
  }
}

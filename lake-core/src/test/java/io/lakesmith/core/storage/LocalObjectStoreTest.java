package io.lakesmith.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalObjectStoreTest extends ObjectStoreContractTest {

  private final ObjectStore store = ObjectStores.local();

  @Override
  ObjectStore store() {
    return store;
  }

  @Override
  StorageLocation root() {
    return StorageLocation.local(tmp.resolve("root"));
  }

  @Override
  int expectedDeleteRequests(int n) {
    return n;
  }

  @Test
  void metadataSidecarsAndTempFilesAreNotListed() throws Exception {
    store.put(root().resolve("a").key(), new byte[] {1}, Map.of("k", "v"));
    assertThat(Files.list(tmp.resolve("root")).map(p -> p.getFileName().toString())).contains(".a.lakemeta");
    assertThat(store.list(root().prefix()).map(ObjectInfo::name)).containsExactly("a");
    store.delete(java.util.List.of(root().resolve("a").key()));
    assertThat(Files.list(tmp.resolve("root"))).isEmpty();
  }
}

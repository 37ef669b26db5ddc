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

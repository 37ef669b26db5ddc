package io.lakesmith.core.storage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Child process of {@link LocalObjectStoreTest}: increments the number stored in an object {@code rounds} times,
 * each a read followed by a conditional replace of the tag it read, retried until it wins.
 */
public final class CasCounter {

  private CasCounter() {}

  public static void main(String[] args) throws Exception {
    String key = StorageLocation.parse(args[0]).key();
    int rounds = Integer.parseInt(args[1]);
    ConditionalObjectStore store = ObjectStores.conditional(ObjectStores.local());
    for (int i = 0; i < rounds; i++) {
      while (true) {
        ObjectInfo info = store.head(key).orElseThrow();
        int n;
        try (InputStream in = store.open(key)) {
          n = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (StorageException | NumberFormatException replacedWhileReading) {
          continue;
        }
        if (store.putIfMatch(key, Integer.toString(n + 1).getBytes(StandardCharsets.UTF_8), Map.of(),
            info.eTag().orElseThrow())) {
          break;
        }
      }
    }
  }
}

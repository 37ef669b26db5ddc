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

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

  /**
   * Separate JVMs increment one object with read + conditional replace: without a cross-process compare-and-swap
   * two of them replace the same version and an increment is lost.
   */
  @Test
  void conditionalReplaceIsAtomicAcrossProcesses() throws Exception {
    StorageLocation counter = root().resolve("counter");
    store.put(counter.key(), "0".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    int processes = 4;
    int rounds = 150;
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    java.util.List<Process> ps = new java.util.ArrayList<>();
    for (int p = 0; p < processes; p++) {
      ps.add(new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classPath, CasCounter.class.getName(), counter.toUri(),
          Integer.toString(rounds)).redirectErrorStream(true).redirectOutput(tmp.resolve("cas" + p + ".log").toFile())
          .start());
    }
    for (int p = 0; p < processes; p++) {
      assertThat(ps.get(p).waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(ps.get(p).exitValue()).as(Files.readString(tmp.resolve("cas" + p + ".log"))).isZero();
    }
    try (java.io.InputStream in = store.open(counter.key())) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Integer.toString(processes * rounds));
    }
  }
}

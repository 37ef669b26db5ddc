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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ObjectStore} contract, run against every implementation. */
abstract class ObjectStoreContractTest {

  @TempDir
  Path tmp;

  /** A store and a root location in it, empty, for one test. */
  abstract ObjectStore store();

  abstract StorageLocation root();

  private String key(String rel) {
    return root().resolve(rel).key();
  }

  @Test
  void listStartAfterSkipsWhatSortsBefore() {
    ObjectStore s = store();
    List<String> rels = List.of("t/2024/12/31/a.csv", "t/2025/01/01/a.csv", "t/2025/01/01/b.csv",
        "t/2025/01/02/a.csv", "t/2025/01/10/a.csv", "t/LOAD00000001.csv", "u/2025/01/05/a.csv");
    rels.forEach(r -> s.put(key(r), new byte[] {1}, Map.of()));
    try (Stream<ObjectInfo> listed = s.list(key("t/"), key("t/2025/01/01"))) {
      assertThat(listed.map(ObjectInfo::key).collect(Collectors.toList())).containsExactly(key("t/2025/01/01/a.csv"),
          key("t/2025/01/01/b.csv"), key("t/2025/01/02/a.csv"), key("t/2025/01/10/a.csv"), key("t/LOAD00000001.csv"));
    }
    try (Stream<ObjectInfo> listed = s.list(key("t/"), key("t/2025/01/01/a.csv"))) {
      assertThat(listed.map(ObjectInfo::key).collect(Collectors.toList())).startsWith(key("t/2025/01/01/b.csv"))
          .hasSize(4);
    }
    try (Stream<ObjectInfo> listed = s.list(key("t/"), null)) {
      assertThat(listed.count()).isEqualTo(6);
    }
    try (Stream<ObjectInfo> listed = s.list(key("t/"), key("t/zzz"))) {
      assertThat(listed.count()).isZero();
    }
  }

  @Test
  void putHeadOpenRoundTripKeepsContentAndMetadata() throws Exception {
    ObjectStore s = store();
    s.put(key("t/a.csv"), "hello".getBytes(StandardCharsets.UTF_8), Map.of("dms-ts", "2025-01-01 10:00:00.123456"));
    Path f = tmp.resolve("b.bin");
    Files.write(f, new byte[] {1, 2, 3});
    s.put(key("t/b.bin"), f, Map.of());

    ObjectInfo a = s.head(key("t/a.csv")).orElseThrow();
    assertThat(a.size()).isEqualTo(5);
    assertThat(a.hasMetadata()).isTrue();
    assertThat(a.metadata()).containsEntry("dms-ts", "2025-01-01 10:00:00.123456");
    assertThat(a.lastModified()).isNotNull();
    try (InputStream in = s.open(key("t/a.csv"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    assertThat(s.head(key("t/b.bin")).orElseThrow().metadata()).isEmpty();
    assertThat(s.head(key("t/missing"))).isEmpty();
    assertThatThrownBy(() -> s.open(key("t/missing")).close())
        .isInstanceOf(StorageException.class).hasMessageContaining("t/missing");

    // replacing an object replaces its metadata too
    s.put(key("t/a.csv"), "bye".getBytes(StandardCharsets.UTF_8), Map.of("other", "x"));
    assertThat(s.head(key("t/a.csv")).orElseThrow().metadata()).containsOnlyKeys("other");
  }

  @Test
  void listsMoreThanOnePageInKeyOrderAndOnlyUnderThePrefix() {
    ObjectStore s = store();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1205; i++) {
      String k = key(String.format("many/p=%d/obj-%05d", i % 3, i));
      s.put(k, new byte[] {(byte) i}, Map.of());
      expected.add(k);
    }
    s.put(key("many-not/x"), new byte[0], Map.of());
    s.put(key("other/y"), new byte[0], Map.of());

    List<String> listed;
    try (Stream<ObjectInfo> objects = s.list(root().resolve("many").prefix())) {
      listed = objects.map(ObjectInfo::key).collect(Collectors.toList());
    }
    assertThat(listed).containsExactlyElementsOf(expected.stream().sorted().toList());
    // a prefix ending inside a name
    try (Stream<ObjectInfo> objects = s.list(key("many/p=1/obj-0000"))) {
      assertThat(objects.map(ObjectInfo::key)).containsExactly(key("many/p=1/obj-00001"), key("many/p=1/obj-00004"),
          key("many/p=1/obj-00007"));
    }
    try (Stream<ObjectInfo> objects = s.list(key("nothing-here/"))) {
      assertThat(objects).isEmpty();
    }
  }

  @Test
  void deletesMoreThanOneBatchAndReportsEveryKey() {
    ObjectStore s = store();
    List<String> keys = IntStream.range(0, 2345).mapToObj(i -> key(String.format("del/k%05d", i))).toList();
    keys.forEach(k -> s.put(k, new byte[] {1}, Map.of()));
    s.put(key("del-keep/k"), new byte[] {1}, Map.of());

    List<String> toDelete = new ArrayList<>(keys);
    toDelete.add(key("del/never-existed")); // deleting a missing key is not an error (S3 semantics)
    DeleteResult r = s.delete(toDelete);

    assertThat(r.isComplete()).isTrue();
    assertThat(r.deleted()).containsExactlyInAnyOrderElementsOf(toDelete);
    assertThat(r.requests()).isEqualTo(expectedDeleteRequests(toDelete.size()));
    try (Stream<ObjectInfo> left = s.list(root().prefix())) {
      assertThat(left.map(ObjectInfo::key)).containsExactly(key("del-keep/k"));
    }
  }

  @Test
  void conditionalWritesAndDeletesHonourTheirConditions() throws Exception {
    ConditionalObjectStore s = ObjectStores.conditional(store());
    String k = key("lock/owner.json");
    assertThat(s.putIfAbsent(k, "a".getBytes(StandardCharsets.UTF_8), Map.of("owner", "a"))).isTrue();
    assertThat(s.putIfAbsent(k, "b".getBytes(StandardCharsets.UTF_8), Map.of("owner", "b"))).isFalse();
    ObjectInfo first = s.head(k).orElseThrow();
    assertThat(first.metadata()).containsEntry("owner", "a");
    String tagA = first.eTag().orElseThrow();

    assertThat(s.putIfMatch(k, "c".getBytes(StandardCharsets.UTF_8), Map.of(), "not-the-tag")).isFalse();
    assertThat(s.putIfMatch(k, "cc".getBytes(StandardCharsets.UTF_8), Map.of(), tagA)).isTrue();
    String tagC = s.head(k).orElseThrow().eTag().orElseThrow();
    assertThat(tagC).isNotEqualTo(tagA);
    // the old tag no longer matches: neither a replace nor a delete with it happens
    assertThat(s.putIfMatch(k, "d".getBytes(StandardCharsets.UTF_8), Map.of(), tagA)).isFalse();
    assertThat(s.deleteIfMatch(k, tagA)).isFalse();
    try (InputStream in = s.open(k)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("cc");
    }
    assertThat(s.deleteIfMatch(k, tagC)).isTrue();
    assertThat(s.head(k)).isEmpty();
    assertThat(s.putIfMatch(k, "e".getBytes(StandardCharsets.UTF_8), Map.of(), tagC)).isFalse();
    assertThat(s.putIfAbsent(k, "f".getBytes(StandardCharsets.UTF_8), Map.of())).isTrue();
    assertThat(ObjectStores.versioned(s).headVersion(k, null).orElseThrow().size()).isEqualTo(1);
  }

  @Test
  void capabilitiesAreTypesNotThrowingDefaults() {
    ObjectStore s = store();
    assertThat(s).isInstanceOf(ConditionalObjectStore.class).isInstanceOf(VersionedObjectStore.class);
    assertThat(ObjectStores.conditional(s)).isSameAs(s);
    assertThat(java.util.Arrays.stream(ObjectStore.class.getMethods()).filter(java.lang.reflect.Method::isDefault))
        .as("no default method on ObjectStore that only some stores support").isEmpty();
    ObjectStore plain = (ObjectStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectStores.conditional(plain))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("has no conditional writes");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectStores.versioned(plain))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not read object versions");
  }

  /** Requests a batch delete of n keys takes. */
  abstract int expectedDeleteRequests(int n);
}

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

package io.lakesmith.compaction;

import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes Tier-2 objects for tests: log times are minutes before {@link #NOW}. */
final class Tier2Fixture {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final ObjectStore store;
  private final String prefix;

  Tier2Fixture(ObjectStore store, String prefix) {
    this.store = store;
    this.prefix = prefix;
  }

  static Instant minutesAgo(long minutes) {
    return NOW.minus(Duration.ofMinutes(minutes));
  }

  String key(String rel) {
    return prefix + rel;
  }

  /** An object whose newest change happened {@code minutesAgo} minutes before NOW. */
  String put(String rel, long minutesAgo, String op) {
    return put(rel, LogPosition.of(minutesAgo(minutesAgo)), op);
  }

  String put(String rel, LogPosition position, String op) {
    Tier2Writer.of(store).put(key(rel), ("row of " + rel + " at " + position).getBytes(StandardCharsets.UTF_8),
        position, op);
    return key(rel);
  }

  String putRaw(String rel, byte[] content, Map<String, String> metadata) {
    store.put(key(rel), content, metadata);
    return key(rel);
  }

  /** Every key under the prefix (control objects included), sorted. */
  TreeSet<String> keys() {
    try (Stream<ObjectInfo> s = store.list(prefix)) {
      return s.map(ObjectInfo::key).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  static List<String> labels(ExpireObjectVersionsResult r) {
    return r.deletions().stream().map(ExpireObjectVersionsResult.Deletion::label).toList();
  }
}

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

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the record key of a Tier-2 object is derived from its key relative to the layout prefix. Immutable.
 *
 * <p>Either way the record key is determined by a <em>prefix</em> of the relative key (the key group's prefix):
 * all objects of one key then sit next to each other in S3's key-ordered listing, which is what lets compaction
 * decide key by key in one pass with memory bounded by the objects of one key.
 *
 * <ul>
 *   <li>{@link #partitionFolders(String...)}: hive-style folders {@code name=value/} (e.g.
 *       {@code employee_id=321/}), at any depth below the prefix, in the given order; the group prefix ends after
 *       the last of them, and everything below it belongs to the key;
 *   <li>{@link #pattern(Pattern)}: a regular expression matched at the start of the relative key
 *       ({@link Matcher#lookingAt()}); the group prefix is the matched text, the record key its named group
 *       {@code key} (the whole match without it). Make it end at a delimiter (e.g. {@code (?<key>[^/_]+)_}):
 *       a pattern whose group prefixes nest (one a prefix of another) cannot be compacted in one pass and is
 *       rejected when the nesting shows up in the listing.
 * </ul>
 * Objects the extractor does not match are left alone and counted as unmatched.
 */
public final class RecordKeyExtractor {

  private final ImmutableList<String> folders;
  private final Pattern pattern;

  private RecordKeyExtractor(List<String> folders, Pattern pattern) {
    this.folders = ImmutableList.copyOf(folders);
    this.pattern = pattern;
  }

  /** Hive-style partition folders, e.g. {@code partitionFolders("employee_id")}. */
  public static RecordKeyExtractor partitionFolders(String... names) {
    Preconditions.checkArgument(names.length > 0, "at least one partition folder name");
    for (String n : names) {
      Preconditions.checkArgument(n != null && !n.isBlank() && !n.contains("/") && !n.contains("="),
          "bad partition folder name '%s'", n);
    }
    return new RecordKeyExtractor(List.of(names), null);
  }

  /** A pattern matched at the start of the relative key; named group {@code key} is the record key. */
  public static RecordKeyExtractor pattern(Pattern pattern) {
    return new RecordKeyExtractor(List.of(), Preconditions.checkNotNull(pattern, "pattern"));
  }

  /** The group of an object, from its key relative to the layout prefix; empty when it does not match. */
  Optional<KeyGroup> groupOf(String relativeKey) {
    if (pattern != null) {
      Matcher m = pattern.matcher(relativeKey);
      if (!m.lookingAt() || m.end() == 0) {
        return Optional.empty();
      }
      String key = pattern.pattern().contains("(?<key>") ? m.group("key") : m.group();
      if (key == null || key.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new KeyGroup(relativeKey.substring(0, m.end()), key, Map.of()));
    }
    Map<String, String> values = new LinkedHashMap<>();
    int pos = 0;
    int next = 0;
    int end = -1;
    // segments before the file name
    while (next < folders.size()) {
      int slash = relativeKey.indexOf('/', pos);
      if (slash < 0) {
        return Optional.empty();
      }
      String segment = relativeKey.substring(pos, slash);
      String want = folders.get(next) + "=";
      if (segment.startsWith(want)) {
        values.put(folders.get(next), segment.substring(want.length()));
        next++;
        end = slash + 1;
      }
      pos = slash + 1;
    }
    String groupPrefix = relativeKey.substring(0, end);
    StringBuilder key = new StringBuilder();
    values.forEach((k, v) -> key.append(key.length() == 0 ? "" : "/").append(k).append('=').append(v));
    return Optional.of(new KeyGroup(groupPrefix, key.toString(), values));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordKeyExtractor && folders.equals(((RecordKeyExtractor) o).folders)
        && Objects.equals(pattern == null ? null : pattern.pattern(),
            ((RecordKeyExtractor) o).pattern == null ? null : ((RecordKeyExtractor) o).pattern.pattern());
  }

  @Override
  public int hashCode() {
    return Objects.hash(folders, pattern == null ? null : pattern.pattern());
  }

  @Override
  public String toString() {
    return pattern != null ? "pattern(" + pattern + ")" : "partitionFolders" + folders;
  }

  /** The key group of an object: its group prefix (relative to the layout prefix), record key and partition values. */
  static final class KeyGroup {
    final String prefix;
    final String recordKey;
    final Map<String, String> partitionValues;

    KeyGroup(String prefix, String recordKey, Map<String, String> partitionValues) {
      this.prefix = prefix;
      this.recordKey = recordKey;
      this.partitionValues = com.google.common.collect.ImmutableMap.copyOf(partitionValues);
    }
  }
}

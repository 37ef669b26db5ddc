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

package io.lakesmith.core.hudi;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One completed commit on a Hudi table's timeline: its instant, action, operation, record counts and the extra
 * metadata written atomically with it. Immutable.
 *
 * <p>{@link #extraMetadata()} holds exactly the key/values the writer passed to the commit (e.g. a source
 * checkpoint). Hudi adds its own entries to every commit (the writer schema under {@code schema} and, with
 * schema-on-read, {@code latest_schema},
 * {@code hudi.version}, {@code engine} and {@code config.*} write settings); they are not part of this map, and
 * writers cannot use those keys (see {@link #isReservedKey(String)}).
 */
public final class HudiCommit {

  private static final Set<String> RESERVED_KEYS = Set.of("schema", "latest_schema", "hudi.version", "engine");
  private static final String RESERVED_PREFIX = "config.";

  private final String instantTime;
  private final String completionTime;
  private final String action;
  private final String operation;
  private final long recordsWritten;
  private final long insertsWritten;
  private final long updatesWritten;
  private final long deletesWritten;
  private final ImmutableMap<String, String> extraMetadata;

  /** For the adapter that reads commits; users receive commits, they do not make them. */
  public HudiCommit(String instantTime, String completionTime, String action, String operation, long recordsWritten,
      long insertsWritten, long updatesWritten, long deletesWritten, Map<String, String> extraMetadata) {
    this.instantTime = Preconditions.checkNotNull(instantTime, "instantTime");
    this.completionTime = completionTime;
    this.action = Preconditions.checkNotNull(action, "action");
    this.operation = operation;
    this.recordsWritten = recordsWritten;
    this.insertsWritten = insertsWritten;
    this.updatesWritten = updatesWritten;
    this.deletesWritten = deletesWritten;
    this.extraMetadata = ImmutableMap.copyOf(extraMetadata);
  }

  /** Whether Hudi itself writes this extra-metadata key into every commit. */
  public static boolean isReservedKey(String key) {
    return RESERVED_KEYS.contains(key) || key.startsWith(RESERVED_PREFIX);
  }

  /** The instant (requested) time, {@code yyyyMMddHHmmssSSS}: the commit's identity and timeline order. */
  public String instantTime() {
    return instantTime;
  }

  /** When the commit completed, when the timeline records it (Hudi 1.x timelines do). */
  public Optional<String> completionTime() {
    return Optional.ofNullable(completionTime);
  }

  /** Timeline action: {@code commit}, {@code deltacommit} or {@code replacecommit}. */
  public String action() {
    return action;
  }

  /** Write operation ({@code UPSERT}, {@code INSERT}, {@code BULK_INSERT}, {@code COMPACT}, ...), if recorded. */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  public long recordsWritten() {
    return recordsWritten;
  }

  public long insertsWritten() {
    return insertsWritten;
  }

  public long updatesWritten() {
    return updatesWritten;
  }

  public long deletesWritten() {
    return deletesWritten;
  }

  /** The writer's key/values stored with this commit. */
  public Map<String, String> extraMetadata() {
    return extraMetadata;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HudiCommit)) {
      return false;
    }
    HudiCommit c = (HudiCommit) o;
    return instantTime.equals(c.instantTime) && Objects.equals(completionTime, c.completionTime)
        && action.equals(c.action) && Objects.equals(operation, c.operation) && recordsWritten == c.recordsWritten
        && insertsWritten == c.insertsWritten && updatesWritten == c.updatesWritten
        && deletesWritten == c.deletesWritten && extraMetadata.equals(c.extraMetadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instantTime, action, extraMetadata);
  }

  @Override
  public String toString() {
    return action + "@" + instantTime + (operation == null ? "" : " " + operation) + " written=" + recordsWritten
        + " (ins=" + insertsWritten + ", upd=" + updatesWritten + ", del=" + deletesWritten + ")"
        + (extraMetadata.isEmpty() ? "" : " " + extraMetadata);
  }
}

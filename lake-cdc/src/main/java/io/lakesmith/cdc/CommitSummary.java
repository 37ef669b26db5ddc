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

package io.lakesmith.cdc;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One Hudi commit made by an apply: its instant and what went into it. Counts are source rows; rows that
 * were superseded by a later change of the same key in the same batch count as read, not as written.
 */
public final class CommitSummary {
  private final String instant;
  private final long inserts;
  private final long updates;
  private final long deletes;
  private final long quarantined;
  private final long recordsWritten;
  private final ImmutableList<String> files;

  CommitSummary(String instant, long inserts, long updates, long deletes, long quarantined, long recordsWritten,
      List<String> files) {
    this.instant = instant;
    this.inserts = inserts;
    this.updates = updates;
    this.deletes = deletes;
    this.quarantined = quarantined;
    this.recordsWritten = recordsWritten;
    this.files = ImmutableList.copyOf(files);
  }

  public String instant() { return instant; }

  /** Inserts: DMS {@code I} rows plus full-load rows. */
  public long inserts() { return inserts; }

  public long updates() { return updates; }

  public long deletes() { return deletes; }

  public long quarantined() { return quarantined; }

  /** Records sent to Hudi after keeping the last change per key. */
  public long recordsWritten() { return recordsWritten; }

  /** Source files (keys) this commit read rows from. */
  public List<String> files() { return files; }

  @Override
  public String toString() {
    return instant + ": I=" + inserts + " U=" + updates + " D=" + deletes + " quarantined=" + quarantined
        + " written=" + recordsWritten + " files=" + files.size();
  }
}

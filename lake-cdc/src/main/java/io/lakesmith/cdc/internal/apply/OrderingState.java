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

package io.lakesmith.cdc.internal.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the apply must remember about the order of the changes it applied, beyond which files it read: the newest
 * change sequence applied, and the point of the last DMS table reload. Stored in the extra metadata of every apply
 * commit under {@value #METADATA_KEY}, next to the {@link SourceCheckpoint} and atomically with the data.
 * Immutable.
 *
 * <p><b>Reloads.</b> A reload replaces the table's contents as of the point where it is seen in the change
 * stream: after every change applied before it. Its point {@code P} is the newest change sequence applied (or
 * stored) when the reload starts. Reload rows get the sequence {@code P + ".R." + <file ordinal>.<line>}, which
 * sorts after {@code P} and before every later change (a change sequence greater than {@code P} differs from it
 * within {@code P}'s length). The <em>floor</em> {@code P + ".R"} sorts below every reload row: the rows of the
 * table when the reload starts are deleted with it, and any change arriving later with a sequence below the floor
 * (older than the reload) is dropped, so rows absent from the reload stay deleted and changes after it apply on
 * top. A reload is <em>in progress</em> while no change newer than its point has been applied: full-load files
 * that appear meanwhile belong to it.
 */
public final class OrderingState {

  public static final String METADATA_KEY = "lakesmith.ordering";
  public static final OrderingState EMPTY = new OrderingState(null, null);
  private static final String RELOAD_MARK = ".R";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String maxChangeSeq;
  private final String reloadPoint;

  public OrderingState(String maxChangeSeq, String reloadPoint) {
    this.maxChangeSeq = maxChangeSeq;
    this.reloadPoint = reloadPoint;
  }

  /** The newest sequence of a change (CDC row, not full load) applied so far; null before any. */
  public String maxChangeSeq() {
    return maxChangeSeq;
  }

  /** The point of the last reload, or null. */
  public String reloadPoint() {
    return reloadPoint;
  }

  /** Changes (and full-load rows) with a sequence below this were replaced by a reload; null without reload. */
  public String floor() {
    return reloadPoint == null ? null : reloadPoint + RELOAD_MARK;
  }

  public boolean reloadInProgress() {
    return reloadPoint != null && (maxChangeSeq == null || maxChangeSeq.compareTo(reloadPoint) <= 0);
  }

  /** The sequence of a reload row, from the sequence the sequencer gives it as a full-load row. */
  public String reloadSeq(String loadSeq) {
    // a full-load sequence is "0." + 35 zeros + "." + <ordinal>.<line>: keep <ordinal>.<line>
    return reloadPoint + RELOAD_MARK + loadSeq.substring(1 + 1 + 35);
  }

  public OrderingState withChange(String seq) {
    if (seq == null || maxChangeSeq != null && maxChangeSeq.compareTo(seq) >= 0) {
      return this;
    }
    return new OrderingState(seq, reloadPoint);
  }

  public OrderingState withReload(String point) {
    return new OrderingState(maxChangeSeq, point);
  }

  public String toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("v", 1);
    if (maxChangeSeq != null) {
      doc.put("maxChangeSeq", maxChangeSeq);
    }
    if (reloadPoint != null) {
      doc.put("reloadPoint", reloadPoint);
    }
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state in a commit's extra metadata; {@link #EMPTY} when the commit has none (written before it existed). */
  public static OrderingState from(Map<String, String> extraMetadata) {
    String json = extraMetadata.get(METADATA_KEY);
    if (json == null) {
      return EMPTY;
    }
    try {
      Map<String, Object> doc = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      if (!Integer.valueOf(1).equals(doc.get("v"))) {
        throw new IllegalStateException("unknown Lakesmith ordering state version " + doc.get("v"));
      }
      return new OrderingState((String) doc.get("maxChangeSeq"), (String) doc.get("reloadPoint"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable Lakesmith ordering state in commit metadata: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderingState && Objects.equals(maxChangeSeq, ((OrderingState) o).maxChangeSeq)
        && Objects.equals(reloadPoint, ((OrderingState) o).reloadPoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxChangeSeq, reloadPoint);
  }

  @Override
  public String toString() {
    return "OrderingState{maxChangeSeq=" + maxChangeSeq + ", reloadPoint=" + reloadPoint + "}";
  }
}

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

package io.lakesmith.cdc.internal.source;

import com.google.common.base.Preconditions;
import java.util.Objects;

/** An object under the DMS root that is not a DMS data file, with the reason it was skipped. Immutable. */
public final class UnrecognizedObject {
  private final String key;
  private final long size;
  private final String reason;

  UnrecognizedObject(String key, long size, String reason) {
    this.key = Preconditions.checkNotNull(key, "key");
    this.size = size;
    this.reason = Preconditions.checkNotNull(reason, "reason");
  }

  public String key() {
    return key;
  }

  public long size() {
    return size;
  }

  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UnrecognizedObject)) {
      return false;
    }
    UnrecognizedObject u = (UnrecognizedObject) o;
    return key.equals(u.key) && size == u.size && reason.equals(u.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, size, reason);
  }

  @Override
  public String toString() {
    return key + ": " + reason;
  }
}

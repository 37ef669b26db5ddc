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

import java.util.ArrayList;
import java.util.List;

/** One-line descriptions of exceptions that name the root cause (the disk full, the permission denied). */
final class Failures {
  private Failures() {}

  /**
   * The exception's message followed by the messages of its causes that add something, e.g. {@code HoodieIOException:
   * Failed to write ...: No space left on device}. Wrappers often repeat or hide the cause; the root cause is what a
   * person can act on, so it is always included.
   */
  static String describe(Throwable e) {
    List<String> parts = new ArrayList<>();
    String joined = "";
    Throwable t = e;
    for (int depth = 0; t != null && depth < 20; depth++) {
      String m = t.getMessage();
      String text = m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
      if (depth == 0 && !(t instanceof ApplyException) && (m == null || !m.contains(t.getClass().getSimpleName()))) {
        text = t.getClass().getSimpleName() + ": " + text;
      }
      if (!joined.contains(text)) {
        parts.add(text);
        joined = String.join(": ", parts);
      }
      if (t.getCause() == t) {
        break;
      }
      t = t.getCause();
    }
    return joined;
  }
}

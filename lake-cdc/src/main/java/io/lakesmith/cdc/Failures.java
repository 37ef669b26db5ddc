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

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

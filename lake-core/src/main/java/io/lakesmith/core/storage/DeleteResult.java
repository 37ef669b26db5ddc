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

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of a batch delete: which keys were deleted and, for each key (or version) that was not, a typed
 * {@link Failure}. A delete of a key that does not exist counts as deleted (S3 semantics). Callers must read
 * {@link #failures()}: a partial failure does not throw.
 */
public final class DeleteResult {

  /** Error code of a failure that came from a whole request failing (after the SDK's retries), not from one key. */
  public static final String REQUEST_FAILED = "RequestFailed";

  /** One key (or version) that was not deleted, with the store's error code and message. Immutable. */
  public static final class Failure {
    private final String key;
    private final String versionId;
    private final String code;
    private final String message;

    public Failure(String key, String versionId, String code, String message) {
      this.key = Objects.requireNonNull(key, "key");
      this.versionId = versionId;
      this.code = Objects.requireNonNull(code, "code");
      this.message = message == null ? "" : message;
    }

    public String key() {
      return key;
    }

    /** The version the delete was for; empty for deletes by key. */
    public Optional<String> versionId() {
      return Optional.ofNullable(versionId);
    }

    /**
     * The store's error code: S3's per-key code ({@code AccessDenied}, {@code SlowDown}, ...), {@link #REQUEST_FAILED}
     * when the whole request failed, or the I/O exception's simple class name on the local file system.
     */
    public String code() {
      return code;
    }

    public String message() {
      return message;
    }

    /** {@code key} or {@code key@versionId}. */
    public String label() {
      return versionId == null ? key : key + "@" + versionId;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Failure)) {
        return false;
      }
      Failure f = (Failure) o;
      return key.equals(f.key) && Objects.equals(versionId, f.versionId) && code.equals(f.code)
          && message.equals(f.message);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, versionId, code);
    }

    /** {@code label: code: message}. */
    @Override
    public String toString() {
      return label() + ": " + code + ": " + message;
    }
  }

  private final ImmutableList<String> deleted;
  private final ImmutableList<Failure> failures;
  private final int requests;

  public DeleteResult(List<String> deleted, List<Failure> failures, int requests) {
    this.deleted = ImmutableList.copyOf(deleted);
    this.failures = ImmutableList.copyOf(failures);
    this.requests = requests;
  }

  public List<String> deleted() {
    return deleted;
  }

  /** The keys (or versions) that were not deleted, in request order. */
  public List<Failure> failures() {
    return failures;
  }

  /** The failure of {@code label} ({@code key} or {@code key@versionId}), also found by the bare key. */
  public Optional<Failure> failure(String label) {
    for (Failure f : failures) {
      if (f.label().equals(label)) {
        return Optional.of(f);
      }
    }
    int at = label.indexOf('@');
    String key = at < 0 ? label : label.substring(0, at);
    return failures.stream().filter(f -> f.key().equals(key) && f.versionId().isEmpty()).findFirst();
  }

  public boolean isComplete() {
    return failures.isEmpty();
  }

  /** Number of delete requests sent to the store (DeleteObjects calls for S3). */
  public int requests() {
    return requests;
  }

  @Override
  public String toString() {
    return "DeleteResult{deleted=" + deleted.size() + ", failed=" + failures + ", requests=" + requests + "}";
  }
}

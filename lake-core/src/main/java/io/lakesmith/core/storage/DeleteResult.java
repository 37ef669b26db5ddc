package io.lakesmith.core.storage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a batch delete: which keys were deleted and, for each key that was not, the store's error.
 * A delete of a key that does not exist counts as deleted (S3 semantics). Callers must read
 * {@link #failed()}: a partial failure does not throw.
 */
public final class DeleteResult {
  private final ImmutableList<String> deleted;
  private final ImmutableMap<String, String> failed;
  private final int requests;

  public DeleteResult(List<String> deleted, Map<String, String> failed, int requests) {
    this.deleted = ImmutableList.copyOf(deleted);
    this.failed = ImmutableMap.copyOf(failed);
    this.requests = requests;
  }

  public List<String> deleted() {
    return deleted;
  }

  /** Key (or {@code key@versionId}) to the error code and message the store returned for it. */
  public Map<String, String> failed() {
    return failed;
  }

  public boolean isComplete() {
    return failed.isEmpty();
  }

  /** Number of delete requests sent to the store (DeleteObjects calls for S3). */
  public int requests() {
    return requests;
  }

  @Override
  public String toString() {
    return "DeleteResult{deleted=" + deleted.size() + ", failed=" + failed + ", requests=" + requests + "}";
  }
}

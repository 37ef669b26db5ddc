package io.lakesmith.cdc;

import io.lakesmith.core.LakesmithException;
import java.util.Optional;

/**
 * An apply of one table stopped. Nothing of the batch in progress was committed; earlier commits of the run
 * stay and the next run continues after them. When a bad source row caused it (STRICT mode), {@link #rowError()}
 * names its file, line and column.
 */
public final class ApplyException extends LakesmithException {
  private final RowError rowError;

  /** A failure caused by a bad source row ({@code rowError} may be null). */
  public ApplyException(String message, RowError rowError) {
    super(message);
    this.rowError = rowError;
  }

  /** A failure with its cause. */
  public ApplyException(String message, Throwable cause) {
    super(message, cause);
    this.rowError = null;
  }

  public Optional<RowError> rowError() {
    return Optional.ofNullable(rowError);
  }
}

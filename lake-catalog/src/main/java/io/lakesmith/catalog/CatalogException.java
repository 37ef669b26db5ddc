package io.lakesmith.catalog;

import io.lakesmith.core.LakesmithException;
/** A catalog operation failed: a Glue error that retries did not cure, or per-entry errors of a batch call. */
public class CatalogException extends LakesmithException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}

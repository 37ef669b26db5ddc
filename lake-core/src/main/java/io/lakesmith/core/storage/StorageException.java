package io.lakesmith.core.storage;

import io.lakesmith.core.LakesmithException;
/** An object store operation failed; the message names the object or prefix. */
public class StorageException extends LakesmithException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}

package io.lakesmith.core.hudi;

import io.lakesmith.core.LakesmithException;
/** A Hudi write, commit or table operation failed; the message names the table and the instant. */
public class HudiWriteException extends LakesmithException {

  private static final long serialVersionUID = 1L;

  public HudiWriteException(String message) {
    super(message);
  }

  public HudiWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.lakesmith.core.hudi;

/** A Hudi write, commit or table operation failed; the message names the table and the instant. */
public class HudiWriteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HudiWriteException(String message) {
    super(message);
  }

  public HudiWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}

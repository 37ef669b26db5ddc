package io.lakesmith.core;

/**
 * Source data that cannot be read as what it claims to be (a malformed file, a row that breaks the table's types or
 * key). The message names the file and, where known, the line, column and cause; nothing of the failing batch was
 * committed when this is thrown by an apply.
 */
public class BadInputException extends LakesmithException {

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

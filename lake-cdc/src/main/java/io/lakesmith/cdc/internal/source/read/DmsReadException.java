package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.core.BadInputException;
/**
 * A whole file cannot be read (further): unreadable or mislabeled compression, broken CSV quoting, a corrupt
 * Parquet file, no way to know the column names, or an I/O error while streaming. The message names the file key
 * and, when known, the line. Failing to open the object at all surfaces as the store's
 * {@link io.lakesmith.core.storage.StorageException}.
 */
public class DmsReadException extends BadInputException {
  private final String fileKey;
  private final long line;

  public DmsReadException(String fileKey, long line, String message, Throwable cause) {
    super(fileKey + (line > 0 ? " line " + line : "") + ": " + message, cause);
    this.fileKey = fileKey;
    this.line = line;
  }

  public DmsReadException(String fileKey, String message, Throwable cause) {
    this(fileKey, 0, message, cause);
  }

  public String fileKey() {
    return fileKey;
  }

  /** The line (CSV) or row (Parquet) where reading failed, or 0 when not known. */
  public long line() {
    return line;
  }
}

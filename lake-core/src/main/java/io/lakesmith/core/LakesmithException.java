package io.lakesmith.core;

/**
 * The root of every exception Lakesmith throws on purpose. Callers branch on its subtypes: {@link BadInputException}
 * (a source file or row that cannot be read as DMS output), {@code SchemaDriftException} (a column change that is not
 * applied automatically), {@code ConcurrentWriterException} (another writer holds the table),
 * {@code StorageException} (S3 or the file system failed), {@code CatalogException} (Glue refused or failed), and the
 * per-action failures ({@code ApplyException}, {@code HudiWriteException}, {@code MaintenanceBlockedException}).
 * SDK and Hudi exceptions are mapped to these at the boundary and kept as the cause. The message is one line that
 * names what failed and why.
 */
public class LakesmithException extends RuntimeException {

  public LakesmithException(String message) {
    super(message);
  }

  public LakesmithException(String message, Throwable cause) {
    super(message, cause);
  }
}

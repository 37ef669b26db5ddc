package io.lakesmith.cdc;

/**
 * Thrown from a listener callback to end a table's apply early at a clean point (before the next file, between rows
 * of a batch not yet written, or right after a commit): what was committed stays, the rest is applied by the next run.
 * The table's report gets a warning, not an error.
 */
final class ApplyStopped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ApplyStopped(String message) {
    super(message, null, false, false);
  }
}

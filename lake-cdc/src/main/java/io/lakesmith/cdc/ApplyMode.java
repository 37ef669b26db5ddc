package io.lakesmith.cdc;

/** What happens to a source row that cannot be applied (wrong column count, bad value, missing key, unknown Op). */
public enum ApplyMode {
  /** The batch fails before anything of it is committed; the error names file, line and column. */
  STRICT,
  /**
   * The row is written to a quarantine file under {@code <table>/.lakesmith/quarantine/} with file, line,
   * column and reason, in the same batch that skips it; the other rows apply.
   */
  QUARANTINE
}

package io.lakesmith.cdc;

import io.lakesmith.core.LakesmithException;
/**
 * A source file changes a column's type in a way that cannot be applied safely (anything but int to long,
 * float to double, or a wider decimal). Nothing of the batch that met it is written.
 */
public final class SchemaDriftException extends LakesmithException {
  private final String table;
  private final String column;
  private final String oldType;
  private final String newType;

  /** A type change of {@code column} of {@code table} from {@code oldType} to {@code newType} seen in {@code file}. */
  public SchemaDriftException(String table, String column, String oldType, String newType, String file) {
    super("table " + table + ": column " + column + " changes type from " + oldType + " to " + newType
        + " in " + file + "; only int->long, float->double and wider decimals are applied automatically");
    this.table = table;
    this.column = column;
    this.oldType = oldType;
    this.newType = newType;
  }

  public String table() { return table; }

  public String column() { return column; }

  public String oldType() { return oldType; }

  public String newType() { return newType; }
}

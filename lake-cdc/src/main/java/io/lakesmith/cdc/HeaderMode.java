package io.lakesmith.cdc;

/** Whether the first row of a CSV file holds the column names (DMS {@code AddColumnName}). */
public enum HeaderMode {
  /** The first row is the header ({@code AddColumnName=true}). */
  PRESENT,
  /** No header ({@code AddColumnName=false}, the DMS default): names come from the expected columns. */
  ABSENT,
  /**
   * The first row is a header when its fields (after an optional leading {@code Op}) are distinct, non-empty and
   * at least half of them are expected column names (case-insensitive), so headers of files written after DDL
   * added or dropped columns are still recognized; otherwise it is data. Without expected columns the first row
   * must be the header.
   */
  DETECT
}

package io.lakesmith.cdc.source.read;

/** Whether the first row of a CSV file holds the column names (DMS {@code AddColumnName}). */
public enum HeaderMode {
  /** The first row is the header ({@code AddColumnName=true}). */
  PRESENT,
  /** No header ({@code AddColumnName=false}, the DMS default): names come from the expected columns. */
  ABSENT,
  /**
   * The first row is a header when its fields equal the expected column names (case-insensitive), with or without
   * a leading {@code Op}; otherwise it is data. Without expected columns the first row must be the header.
   */
  DETECT
}

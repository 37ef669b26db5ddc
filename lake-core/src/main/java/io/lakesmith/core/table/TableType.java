package io.lakesmith.core.table;

/** Hudi table type: copy-on-write rewrites base files on update; merge-on-read appends log files. */
public enum TableType {
  COPY_ON_WRITE,
  MERGE_ON_READ
}

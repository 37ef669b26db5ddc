package io.lakesmith.core.hudi;

/** Which file versions Hudi's cleaner keeps; everything older is deleted by a clean. */
public enum CleanPolicy {
  /** Keep every file version needed to read the table as of each of the last N commits. */
  KEEP_LATEST_COMMITS,
  /** Keep every file version needed to read the table as of any commit in the last N hours. */
  KEEP_LATEST_BY_HOURS,
  /** Keep the latest N versions of every file group. */
  KEEP_LATEST_FILE_VERSIONS
}

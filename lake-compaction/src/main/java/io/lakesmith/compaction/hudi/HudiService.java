package io.lakesmith.compaction.hudi;

/** The Hudi table services {@link HudiMaintenance} runs. */
public enum HudiService {
  /** Merge-on-read compaction: log files merged into new base files (a {@code commit} instant). */
  COMPACT,
  /** Small base files rewritten into fewer, larger ones (a {@code replacecommit} instant). */
  CLUSTER,
  /** File versions no retained commit or savepoint needs are deleted (a {@code clean} instant). */
  CLEAN,
  /** The oldest completed instants move from the active to the archived timeline. */
  ARCHIVE,
  /** A commit is savepointed: its files survive cleaning and it stays restorable. */
  SAVEPOINT,
  /** A savepoint is deleted. */
  DELETE_SAVEPOINT,
  /** The table is rolled back to a savepoint. */
  RESTORE
}

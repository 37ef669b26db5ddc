/*
 * Copyright 2026 the Lakesmith authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.lakesmith.core.hudi;

import io.lakesmith.core.internal.hudi.HudiTable;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How Lakesmith writes a Hudi table: index, merge semantics, file format and sizing. Immutable; build with
 * {@link #builder()}. Hudi configuration keys stay inside this package: callers choose typed options, and
 * {@link Builder#extraOptions(Map)} is the escape hatch for anything not covered (it is applied last and wins).
 *
 * <h2>Merge semantics</h2>
 * With {@link MergeMode#EVENT_TIME_ORDERING} (the default when an {@link #orderingField() ordering field} is set)
 * the record with the highest ordering value wins, whatever the commit it arrives in: a late (older) change never
 * overwrites a newer row. Deletes follow the same rule: a record whose {@code _hoodie_is_deleted} column is
 * {@code true} deletes the row only if its ordering value is at least the stored row's; such a delete may carry
 * only the record key, the partition columns and the ordering field (all other columns null; with
 * {@link IndexType#GLOBAL_SIMPLE} the partition columns may be null too). Hudi keeps no tombstone after a delete
 * is merged into a base file, so a change older than an applied delete can bring the row back (see
 * {@link HudiTable}). On equal ordering
 * values Hudi 1.2.0 lets the later write win (the incoming record across commits; the later record in the list
 * within one batch); Lakesmith's apply engine makes ordering values unique so ties do not arise. The merge mode
 * and ordering field are fixed when the table is created.
 *
 * <p>With {@link MergeMode#COMMIT_TIME_ORDERING} the last write wins; {@code _hoodie_is_deleted = true} deletes
 * unconditionally.
 *
 * <h2>Table version</h2>
 * {@link #tableVersion()} (default {@link TableVersion#V6}, the format Athena, Glue 5.0/5.1 and Hudi 0.14/0.15 read;
 * see {@link TableVersion} for which engine reads which version) only chooses the format of a table Lakesmith
 * <em>creates</em>. An existing table is always written at its own version, read from its
 * {@code hoodie.properties}: Lakesmith never upgrades (or downgrades) a table, so opening a version-9 table with
 * default options keeps it at 9 and a version-6 table stays readable by 0.x engines whatever the options say.
 *
 * <h2>Defaults and why</h2>
 * <ul>
 *   <li>index {@link IndexType#SIMPLE}: exact, no bloom-filter false positives, cheap for DMS-sized batches; use
 *       {@link IndexType#GLOBAL_SIMPLE} when the partition value of a record can change;
 *   <li>{@link #updatePartitionPath()} {@code true}: with a global index a record whose partition value changed
 *       is deleted from its old partition and written to the new one (no duplicates across partitions);
 *   <li>metadata table off: the Java client writes it as a second (merge-on-read) table in every commit.
 *       Measured with 1,000-row upserts into 4 partitions on the 2-core reference machine: copy-on-write
 *       0.5-0.7 s per commit without it vs 1.4-1.8 s with it on local disk, and 2.4 s vs 5.8 s on {@code s3a}
 *       (moto); merge-on-read 0.4-0.6 s vs 1.9-2.3 s locally, 1.7 s vs 6.3 s on {@code s3a}. It also doubles
 *       the S3 requests per commit (137 vs 265). Turn it on only for tables with so many partitions and files
 *       that listing them dominates;
 *   <li>compression {@link Compression#SNAPPY}, the conventional choice for query engines (Hudi's own default is
 *       gzip). Measured on 100,000-row commits the codec barely changes write time (Hudi's per-record work
 *       dominates) while {@link Compression#ZSTD} files were 46% smaller than snappy's and gzip's 33% smaller;
 *       choose ZSTD where storage or scan bytes matter;
 *   <li>file sizes: max 120 MiB, small-file limit 100 MiB (Hudi's defaults) for copy-on-write tables. For
 *       merge-on-read tables the small-file limit is always 0, whatever is set here or in {@link #extraOptions()}:
 *       Hudi 1.2.0's Java client would route inserts into small file groups that have log files and rewrite their
 *       base files without the logged updates (lost updates, reproduced in this package's tests); with 0, inserts
 *       open new file groups and every update goes to a log file. Compaction and clustering size MOR files.
 * </ul>
 *
 * <p>Write parallelism: Hudi's Java client writes the file groups of a commit one after another in the calling
 * thread (its shuffle-parallelism settings only matter to Spark and Flink); Lakesmith writes up to
 * {@link #fileGroupParallelism()} of them at once.
 */
public final class HudiWriteOptions implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Index used to find the file group of an incoming record key. */
  public enum IndexType {
    /** Joins incoming keys with the keys of the affected partitions; exact; keys unique per partition. */
    SIMPLE,
    /** Like SIMPLE across all partitions: keys unique table-wide; needed when partition values change. */
    GLOBAL_SIMPLE,
    /** Bloom filters and key ranges in base-file footers prune the files to check; keys unique per partition. */
    BLOOM,
    /** In-memory map of the whole table, rebuilt per write client; for tests and tiny tables only. */
    INMEMORY
  }

  /** How two versions of one record key are merged; fixed at table creation. */
  public enum MergeMode {
    /** The record with the highest ordering value wins (needs an ordering field). */
    EVENT_TIME_ORDERING,
    /** The last written record wins. */
    COMMIT_TIME_ORDERING
  }

  /** Parquet compression codec. */
  public enum Compression { SNAPPY, ZSTD, GZIP }

  static final long DEFAULT_MAX_FILE_SIZE = 120L * 1024 * 1024;
  /** Default of {@link Builder#smallFileLimitBytes}: files below it receive new inserts (100 MiB). */
  public static final long DEFAULT_SMALL_FILE_LIMIT = 100L * 1024 * 1024;

  private final IndexType indexType;
  private final boolean updatePartitionPath;
  private final boolean metadataTable;
  private final Compression compression;
  private final long maxFileSizeBytes;
  private final long smallFileLimitBytes;
  private final String orderingField;
  private final MergeMode mergeMode;
  private final TableVersion tableVersion;
  private final CommitLock commitLock;
  private final int fileGroupParallelism;
  private final ImmutableMap<String, String> extraOptions;

  private HudiWriteOptions(Builder b) {
    this.indexType = b.indexType;
    this.updatePartitionPath = b.updatePartitionPath;
    this.metadataTable = b.metadataTable;
    this.compression = b.compression;
    this.maxFileSizeBytes = b.maxFileSizeBytes;
    this.smallFileLimitBytes = b.smallFileLimitBytes;
    this.orderingField = b.orderingField;
    this.mergeMode = b.mergeMode != null ? b.mergeMode
        : orderingField != null ? MergeMode.EVENT_TIME_ORDERING : MergeMode.COMMIT_TIME_ORDERING;
    this.tableVersion = b.tableVersion;
    this.commitLock = b.commitLock;
    this.fileGroupParallelism = b.fileGroupParallelism > 0 ? b.fileGroupParallelism
        : Runtime.getRuntime().availableProcessors();
    this.extraOptions = ImmutableMap.copyOf(b.extraOptions);
  }

  /** The defaults described in the class documentation (commit-time ordering until an ordering field is set). */
  public static HudiWriteOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.indexType = indexType;
    b.updatePartitionPath = updatePartitionPath;
    b.metadataTable = metadataTable;
    b.compression = compression;
    b.maxFileSizeBytes = maxFileSizeBytes;
    b.smallFileLimitBytes = smallFileLimitBytes;
    b.orderingField = orderingField;
    b.mergeMode = mergeMode;
    b.tableVersion = tableVersion;
    b.commitLock = commitLock;
    b.fileGroupParallelism = fileGroupParallelism;
    b.extraOptions.putAll(extraOptions);
    return b;
  }

  public IndexType indexType() {
    return indexType;
  }

  /**
   * Whether, with a global index, a record whose partition value changed moves to its new partition (delete in
   * the old, insert in the new). When false the update is written to the old partition with the new value.
   */
  public boolean updatePartitionPath() {
    return updatePartitionPath;
  }

  /** Whether Hudi's metadata table (file listings) is maintained; default off. */
  public boolean metadataTable() {
    return metadataTable;
  }

  public Compression compression() {
    return compression;
  }

  public long maxFileSizeBytes() {
    return maxFileSizeBytes;
  }

  /**
   * Copy-on-write base files below this size receive new inserts (rewritten with them); 0 turns that off. Not
   * applied to merge-on-read tables, which always use 0 (see the class documentation).
   */
  public long smallFileLimitBytes() {
    return smallFileLimitBytes;
  }

  /** The column whose value orders versions of a record under {@link MergeMode#EVENT_TIME_ORDERING}. */
  public Optional<String> orderingField() {
    return Optional.ofNullable(orderingField);
  }

  public MergeMode mergeMode() {
    return mergeMode;
  }

  /**
   * The Hudi table version of a table created with these options (default {@link TableVersion#V6}). Existing
   * tables keep their own version: {@link HudiTable#options()} reports the version the table is written at.
   */
  public TableVersion tableVersion() {
    return tableVersion;
  }

  /**
   * The lock Hudi's optimistic concurrency control takes around timeline changes (default
   * {@link CommitLock#objectStore()}: a lease object on the table's own storage).
   */
  public CommitLock commitLock() {
    return commitLock;
  }

  /**
   * How many file groups one upsert writes at once (default: the available processors). Each file group is still
   * written by one thread and the commit stays one; see {@link Builder#fileGroupParallelism(int)}.
   */
  public int fileGroupParallelism() {
    return fileGroupParallelism;
  }

  /** Raw Hudi write options applied after (and over) everything this class sets. */
  public Map<String, String> extraOptions() {
    return extraOptions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HudiWriteOptions)) {
      return false;
    }
    HudiWriteOptions w = (HudiWriteOptions) o;
    return indexType == w.indexType && updatePartitionPath == w.updatePartitionPath
        && metadataTable == w.metadataTable && compression == w.compression
        && maxFileSizeBytes == w.maxFileSizeBytes && smallFileLimitBytes == w.smallFileLimitBytes
        && Objects.equals(orderingField, w.orderingField) && mergeMode == w.mergeMode
        && tableVersion == w.tableVersion && commitLock.equals(w.commitLock)
        && fileGroupParallelism == w.fileGroupParallelism && extraOptions.equals(w.extraOptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(indexType, updatePartitionPath, metadataTable, compression, maxFileSizeBytes,
        smallFileLimitBytes, orderingField, mergeMode, tableVersion, commitLock, fileGroupParallelism, extraOptions);
  }

  @Override
  public String toString() {
    return "HudiWriteOptions{index=" + indexType + ", updatePartitionPath=" + updatePartitionPath
        + ", metadataTable=" + metadataTable + ", compression=" + compression + ", maxFileSize=" + maxFileSizeBytes
        + ", smallFileLimit=" + smallFileLimitBytes + ", orderingField=" + orderingField + ", mergeMode=" + mergeMode + ", tableVersion=" + tableVersion.code()
        + ", commitLock=" + commitLock + ", fileGroupParallelism=" + fileGroupParallelism + (extraOptions.isEmpty() ? "" : ", extra=" + extraOptions) + "}";
  }

  /** Builder of {@link HudiWriteOptions}. */
  public static final class Builder {
    private IndexType indexType = IndexType.SIMPLE;
    private boolean updatePartitionPath = true;
    private boolean metadataTable = false;
    private Compression compression = Compression.SNAPPY;
    private long maxFileSizeBytes = DEFAULT_MAX_FILE_SIZE;
    private long smallFileLimitBytes = DEFAULT_SMALL_FILE_LIMIT;
    private String orderingField;
    private MergeMode mergeMode;
    private TableVersion tableVersion = TableVersion.V6;
    private CommitLock commitLock = CommitLock.objectStore();
    private int fileGroupParallelism;
    private final Map<String, String> extraOptions = new java.util.LinkedHashMap<>();

    private Builder() {}

    public Builder indexType(IndexType value) {
      this.indexType = Preconditions.checkNotNull(value, "indexType");
      return this;
    }

    public Builder updatePartitionPath(boolean value) {
      this.updatePartitionPath = value;
      return this;
    }

    public Builder metadataTable(boolean value) {
      this.metadataTable = value;
      return this;
    }

    public Builder compression(Compression value) {
      this.compression = Preconditions.checkNotNull(value, "compression");
      return this;
    }

    public Builder maxFileSizeBytes(long value) {
      Preconditions.checkArgument(value > 0, "maxFileSizeBytes must be > 0, got %s", value);
      this.maxFileSizeBytes = value;
      return this;
    }

    public Builder smallFileLimitBytes(long value) {
      Preconditions.checkArgument(value >= 0, "smallFileLimitBytes must be >= 0, got %s", value);
      this.smallFileLimitBytes = value;
      return this;
    }

    /** The ordering column; setting it makes {@link MergeMode#EVENT_TIME_ORDERING} the default merge mode. */
    public Builder orderingField(String value) {
      Preconditions.checkArgument(value == null || !value.isBlank(), "orderingField must not be blank");
      this.orderingField = value;
      return this;
    }

    public Builder mergeMode(MergeMode value) {
      this.mergeMode = value;
      return this;
    }

    /**
     * The Hudi table version of tables created with these options (default {@link TableVersion#V6}); existing
     * tables keep theirs.
     */
    public Builder tableVersion(TableVersion value) {
      this.tableVersion = Preconditions.checkNotNull(value, "tableVersion");
      return this;
    }

    /** The lock around Hudi's timeline changes (default {@link CommitLock#objectStore()}). */
    public Builder commitLock(CommitLock value) {
      this.commitLock = Preconditions.checkNotNull(value, "commitLock");
      return this;
    }

    /**
     * How many file groups (Hudi's buckets: a file group's updates, or a batch of inserts into a new or small
     * file) one upsert writes at once, each in its own thread; default, or {@code 0}: the available processors.
     * Hudi's Java client writes them one after another in the calling thread. Memory grows with it: each running
     * merge buffers its file group's updates. A commit touching a single file group gains nothing.
     *
     * <p>Measured with {@code PeerBenchmark} (200,000 DMS changes into a non-partitioned 200,000-row table, 2 cpus,
     * load average 3.6-4.1): a merge-on-read commit there has two buckets (the log append of the one file group and
     * a new file group of inserts) and their writes are a small part of the apply: 1 vs 2 made no difference
     * (10.7 vs 10.6 CPU s, 7.8 vs 7.7 s wall; 1.4 cores used either way, by reading, sequencing, GC and JIT).
     * Copy-on-write was unchanged too (one bucket). With {@code ApplyBenchmark --partitioned} (copy-on-write, 8
     * partitions, so 8 file groups per commit; 200,000 changes into 200,000 rows; A-B-A-B on a 2-cpu machine shared
     * with other work, load average 3.5-6.7) 1 vs 2 gave 16.3 and 20.4 s wall for 17.6 and 22.4 CPU s against 28.3
     * and 15.1 s wall for 26.5 and 24.4 CPU s: up to 1.6 cores used when cores are free (the best wall time), but
     * more CPU (a second merge buffer, more GC) and no gain when other processes hold the cores. Choose 1 where CPU
     * is billed and other work shares the machine, the default where the apply has the machine to itself.
     */
    public Builder fileGroupParallelism(int value) {
      Preconditions.checkArgument(value >= 0, "fileGroupParallelism must be >= 0, got %s", value);
      this.fileGroupParallelism = value;
      return this;
    }

    /** Adds raw Hudi write options (e.g. {@code hoodie.cleaner.commits.retained}); they override typed options. */
    public Builder extraOptions(Map<String, String> values) {
      Preconditions.checkNotNull(values, "extraOptions");
      values.forEach((k, v) -> {
        Preconditions.checkArgument(k != null && !k.isBlank() && v != null, "bad extra option %s=%s", k, v);
        extraOptions.put(k, v);
      });
      return this;
    }

    public HudiWriteOptions build() {
      Preconditions.checkArgument(smallFileLimitBytes <= maxFileSizeBytes,
          "smallFileLimitBytes (%s) must not exceed maxFileSizeBytes (%s)", smallFileLimitBytes, maxFileSizeBytes);
      Preconditions.checkArgument(mergeMode != MergeMode.EVENT_TIME_ORDERING || orderingField != null,
          "mergeMode EVENT_TIME_ORDERING needs an orderingField");
      return new HudiWriteOptions(this);
    }
  }
}

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

package io.lakesmith.compaction.hudi;

import com.google.common.base.Preconditions;
import io.lakesmith.core.hudi.CleanPolicy;

/**
 * When the planner ({@link HudiMaintenance#plan}) runs which service. Immutable; {@link #defaults()} or
 * {@link #builder()}.
 *
 * <ul>
 *   <li>compaction (merge-on-read): once {@code compactAfterDeltaCommits} delta commits (default 5) were made since
 *       the last compaction; pending compactions are always completed first;
 *   <li>clustering: off by default; when on, once at least {@code minSmallFiles} latest base files are below the
 *       small-file limit;
 *   <li>cleaning: on by default, retain 10 commits, whenever a commit was made since the last clean;
 *   <li>archival: on by default, keep 20..30 commits (at least one more than the cleaner retains), protecting
 *       the newest commit that carries the source checkpoint (see {@link ArchiveTimeline}).
 * </ul>
 */
public final class MaintenancePolicy {

  private final int compactAfterDeltaCommits;
  private final boolean clean;
  private final CleanPolicy cleanPolicy;
  private final int cleanRetained;
  private final boolean cluster;
  private final int minSmallFiles;
  private final long smallFileLimitBytes;
  private final long targetFileBytes;
  private final boolean archive;
  private final int archiveMin;
  private final int archiveMax;
  private final String checkpointKey;

  private MaintenancePolicy(Builder b) {
    this.compactAfterDeltaCommits = b.compactAfterDeltaCommits;
    this.clean = b.clean;
    this.cleanPolicy = b.cleanPolicy;
    this.cleanRetained = b.cleanRetained;
    this.cluster = b.cluster;
    this.minSmallFiles = b.minSmallFiles;
    this.smallFileLimitBytes = b.smallFileLimitBytes;
    this.targetFileBytes = b.targetFileBytes;
    this.archive = b.archive;
    this.archiveMin = b.archiveMin;
    this.archiveMax = b.archiveMax;
    this.checkpointKey = b.checkpointKey;
  }

  public static MaintenancePolicy defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Delta commits since the last compaction that trigger one; 0: never compact. */
  public int compactAfterDeltaCommits() {
    return compactAfterDeltaCommits;
  }

  public boolean clean() {
    return clean;
  }

  public CleanPolicy cleanPolicy() {
    return cleanPolicy;
  }

  public int cleanRetained() {
    return cleanRetained;
  }

  public boolean cluster() {
    return cluster;
  }

  public int minSmallFiles() {
    return minSmallFiles;
  }

  public long smallFileLimitBytes() {
    return smallFileLimitBytes;
  }

  public long targetFileBytes() {
    return targetFileBytes;
  }

  public boolean archive() {
    return archive;
  }

  public int archiveMin() {
    return archiveMin;
  }

  public int archiveMax() {
    return archiveMax;
  }

  /** The checkpoint key archival protects; null: none (tables not written by the apply engine). */
  public String checkpointKey() {
    return checkpointKey;
  }

  @Override
  public String toString() {
    return "MaintenancePolicy{compactAfter=" + compactAfterDeltaCommits + ", clean=" + (clean ? cleanPolicy + "/"
        + cleanRetained : "off") + ", cluster=" + (cluster ? ">=" + minSmallFiles + " files < " + smallFileLimitBytes
        : "off") + ", archive=" + (archive ? archiveMin + ".." + archiveMax : "off") + ", checkpointKey="
        + checkpointKey + "}";
  }

  /** Builder of {@link MaintenancePolicy}. */
  public static final class Builder {
    private int compactAfterDeltaCommits = 5;
    private boolean clean = true;
    private CleanPolicy cleanPolicy = CleanPolicy.KEEP_LATEST_COMMITS;
    private int cleanRetained = 10;
    private boolean cluster;
    private int minSmallFiles = 10;
    private long smallFileLimitBytes = 100L * 1024 * 1024;
    private long targetFileBytes = 120L * 1024 * 1024;
    private boolean archive = true;
    private int archiveMin = 20;
    private int archiveMax = 30;
    private String checkpointKey = HudiMaintenance.CHECKPOINT_KEY;

    private Builder() {}

    public Builder compactAfterDeltaCommits(int value) {
      Preconditions.checkArgument(value >= 0, "compactAfterDeltaCommits must be >= 0");
      this.compactAfterDeltaCommits = value;
      return this;
    }

    public Builder clean(CleanPolicy policy, int retained) {
      Preconditions.checkArgument(policy != null && retained >= 1, "clean needs a policy and retained >= 1");
      this.clean = true;
      this.cleanPolicy = policy;
      this.cleanRetained = retained;
      return this;
    }

    public Builder noClean() {
      this.clean = false;
      return this;
    }

    /** Cluster once {@code minSmallFiles} latest base files are below {@code smallFileLimitBytes}. */
    public Builder cluster(int minSmallFiles, long smallFileLimitBytes, long targetFileBytes) {
      Preconditions.checkArgument(minSmallFiles >= 2 && smallFileLimitBytes > 0 && targetFileBytes >= smallFileLimitBytes,
          "clustering needs minSmallFiles >= 2 and 0 < smallFileLimit <= target");
      this.cluster = true;
      this.minSmallFiles = minSmallFiles;
      this.smallFileLimitBytes = smallFileLimitBytes;
      this.targetFileBytes = targetFileBytes;
      return this;
    }

    public Builder archive(int min, int max) {
      Preconditions.checkArgument(min >= 2 && max > min, "archival needs 2 <= min < max");
      this.archive = true;
      this.archiveMin = min;
      this.archiveMax = max;
      return this;
    }

    public Builder noArchive() {
      this.archive = false;
      return this;
    }

    /** The checkpoint key archival protects; {@code null} for tables not written by the apply engine. */
    public Builder checkpointKey(String value) {
      this.checkpointKey = value;
      return this;
    }

    public MaintenancePolicy build() {
      return new MaintenancePolicy(this);
    }
  }
}

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

package io.lakesmith.cdc.internal.apply;

import com.google.common.hash.Hashing;
import io.lakesmith.cdc.ApplyException;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apply's progress of one table, as the commits record it: the checkpoint (files applied, and how far into a
 * file the last commit ended; large checkpoints in sidecars under {@code .lakesmith/checkpoints/}) and the ordering
 * state. Reads it from the newest commit carrying it, computes the pending files, and makes the extra metadata of
 * the next commit. Shared by the Java apply and the Spark apply, so either can continue a table the other wrote.
 * Not thread-safe.
 */
public final class CheckpointState {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointState.class);
  private static final Pattern FULL_LOAD_NAME = Pattern.compile("(?:SEGMENT\\d+_)?LOAD[0-9A-Fa-f]{8}\\..*");
  /** Files a commit lists beyond its base checkpoint before a new base sidecar is written. */
  public static final int MAX_CHECKPOINT_DELTA = 1000;
  public static final String LATE_FILES = "lateFiles";
  public static final String CHANGED_FILES = "changedFiles";

  private final ObjectStore sourceStore;
  private final ObjectStore tableStore;
  private final StorageLocation tableBase;
  private final String id;
  private final String tenantValue;
  private final Map<String, String> hashes = new HashMap<>();
  private SourceCheckpoint committed = SourceCheckpoint.EMPTY;
  private SourceCheckpoint base;
  private String baseName;
  private OrderingState ordering = OrderingState.EMPTY;

  /**
   * @param sourceStore the store of the DMS files (content hashes where it lists no entity tags)
   * @param tableStore the store of the table's own objects (checkpoint sidecars under {@code .lakesmith/})
   */
  public CheckpointState(ObjectStore sourceStore, ObjectStore tableStore, String basePath, String id,
      Optional<String> tenantValue) {
    this.sourceStore = sourceStore;
    this.tableStore = tableStore;
    this.tableBase = StorageLocation.parse(basePath);
    this.id = id;
    this.tenantValue = tenantValue.orElse(null);
  }

  /** Loads the state from {@code latest}, the newest commit carrying {@link SourceCheckpoint#METADATA_KEY}. */
  public CheckpointState load(Optional<HudiCommit> latest) {
    if (latest.isPresent()) {
      String json = latest.get().extraMetadata().get(SourceCheckpoint.METADATA_KEY);
      SourceCheckpoint.Stored stored = SourceCheckpoint.parse(json);
      if (stored.baseName != null) {
        baseName = stored.baseName;
        StorageLocation loc = checkpointFolder().resolve(baseName);
        try (InputStream in = tableStore.open(loc.key())) {
          base = SourceCheckpoint.fromSidecar(in);
        } catch (IOException e) {
          throw new ApplyException("cannot read checkpoint " + loc + " of " + id + ": " + e.getMessage(), e);
        }
      }
      committed = stored.resolve(base);
      ordering = OrderingState.from(latest.get().extraMetadata());
    }
    return this;
  }

  public SourceCheckpoint committed() {
    return committed;
  }

  public OrderingState ordering() {
    return ordering;
  }

  /** Replaces the ordering state before a commit (a reload starts). */
  public void ordering(OrderingState value) {
    this.ordering = value;
  }

  /** The checkpoint key of a file: its path under the table folder, prefixed by the tenant value if any. */
  public String key(DmsFile f) {
    return tenantValue == null ? f.relativePath() : tenantValue + ":" + f.relativePath();
  }

  /** Whether a file name (or checkpoint key) is a full-load file's. */
  public static boolean isFullLoadKey(String key) {
    return FULL_LOAD_NAME.matcher(key.substring(key.lastIndexOf('/') + 1)).matches();
  }

  /** The identity to record for a file: as listed, plus a content hash where the store lists no entity tag. */
  public FileIdentity identity(DmsFile f) {
    FileIdentity listed = FileIdentity.listed(f);
    return listed.hasETag() ? listed : listed.withSha256(contentHash(f));
  }

  private String contentHash(DmsFile f) {
    return hashes.computeIfAbsent(f.key(), k -> FileIdentity.sha256(sourceStore, k));
  }

  /** The files to apply, and whether one of them was applied before with other content. */
  public record Pending(List<DmsFile> files, boolean reappliesChanged) {}

  /**
   * The listed files (in DMS order) not applied with the same identity; counts skipped, changed and late files in
   * {@code report}.
   */
  public Pending pending(List<DmsFile> files, RunReport.Builder report) {
    List<DmsFile> pending = new ArrayList<>();
    boolean changed = false;
    DmsFile lastApplied = null;
    for (DmsFile f : files) {
      Optional<String> fp = committed.appliedFingerprint(key(f));
      if (fp.isPresent()) {
        FileIdentity stored = FileIdentity.parse(fp.get());
        FileIdentity now = FileIdentity.listed(f);
        FileIdentity.Match match = stored.compare(now);
        if (match == FileIdentity.Match.CHECK_CONTENT) {
          match = stored.sameContent(contentHash(f)) ? FileIdentity.Match.SAME : FileIdentity.Match.CHANGED;
        }
        if (match == FileIdentity.Match.SAME) {
          report.add(RunReport.FILES_SKIPPED, 1);
          lastApplied = f;
          continue;
        }
        String change = stored.describeChange(now);
        report.add(CHANGED_FILES, 1).detail("changedFile:" + f.relativePath(), change)
            .warning(f.key() + " changed since it was applied (" + change + "): applied again");
        LOG.warn("{}: {} changed since it was applied ({}); applying it again", id, f.key(), change);
        changed = true;
      }
      pending.add(f);
    }
    if (lastApplied != null) {
      for (DmsFile f : pending) {
        if (DmsFile.ORDER.compare(f, lastApplied) < 0 && committed.appliedFingerprint(key(f)).isEmpty()
            && !committed.partialFile().filter(key(f)::equals).isPresent()) {
          report.add(LATE_FILES, 1).detail("lateFile:" + f.relativePath(), "sorts before applied " + lastApplied.relativePath())
              .warning(f.location().toUri() + " arrived after later files were applied (sorts before "
                  + lastApplied.relativePath() + "): applied, its changes keep their own order");
          LOG.warn("{}: {} arrived after later files were applied; applying it (its changes keep their own order)",
              id, f.key());
        }
      }
    }
    return new Pending(pending, changed);
  }

  /**
   * The extra metadata of a commit that takes the table to {@code next} with {@code nextOrdering}: the checkpoint
   * (writing a new base sidecar first when the delta grew past {@link #MAX_CHECKPOINT_DELTA}) and the ordering state.
   */
  public Map<String, String> commitMetadata(SourceCheckpoint next, OrderingState nextOrdering) {
    if (next.deltaSize(base) > MAX_CHECKPOINT_DELTA) {
      SourceCheckpoint newBase = new SourceCheckpoint(next.applied(), null, 0);
      byte[] sidecar = newBase.toSidecar();
      String name = "applied-" + newBase.applied().size() + "-"
          + Hashing.sha256().hashBytes(sidecar).toString().substring(0, 16) + ".json.gz";
      tableStore.put(checkpointFolder().resolve(name).key(), sidecar, Map.of());
      base = newBase;
      baseName = name;
    }
    Map<String, String> metadata = new LinkedHashMap<>(next.toCommitMetadata(baseName, base));
    metadata.put(OrderingState.METADATA_KEY, nextOrdering.toJson());
    return metadata;
  }

  /** Records that the commit made with {@link #commitMetadata} succeeded. */
  public void committed(SourceCheckpoint next, OrderingState nextOrdering) {
    this.committed = next;
    this.ordering = nextOrdering;
  }

  private StorageLocation checkpointFolder() {
    return tableBase.resolve(".lakesmith/checkpoints");
  }
}

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What of a table's DMS source has been applied: for every applied file (by key relative to the table's
 * source folder) its fingerprint (a {@link FileIdentity}: size, and ETag or modification time and content hash;
 * only the size in checkpoints of older versions), and for at most one file the
 * number of rows applied so far when a commit ended inside it. Immutable.
 *
 * <p>The checkpoint travels in the Hudi commit's extra metadata, so it is written atomically with the data.
 * To keep commit metadata small on tables with years of CDC files, the commit holds only the files applied
 * since a <em>base</em>: an immutable gzip JSON sidecar under {@code <table>/.lakesmith/checkpoints/} written
 * before the commit that first references it. A sidecar no completed commit references is garbage, never
 * state.
 */
public final class SourceCheckpoint {

  public static final String METADATA_KEY = "lakesmith.checkpoint";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final SourceCheckpoint EMPTY = new SourceCheckpoint(ImmutableSortedMap.of(), null, 0);

  private final ImmutableSortedMap<String, String> applied;
  private final String partialFile;
  private final long partialRows;

  public SourceCheckpoint(SortedMap<String, String> applied, String partialFile, long partialRows) {
    Preconditions.checkArgument(partialFile == null || partialRows > 0, "partial file needs rows > 0");
    this.applied = ImmutableSortedMap.copyOfSorted(applied);
    this.partialFile = partialFile;
    this.partialRows = partialFile == null ? 0 : partialRows;
  }

  public SortedMap<String, String> applied() {
    return applied;
  }

  /** Fingerprint of a fully applied file. */
  public Optional<String> appliedFingerprint(String file) {
    return Optional.ofNullable(applied.get(file));
  }

  public Optional<String> partialFile() {
    return Optional.ofNullable(partialFile);
  }

  /** Rows of {@link #partialFile()} already applied (rows are counted in file order, from 1). */
  public long partialRows() {
    return partialRows;
  }

  /** This checkpoint plus a completed file. */
  public SourceCheckpoint withFileDone(String file, String fingerprint) {
    TreeMap<String, String> next = new TreeMap<>(applied);
    next.put(file, fingerprint);
    return new SourceCheckpoint(next, null, 0);
  }

  /** This checkpoint with {@code rows} rows of {@code file} applied. */
  public SourceCheckpoint withPartial(String file, long rows) {
    return new SourceCheckpoint(applied, file, rows);
  }

  /**
   * Commit metadata for this checkpoint, relative to {@code base} (the checkpoint stored in the sidecar
   * {@code baseName}, or none).
   */
  public Map<String, String> toCommitMetadata(String baseName, SourceCheckpoint base) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("v", 1);
    if (baseName != null) {
      doc.put("base", baseName);
    }
    Map<String, String> delta = new TreeMap<>();
    applied.forEach((f, fp) -> {
      if (base == null || !fp.equals(base.applied.get(f))) {
        delta.put(f, fp);
      }
    });
    doc.put("files", delta);
    if (partialFile != null) {
      doc.put("partialFile", partialFile);
      doc.put("partialRows", partialRows);
    }
    try {
      return Map.of(METADATA_KEY, JSON.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of files a commit would list beyond its base. */
  public int deltaSize(SourceCheckpoint base) {
    return base == null ? applied.size() : applied.size() - base.applied.size();
  }

  /** Parsed commit metadata: the sidecar name it builds on (if any) and the checkpoint relative to it. */
  public static final class Stored {
    public final String baseName;
    public final Map<String, String> files;
    public final String partialFile;
    public final long partialRows;

    private Stored(String baseName, Map<String, String> files, String partialFile, long partialRows) {
      this.baseName = baseName;
      this.files = files;
      this.partialFile = partialFile;
      this.partialRows = partialRows;
    }

    public SourceCheckpoint resolve(SourceCheckpoint base) {
      TreeMap<String, String> all = new TreeMap<>(base == null ? Map.of() : base.applied);
      all.putAll(files);
      return new SourceCheckpoint(all, partialFile, partialRows);
    }
  }

  public static Stored parse(String json) {
    try {
      Map<String, Object> doc = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      Preconditions.checkArgument(Integer.valueOf(1).equals(doc.get("v")), "unknown checkpoint version %s", doc.get("v"));
      @SuppressWarnings("unchecked")
      Map<String, String> files = (Map<String, String>) doc.getOrDefault("files", Map.of());
      Object rows = doc.get("partialRows");
      return new Stored((String) doc.get("base"), files, (String) doc.get("partialFile"),
          rows == null ? 0 : ((Number) rows).longValue());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable Lakesmith checkpoint in commit metadata: " + e.getOriginalMessage(), e);
    }
  }

  /** The sidecar form: gzip JSON of all applied files (a base never has a partial file). */
  public byte[] toSidecar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      JSON.writeValue(gz, Map.of("v", 1, "files", applied));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static SourceCheckpoint fromSidecar(InputStream in) throws IOException {
    try (GZIPInputStream gz = new GZIPInputStream(in)) {
      Map<String, Object> doc = JSON.readValue(gz, new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      Map<String, String> files = (Map<String, String>) doc.get("files");
      return new SourceCheckpoint(new TreeMap<>(files), null, 0);
    }
  }

  public static SourceCheckpoint fromSidecar(byte[] bytes) throws IOException {
    return fromSidecar(new ByteArrayInputStream(bytes));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SourceCheckpoint)) {
      return false;
    }
    SourceCheckpoint c = (SourceCheckpoint) o;
    return applied.equals(c.applied) && java.util.Objects.equals(partialFile, c.partialFile) && partialRows == c.partialRows;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(applied, partialFile, partialRows);
  }

  /**
   * The run report's form: {@code appliedFiles} (count) and {@code partialFile}/{@code partialRows} when a commit
   * ended inside a file (the file's key relative to the table's source folder and the rows applied of it).
   */
  public Map<String, Object> toReport() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("appliedFiles", (long) applied.size());
    if (partialFile != null) {
      m.put("partialFile", partialFile);
      m.put("partialRows", partialRows);
    }
    return m;
  }

  @Override
  public String toString() {
    return "SourceCheckpoint{files=" + applied.size() + (partialFile == null ? "" : ", partial=" + partialFile + ":" + partialRows) + "}";
  }
}

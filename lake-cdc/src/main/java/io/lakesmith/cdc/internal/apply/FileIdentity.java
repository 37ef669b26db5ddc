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

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.core.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a checkpoint remembers of an applied file to tell whether the file seen now is the same content: its size,
 * and the store's entity tag (S3: changes whenever the object is replaced) or, on local disk, the modification time
 * plus a SHA-256 of the content. Size alone misses a corrected file of the same length (a fixed timestamp, {@code X}
 * corrected to {@code I}).
 *
 * <p>Stored as {@code size=<n>;etag=<tag>;mtime=<ISO instant>;sha256=<hex>} (parts present as known). Checkpoints
 * written before identities existed hold the size alone ({@code "1234"}) and are still read: for them only the size
 * can be compared.
 */
public final class FileIdentity {

  /** What comparing a stored identity with the file listed now says. */
  public enum Match {
    SAME,
    CHANGED,
    /** Size agrees but the modification time does not: only the content hash can tell. */
    CHECK_CONTENT
  }

  private final long size;
  private final String eTag;
  private final Instant modified;
  private final String sha256;

  private FileIdentity(long size, String eTag, Instant modified, String sha256) {
    this.size = size;
    this.eTag = eTag;
    this.modified = modified;
    this.sha256 = sha256;
  }

  /** The file as listed (no content hash yet). */
  public static FileIdentity listed(DmsFile f) {
    return new FileIdentity(f.size(), f.eTag().map(FileIdentity::unquote).orElse(null),
        f.eTag().isPresent() ? null : f.lastModified().orElse(null), null);
  }

  /** Whether the store's listing identifies the content by itself (an entity tag); else a hash is needed. */
  public boolean hasETag() {
    return eTag != null;
  }

  public FileIdentity withSha256(String hex) {
    return new FileIdentity(size, eTag, modified, hex);
  }

  /** The SHA-256 of an object's bytes as stored (compressed files are hashed compressed). */
  public static String sha256(ObjectStore store, String key) {
    Hasher h = Hashing.sha256().newHasher();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = store.open(key)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        h.putBytes(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + key + " to hash it: " + e.getMessage(), e);
    }
    return h.hash().toString();
  }

  /**
   * Compares this stored identity with the file as listed now. An identity from an old checkpoint (size only)
   * matches any file of that size.
   */
  public Match compare(FileIdentity now) {
    if (size != now.size) {
      return Match.CHANGED;
    }
    if (eTag != null && now.eTag != null) {
      return eTag.equals(now.eTag) ? Match.SAME : Match.CHANGED;
    }
    if (modified != null && modified.equals(now.modified)) {
      return Match.SAME;
    }
    if (sha256 != null) {
      return Match.CHECK_CONTENT;
    }
    // size-only identities of old checkpoints (and stores that list neither tag nor time) compare by size
    return eTag == null && modified == null ? Match.SAME : Match.CHANGED;
  }

  /** Whether the stored content hash equals {@code hex}. */
  public boolean sameContent(String hex) {
    return hex.equals(sha256);
  }

  public String encode() {
    List<String> parts = new ArrayList<>();
    parts.add("size=" + size);
    if (eTag != null) {
      parts.add("etag=" + eTag);
    }
    if (modified != null) {
      parts.add("mtime=" + modified);
    }
    if (sha256 != null) {
      parts.add("sha256=" + sha256);
    }
    return String.join(";", parts);
  }

  /** Reads {@link #encode()}'s form, and the size-only form of older checkpoints. */
  public static FileIdentity parse(String stored) {
    if (!stored.contains("=")) {
      int at = stored.indexOf('@'); // "size@millis" was documented once; the millis were never compared
      return new FileIdentity(Long.parseLong(at < 0 ? stored : stored.substring(0, at)), null, null, null);
    }
    long size = -1;
    String eTag = null;
    Instant modified = null;
    String sha = null;
    for (String part : stored.split(";")) {
      int eq = part.indexOf('=');
      String k = part.substring(0, eq);
      String v = part.substring(eq + 1);
      switch (k) {
        case "size": size = Long.parseLong(v); break;
        case "etag": eTag = v; break;
        case "mtime":
          try {
            modified = Instant.parse(v);
          } catch (DateTimeParseException e) {
            modified = null;
          }
          break;
        case "sha256": sha = v; break;
        default: break; // written by a newer version: ignore what is not understood
      }
    }
    return new FileIdentity(size, eTag, modified, sha);
  }

  private static String unquote(String eTag) {
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1)
        : eTag;
  }

  /** A short description of what differs, for reports. */
  public String describeChange(FileIdentity now) {
    if (size != now.size) {
      return "size " + size + " -> " + now.size;
    }
    if (eTag != null && now.eTag != null) {
      return "ETag " + eTag + " -> " + now.eTag;
    }
    return "same size, new content (modified " + modified + " -> " + now.modified + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FileIdentity)) {
      return false;
    }
    FileIdentity f = (FileIdentity) o;
    return size == f.size && Objects.equals(eTag, f.eTag) && Objects.equals(modified, f.modified)
        && Objects.equals(sha256, f.sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, eTag, modified, sha256);
  }

  @Override
  public String toString() {
    return encode();
  }
}

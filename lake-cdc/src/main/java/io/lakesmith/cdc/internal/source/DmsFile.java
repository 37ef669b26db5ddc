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

package io.lakesmith.cdc.internal.source;

import com.google.common.base.Preconditions;
import io.lakesmith.core.storage.StorageLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One data file written by the AWS DMS S3 target, as found by {@link DmsLayout}. Immutable.
 *
 * <p><b>Order.</b> Files compare by {@link #ordinal()}, then by {@link #key()}. The ordinal is derived from the
 * file's name and path only, so the order of two files never changes when other files appear or disappear:
 * <ol>
 *   <li>every full-load file ({@link Kind#FULL_LOAD}) before every change file ({@link Kind#CDC},
 *       {@link Kind#CDC_TXN}, which share one time line);</li>
 *   <li>full-load files by their hexadecimal counter ({@code LOAD00000009 < LOAD0000000A < LOAD00000010});
 *       change files by the timestamp in their name ({@code 20250101-120000123} is 2025-01-01 12:00:00.123);</li>
 *   <li>then by a 64-bit fingerprint of the path relative to the table folder (or the DMS root for
 *       {@code CDC_TXN} files): this only separates files with the same counter or timestamp, e.g. the
 *       {@code LOAD00000001} of two parallel-load partitions, whose relative order carries no meaning.</li>
 * </ol>
 *
 * <p>The ordinal is the fixed-width string {@code K.NNNNNNNNNNNNNNNNNNNNNNN.HHHHHHHHHHHHHHHH} (42 characters):
 * {@code K} is {@code 0} for full load and {@code 1} for changes; the 23 digits are the counter in decimal
 * (full load) or {@code yyyyMMddHHmmss} followed by the name's fraction of a second padded to 9 digits
 * (changes); the 16 lower-case hex digits are the path fingerprint (Guava {@code farmHashFingerprint64}, a
 * stable fingerprint). Comparing ordinals as strings gives the file order; {@link DmsLayout} rejects two files
 * of one table with the same ordinal, so within a table ordinals are unique.
 */
public final class DmsFile implements Comparable<DmsFile> {

  /** What a file holds. */
  public enum Kind {
    /** {@code LOAD<hex counter>}: full-load rows (inserts), optionally prefixed by {@code SEGMENTn_} or in a partition folder. */
    FULL_LOAD,
    /** {@code <yyyyMMdd-HHmmss><fraction>}: changes of one table, optionally under date-partition folders. */
    CDC,
    /** {@code CDC_TXN-<yyyyMMddHHmmss><fraction>}: changes of many tables in transaction order (PreserveTransactions). */
    CDC_TXN
  }

  /** The file's data format. */
  public enum Format { CSV, PARQUET }

  /** Ordinal order, then key: a total order. */
  public static final Comparator<DmsFile> ORDER =
      Comparator.comparing(DmsFile::ordinal).thenComparing(DmsFile::key);

  private final StorageLocation location;
  private final String relativePath;
  private final DmsTableId table;
  private final Kind kind;
  private final Format format;
  private final boolean gzip;
  private final long size;
  private final String ordinal;
  private final String segment;
  private final String datePartition;
  private final java.time.Instant lastModified;
  private final String eTag;

  DmsFile(StorageLocation location, String relativePath, DmsTableId table, Kind kind, Format format, boolean gzip,
      long size, String ordinal, String segment, String datePartition) {
    this(location, relativePath, table, kind, format, gzip, size, ordinal, segment, datePartition, null, null);
  }

  DmsFile(StorageLocation location, String relativePath, DmsTableId table, Kind kind, Format format, boolean gzip,
      long size, String ordinal, String segment, String datePartition, java.time.Instant lastModified, String eTag) {
    this.location = Preconditions.checkNotNull(location, "location");
    this.relativePath = Preconditions.checkNotNull(relativePath, "relativePath");
    Preconditions.checkArgument((table == null) == (kind == Kind.CDC_TXN), "only CDC_TXN files have no table");
    this.table = table;
    this.kind = Preconditions.checkNotNull(kind, "kind");
    this.format = Preconditions.checkNotNull(format, "format");
    this.gzip = gzip;
    this.size = size;
    this.ordinal = Preconditions.checkNotNull(ordinal, "ordinal");
    this.segment = segment;
    this.datePartition = datePartition;
    this.lastModified = lastModified;
    this.eTag = eTag;
  }

  /** Where the file is (bucket and key, or local path). */
  public StorageLocation location() {
    return location;
  }

  /** The file's key in its {@link io.lakesmith.core.storage.ObjectStore}. */
  public String key() {
    return location.key();
  }

  /** The last path segment of the key. */
  public String name() {
    String k = key();
    return k.substring(k.lastIndexOf('/') + 1);
  }

  /**
   * The path below the table folder ({@code part1/LOAD00000001.csv}, {@code 2025/01/01/20250101-120000123.csv}),
   * or below the DMS root for {@code CDC_TXN} files.
   */
  public String relativePath() {
    return relativePath;
  }

  /** The table of a full-load or CDC file; empty for {@code CDC_TXN} files, which hold rows of many tables. */
  public Optional<DmsTableId> table() {
    return Optional.ofNullable(table);
  }

  public Kind kind() {
    return kind;
  }

  public Format format() {
    return format;
  }

  /** Whether the name ends in {@code .gz}; readers also check the gzip magic bytes. */
  public boolean gzip() {
    return gzip;
  }

  /** Size in bytes as listed. */
  public long size() {
    return size;
  }

  /** Last-modified time as listed (storage time: never an order of changes; part of the file's identity). */
  public Optional<java.time.Instant> lastModified() {
    return Optional.ofNullable(lastModified);
  }

  /** The entity tag the store listed (S3), which changes whenever the content is replaced; empty on local disk. */
  public Optional<String> eTag() {
    return Optional.ofNullable(eTag);
  }

  /** The fixed-width, name-derived sort key described in the class comment. */
  public String ordinal() {
    return ordinal;
  }

  /**
   * For parallel full loads: the partition folder and/or {@code SEGMENTn} prefix ({@code part1},
   * {@code SEGMENT2}, {@code part1/SEGMENT2}); empty otherwise.
   */
  public Optional<String> segment() {
    return Optional.ofNullable(segment);
  }

  /**
   * For files under DMS date-partition folders: those folders ({@code 2025/01/01}, {@code 2025-01-01-13}). A single
   * full-load folder that reads as a date is taken as a date partition, not a parallel-load partition.
   */
  public Optional<String> datePartition() {
    return Optional.ofNullable(datePartition);
  }

  @Override
  public int compareTo(DmsFile other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DmsFile)) {
      return false;
    }
    DmsFile f = (DmsFile) o;
    return location.equals(f.location) && size == f.size && kind == f.kind && format == f.format && gzip == f.gzip
        && ordinal.equals(f.ordinal) && Objects.equals(table, f.table);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, size, ordinal);
  }

  @Override
  public String toString() {
    return kind + " " + location + " (" + size + " bytes, ordinal " + ordinal + ")";
  }
}

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
import com.google.common.hash.Hashing;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the files the AWS DMS S3 target wrote under a root (the bucket folder): one listing pass, no reads.
 *
 * <p>Recognized, relative to the root:
 * <ul>
 *   <li>{@code <schema>/<table>/LOAD<1-16 hex digits>.<csv|parquet>[.gz]}, also with a {@code SEGMENTn_}
 *       prefix and/or in one parallel-load partition folder ({@code <schema>/<table>/<partition>/LOAD...}) or in
 *       date-partition folders: full load;</li>
 *   <li>{@code <schema>/<table>/[<date partition>/]yyyyMMdd-HHmmss<0-9 fraction digits>.<csv|parquet>[.gz]},
 *       where the optional date partition is any DMS {@code DatePartitionSequence} and
 *       {@code DatePartitionDelimiter} combination: CDC;</li>
 *   <li>{@code [any folders/]CDC_TXN-yyyyMMddHHmmss<0-9 fraction digits>.csv[.gz]}: PreserveTransactions files in
 *       their {@code CdcPath} folder (recognized by name anywhere under the root).</li>
 * </ul>
 * Everything else (also keys with empty, {@code .} or {@code ..} path segments) is reported as an
 * {@link UnrecognizedObject}: the apply warns about those in a table's folder, and fails the table in strict mode.
 * File names are matched case-sensitively and with ASCII digits, as DMS writes them ({@code LOAD00000001.CSV} is
 * not a DMS file); timestamps in names must be valid dates and times. Schema and table folders are taken as written;
 * {@link DmsListing#tablesMatching} matches them to a table ignoring case.
 */
public final class DmsLayout {
  private DmsLayout() {}

  private static final Pattern LOAD =
      Pattern.compile("(?:(SEGMENT\\d+)_)?LOAD([0-9A-Fa-f]{1,16})\\.(csv|parquet)(\\.gz)?");
  private static final Pattern CDC =
      Pattern.compile("(\\d{8})-(\\d{6})(\\d{0,9})\\.(csv|parquet)(\\.gz)?");
  private static final Pattern CDC_TXN =
      Pattern.compile("CDC_TXN-(\\d{8})(\\d{6})(\\d{0,9})\\.(csv)(\\.gz)?");

  /**
   * Lists {@code root} once and sorts what it finds. Throws {@link IllegalStateException} in the (practically
   * impossible) case that two files of one table get the same {@link DmsFile#ordinal()}.
   */
  public static DmsListing scan(ObjectStore store, StorageLocation root) {
    return scan(store, root, root.prefix());
  }

  /**
   * Lists only {@code <root>/<schema>/<table>/} (one listing pass) and returns a listing with that table's files
   * and the objects below it that are not DMS files. {@code CDC_TXN} files of a {@code CdcPath} elsewhere are not
   * included: scan the root for those.
   */
  public static DmsListing scanTable(ObjectStore store, StorageLocation root, DmsTableId table) {
    return scan(store, root, root.prefix() + table.schema() + "/" + table.table() + "/");
  }

  private static DmsListing scan(ObjectStore store, StorageLocation root, String prefix) {
    return scan(store, root, prefix, null);
  }

  /**
   * Lists the objects under {@code prefix} (a key prefix below {@code root}) whose keys sort after {@code startAfter}
   * ({@link ObjectStore#list(String, String)}; null: all) and classifies them as {@link #scan} does: an incremental
   * listing that skips the date folders before the newest one applied.
   */
  public static DmsListing scan(ObjectStore store, StorageLocation root, String prefix, String startAfter) {
    Preconditions.checkNotNull(store, "store");
    DmsListing.Builder listing = new DmsListing.Builder(root);
    try (Stream<ObjectInfo> objects = store.list(prefix, startAfter)) {
      objects.forEach(info -> {
        if (info.key().endsWith("/") && info.size() == 0) {
          return; // an S3 "folder" marker (console, some tools): not an object DMS wrote, nor a stray file
        }
        Object classified = classifyOrReason(root, info);
        if (classified instanceof DmsFile) {
          listing.add((DmsFile) classified);
        } else {
          listing.unrecognized(new UnrecognizedObject(info.key(), info.size(), (String) classified));
        }
      });
    }
    return listing.build();
  }

  /**
   * The DMS file an object under {@code root} is, or empty when it is not one (see the class comment). The same
   * classification {@link #scan} uses: handy to rebuild a {@link DmsFile} from a stored key.
   */
  public static Optional<DmsFile> classify(StorageLocation root, ObjectInfo object) {
    Object c = classifyOrReason(root, object);
    return c instanceof DmsFile ? Optional.of((DmsFile) c) : Optional.empty();
  }

  /** A {@link DmsFile}, or the reason (a String) why the object is not one. */
  private static Object classifyOrReason(StorageLocation root, ObjectInfo info) {
    String prefix = root.prefix();
    if (!info.key().startsWith(prefix)) {
      return "not below the DMS root " + root;
    }
    String rel = info.key().substring(prefix.length());
    String[] parts = rel.split("/", -1);
    for (String part : parts) {
      if (part.equals(".") || part.equals("..") || part.isEmpty()) {
        return "the key has a '" + part + "' path segment, which DMS never writes";
      }
    }
    String name = parts[parts.length - 1];
    StorageLocation location = root.withKey(info.key());

    Matcher txn = CDC_TXN.matcher(name);
    if (txn.matches()) {
      String order = timeOrder(txn.group(1), txn.group(2), txn.group(3));
      if (order == null) {
        return "CDC_TXN file name does not hold a valid timestamp";
      }
      return new DmsFile(location, rel, null, DmsFile.Kind.CDC_TXN, DmsFile.Format.CSV, txn.group(5) != null,
          info.size(), ordinal(DmsFile.Kind.CDC_TXN, order, rel), null, null, info.lastModified(),
          info.eTag().orElse(null));
    }
    if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return "not in a <schema>/<table>/ folder";
    }
    DmsTableId table = DmsTableId.of(parts[0], parts[1]);
    String inTable = rel.substring(parts[0].length() + parts[1].length() + 2);
    String folders = parts.length > 3 ? inTable.substring(0, inTable.length() - name.length() - 1) : "";

    Matcher load = LOAD.matcher(name);
    if (load.matches()) {
      String segment = load.group(1);
      String datePartition = null;
      if (!folders.isEmpty() && DatePartitions.isDatePartition(folders)) {
        datePartition = folders; // DatePartitionEnabled also dates full-load files
      } else if (parts.length == 4 && !parts[2].isEmpty()) {
        segment = segment == null ? folders : folders + "/" + segment;
      } else if (!folders.isEmpty()) {
        return "full-load file under '" + folders + "', neither one partition folder nor a date partition";
      }
      String counter = String.format("%023d", new BigInteger(load.group(2), 16));
      return new DmsFile(location, inTable, table, DmsFile.Kind.FULL_LOAD, format(load.group(3)),
          load.group(4) != null, info.size(), ordinal(DmsFile.Kind.FULL_LOAD, counter, inTable), segment,
          datePartition, info.lastModified(), info.eTag().orElse(null));
    }
    Matcher cdc = CDC.matcher(name);
    if (cdc.matches()) {
      String order = timeOrder(cdc.group(1), cdc.group(2), cdc.group(3));
      if (order == null) {
        return "CDC file name does not hold a valid timestamp";
      }
      if (!folders.isEmpty() && !DatePartitions.isDatePartition(folders)) {
        return "CDC file under '" + folders + "', which is not a DMS date-partition folder";
      }
      return new DmsFile(location, inTable, table, DmsFile.Kind.CDC, format(cdc.group(4)), cdc.group(5) != null,
          info.size(), ordinal(DmsFile.Kind.CDC, order, inTable), null, folders.isEmpty() ? null : folders,
          info.lastModified(), info.eTag().orElse(null));
    }
    return "not a DMS data file name (LOAD<hex>, <yyyyMMdd-HHmmss...>, CDC_TXN-<timestamp>; .csv or .parquet, optional .gz)";
  }

  private static DmsFile.Format format(String ext) {
    return ext.equals("csv") ? DmsFile.Format.CSV : DmsFile.Format.PARQUET;
  }

  /**
   * The time in a CDC or {@code CDC_TXN} file's name (when DMS wrote it, UTC), or empty for full-load files and keys
   * that are not DMS file names.
   */
  public static Optional<java.time.Instant> fileTime(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    Matcher m = CDC.matcher(name);
    Matcher t = CDC_TXN.matcher(name);
    String order = m.matches() ? timeOrder(m.group(1), m.group(2), m.group(3))
        : t.matches() ? timeOrder(t.group(1), t.group(2), t.group(3)) : null;
    if (order == null) {
      return Optional.empty();
    }
    LocalDateTime time = LocalDateTime.of(Integer.parseInt(order.substring(0, 4)),
        Integer.parseInt(order.substring(4, 6)), Integer.parseInt(order.substring(6, 8)),
        Integer.parseInt(order.substring(8, 10)), Integer.parseInt(order.substring(10, 12)),
        Integer.parseInt(order.substring(12, 14)), Integer.parseInt(order.substring(14, 23)));
    return Optional.of(time.toInstant(java.time.ZoneOffset.UTC));
  }

  /** {@code yyyyMMddHHmmss} + fraction right-padded to 9 digits (23 digits), or null when not a valid time. */
  private static String timeOrder(String date, String time, String fraction) {
    try {
      LocalDateTime.of(Integer.parseInt(date.substring(0, 4)), Integer.parseInt(date.substring(4, 6)),
          Integer.parseInt(date.substring(6, 8)), Integer.parseInt(time.substring(0, 2)),
          Integer.parseInt(time.substring(2, 4)), Integer.parseInt(time.substring(4, 6)));
    } catch (DateTimeException e) {
      return null;
    }
    return date + time + (fraction + "000000000").substring(0, 9);
  }

  private static String ordinal(DmsFile.Kind kind, String order23, String relativePath) {
    long fp = Hashing.farmHashFingerprint64().hashString(relativePath, StandardCharsets.UTF_8).asLong();
    return (kind == DmsFile.Kind.FULL_LOAD ? "0" : "1") + "." + order23 + "." + String.format("%016x", fp);
  }
}

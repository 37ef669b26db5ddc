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

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.lakesmith.core.storage.StorageLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link DmsLayout} found under a DMS root. Immutable and deterministic: the same objects give an equal
 * listing whatever order the store returned them in.
 */
public final class DmsListing {
  private final StorageLocation root;
  private final ImmutableSortedMap<DmsTableId, ImmutableList<DmsFile>> tables;
  private final ImmutableList<DmsFile> transactionFiles;
  private final ImmutableList<UnrecognizedObject> unrecognized;

  private DmsListing(StorageLocation root, ImmutableSortedMap<DmsTableId, ImmutableList<DmsFile>> tables,
      ImmutableList<DmsFile> transactionFiles, ImmutableList<UnrecognizedObject> unrecognized) {
    this.root = root;
    this.tables = tables;
    this.transactionFiles = transactionFiles;
    this.unrecognized = unrecognized;
  }

  public StorageLocation root() {
    return root;
  }

  /** Every table with at least one full-load or CDC file, each with its files in {@link DmsFile#ORDER}. */
  public SortedMap<DmsTableId, List<DmsFile>> tables() {
    return Collections.unmodifiableSortedMap(tables);
  }

  /** The table's full-load and CDC files in {@link DmsFile#ORDER} (empty when none); not its CDC_TXN rows. */
  public List<DmsFile> files(DmsTableId table) {
    return tables.getOrDefault(table, ImmutableList.of());
  }

  /** All {@code CDC_TXN} files (any {@code CdcPath} folder) in {@link DmsFile#ORDER}, i.e. transaction-time order. */
  public List<DmsFile> transactionFiles() {
    return transactionFiles;
  }

  /**
   * The table folders that match {@code table} ignoring case ({@code HR/EMPLOYEES} for {@code hr.employees}), in
   * order; more than one means folders that differ only by case.
   */
  public List<DmsTableId> tablesMatching(DmsTableId table) {
    List<DmsTableId> found = new ArrayList<>();
    tables.keySet().stream().filter(t -> t.equalsIgnoreCase(table)).forEach(found::add);
    return found;
  }

  /** The objects under the folder of {@code table} (matched ignoring case) that are not DMS data files. */
  public List<UnrecognizedObject> unrecognizedIn(DmsTableId table) {
    String prefix = root.prefix();
    List<UnrecognizedObject> found = new ArrayList<>();
    for (UnrecognizedObject u : unrecognized) {
      if (!u.key().startsWith(prefix)) {
        continue;
      }
      String[] parts = u.key().substring(prefix.length()).split("/", -1);
      if (parts.length >= 3 && parts[0].equalsIgnoreCase(table.schema()) && parts[1].equalsIgnoreCase(table.table())) {
        found.add(u);
      }
    }
    return found;
  }

  /** Objects that are not DMS data files, by key, with the reason; they are otherwise ignored. */
  public List<UnrecognizedObject> unrecognized() {
    return unrecognized;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DmsListing)) {
      return false;
    }
    DmsListing l = (DmsListing) o;
    return root.equals(l.root) && tables.equals(l.tables) && transactionFiles.equals(l.transactionFiles)
        && unrecognized.equals(l.unrecognized);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, tables, transactionFiles, unrecognized);
  }

  @Override
  public String toString() {
    return "DmsListing{" + root + ", tables=" + tables.keySet() + ", transactionFiles=" + transactionFiles.size()
        + ", unrecognized=" + unrecognized.size() + "}";
  }

  static final class Builder {
    private final StorageLocation root;
    private final Map<DmsTableId, List<DmsFile>> tables = new HashMap<>();
    private final List<DmsFile> transactionFiles = new ArrayList<>();
    private final List<UnrecognizedObject> unrecognized = new ArrayList<>();

    Builder(StorageLocation root) {
      this.root = root;
    }

    void add(DmsFile file) {
      if (file.kind() == DmsFile.Kind.CDC_TXN) {
        transactionFiles.add(file);
      } else {
        tables.computeIfAbsent(file.table().orElseThrow(), t -> new ArrayList<>()).add(file);
      }
    }

    void unrecognized(UnrecognizedObject object) {
      unrecognized.add(object);
    }

    DmsListing build() {
      SortedMap<DmsTableId, ImmutableList<DmsFile>> sorted = new TreeMap<>();
      tables.forEach((t, files) -> sorted.put(t, sortUnique(t.toString(), files)));
      unrecognized.sort(Comparator.comparing(UnrecognizedObject::key));
      return new DmsListing(root, ImmutableSortedMap.copyOfSorted(sorted),
          sortUnique("CDC_TXN files", transactionFiles), ImmutableList.copyOf(unrecognized));
    }

    private static ImmutableList<DmsFile> sortUnique(String what, List<DmsFile> files) {
      List<DmsFile> sorted = new ArrayList<>(files);
      sorted.sort(DmsFile.ORDER);
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).ordinal().equals(sorted.get(i - 1).ordinal())) {
          // Would let two rows share a change sequence; a 64-bit fingerprint collision, so fail loudly.
          throw new IllegalStateException(what + ": files " + sorted.get(i - 1).key() + " and " + sorted.get(i).key()
              + " have the same ordinal " + sorted.get(i).ordinal());
        }
      }
      return ImmutableList.copyOf(sorted);
    }
  }
}

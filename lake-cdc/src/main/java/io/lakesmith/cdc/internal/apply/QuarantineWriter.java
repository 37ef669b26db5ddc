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

import de.siegmar.fastcsv.writer.CsvWriter;
import io.lakesmith.cdc.RowError;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of one batch that cannot be applied and writes them, before the batch's commit, to one CSV
 * object under {@code <table>/.lakesmith/quarantine/}: columns {@code source_file, line, column, field, kind,
 * reason, op, value1, value2, ...} (the row's fields as read). The object name derives from where the batch
 * starts in the source, so a batch re-run after a crash rewrites the same object instead of adding a copy.
 */
public final class QuarantineWriter {

  private final ObjectStore store;
  private final StorageLocation folder;
  private final List<String[]> rows = new ArrayList<>();

  public QuarantineWriter(ObjectStore store, StorageLocation tableBase) {
    this.store = store;
    this.folder = tableBase.resolve(".lakesmith/quarantine");
  }

  public void add(RowError error, DmsRow row) {
    rows.add(entry(error, row));
  }

  /** Adds a row made by {@link #entry} elsewhere (a Spark executor). */
  public void addEntry(String[] entry) {
    rows.add(entry.clone());
  }

  /** The quarantine file's row for a bad source row: file, line, column, field, kind, reason, op, values. */
  public static String[] entry(RowError error, DmsRow row) {
    List<String> r = new ArrayList<>();
    r.add(error.fileKey());
    r.add(Long.toString(error.line()));
    r.add(error.column().orElse(""));
    r.add(error.fieldNumber().isPresent() ? Integer.toString(error.fieldNumber().getAsInt()) : "");
    r.add(error.kind().name());
    r.add(error.reason());
    r.add(row == null || row.op() == null ? "" : row.op().name());
    if (row != null) {
      for (Object v : row.values()) {
        r.add(v == null ? "" : v == DmsRow.NOT_SUPPLIED ? "<not supplied>" : String.valueOf(v));
      }
    }
    return r.toArray(new String[0]);
  }

  public int size() {
    return rows.size();
  }

  /** Writes the collected rows (if any) as {@code <batchName>.csv}; returns its location, or null when empty. */
  public StorageLocation flush(String batchName) {
    if (rows.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
      w.writeRecord("source_file", "line", "column", "field", "kind", "reason", "op", "values...");
      rows.forEach(w::writeRecord);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StorageLocation target = folder.resolve(batchName + ".csv");
    store.put(target.key(), bytes.toByteArray(), Map.of());
    rows.clear();
    return target;
  }
}

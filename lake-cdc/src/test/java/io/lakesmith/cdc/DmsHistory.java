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

package io.lakesmith.cdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated DMS history of the table people(ID key, NAME, AMT decimal(10,2), DEPT, TS, and later EXTRA) and its
 * in-order result computed independently of the apply engine (the last change per key in source order; a delete
 * removes the key). Deterministic for a seed.
 *
 * <p>Shape: one full-load file, then {@code cdcFiles} CDC files in time order with inserts, full updates, full and
 * key-only deletes, partition moves (DEPT changes), an insert-delete-insert of one key inside one file and one
 * spread across files, timestamp ties (coarse DMS timestamps, inside files and across consecutive files, broken by
 * file then row), and from the middle file on an added column EXTRA (header with one more column).
 */
final class DmsHistory {

  static final String TABLE_DIR = "app/people/";
  private static final String[] DEPTS = {"a", "b", "c"};

  /** One file: its path under the DMS root and its lines (header first). */
  record File(String path, List<String> lines) {}

  final long seed;
  final List<File> files = new ArrayList<>();
  /** Expected rows by ID: NAME|AMT|DEPT|EXTRA|op. */
  final Map<String, String> expected = new TreeMap<>();
  final int deletes;
  final int moves;

  private final Random random;
  private final Map<Integer, String[]> state = new TreeMap<>(); // id -> name, amt, dept, extra, op
  private int seconds;
  private int deleteCount;
  private int moveCount;

  DmsHistory(long seed, int cdcFiles) {
    this.seed = seed;
    this.random = new Random(seed);
    List<String> load = new ArrayList<>();
    load.add(Specs.HEADER);
    for (int id = 1; id <= 12; id++) {
      String[] row = {"load" + id, amount(), dept(), null, "L"};
      state.put(id, row);
      load.add(id + "," + row[0] + "," + row[1] + "," + row[2] + ",2025-01-01 00:00:00.000000");
    }
    files.add(new File(TABLE_DIR + "LOAD00000001.csv", load));
    int idiFile = 1 + random.nextInt(cdcFiles / 2);
    int idiAcrossStart = cdcFiles / 2 + random.nextInt(cdcFiles / 2 - 2);
    for (int f = 0; f < cdcFiles; f++) {
      boolean extra = f >= cdcFiles / 2;
      List<String> lines = new ArrayList<>();
      lines.add(Specs.CDC_HEADER + (extra ? ",EXTRA" : ""));
      int rows = 3 + random.nextInt(6);
      for (int r = 0; r < rows; r++) {
        tick();
        int id = 1 + random.nextInt(24);
        lines.add(change(id, extra, null));
        if (random.nextInt(5) == 0) {
          lines.add(change(id, extra, null)); // same key again at the same timestamp: a tie broken by row
        }
      }
      if (f == idiFile) {
        int id = 100 + f;
        lines.add(change(id, extra, "I"));
        lines.add(change(id, extra, "D"));
        lines.add(change(id, extra, "I"));
      }
      if (f >= idiAcrossStart && f < idiAcrossStart + 3) {
        lines.add(change(99, extra, f == idiAcrossStart + 1 ? "D" : "I"));
      }
      if (random.nextInt(3) > 0) {
        seconds++; // otherwise the next file starts at this file's last timestamp: a tie across files
      }
      // file names carry a later time than their last change, as DMS's do
      files.add(new File(String.format("%s2025/01/01/20250101-10%02d%02d000.csv", TABLE_DIR, f / 60, f % 60), lines));
    }
    state.forEach((id, row) -> expected.put(Integer.toString(id), String.join("|", row[0], row[1], row[2],
        String.valueOf(row[3]), row[4])));
    this.deletes = deleteCount;
    this.moves = moveCount;
  }

  private void tick() {
    if (random.nextInt(3) == 0) {
      seconds++;
    }
  }

  private String timestamp() {
    return String.format("2025-01-01 10:%02d:%02d.000000", seconds / 60, seconds % 60);
  }

  private String amount() {
    return random.nextInt(10_000) + "." + String.format("%02d", random.nextInt(100));
  }

  private String dept() {
    return DEPTS[random.nextInt(DEPTS.length)];
  }

  /** One change line for {@code id} (op chosen from the key's state unless given), applied to the model. */
  private String change(int id, boolean extra, String forced) {
    String[] current = state.get(id);
    String op = forced != null ? forced
        : current == null ? "I" : random.nextInt(4) == 0 ? "D" : "U";
    String ts = timestamp();
    if (op.equals("D")) {
      deleteCount++;
      state.remove(id);
      boolean keyOnly = current == null || random.nextBoolean(); // PostgreSQL without REPLICA IDENTITY FULL
      String e = extra ? "," : "";
      if (keyOnly) {
        return "D," + id + ",,,," + ts + e;
      }
      return "D," + id + "," + current[0] + "," + current[1] + "," + current[2] + "," + ts
          + (extra ? "," + (current[3] == null ? "" : current[3]) : "");
    }
    String dept = current != null && random.nextInt(4) > 0 ? current[2] : dept();
    if (current != null && !dept.equals(current[2])) {
      moveCount++;
    }
    String[] row = {op.toLowerCase() + id + "-" + seconds + "-" + random.nextInt(1000), amount(), dept,
        extra ? "x" + random.nextInt(100) : null, op};
    state.put(id, row);
    return op + "," + id + "," + row[0] + "," + row[1] + "," + row[2] + "," + ts + (extra ? "," + row[3] : "");
  }

  int cdcFileCount() {
    return files.size() - 1;
  }

  Map<String, File> byPath() {
    Map<String, File> m = new LinkedHashMap<>();
    files.forEach(f -> m.put(f.path(), f));
    return m;
  }
}

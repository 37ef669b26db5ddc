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

package io.lakesmith.examples.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/**
 * DMS output of one table, app.people(ID, NAME, AMT, DEPT, TS), with its expected Hudi table computed by a model
 * independent of Lakesmith: per key the change with the greatest DMS timestamp (TS, unique per change) wins, a
 * delete removes the key. Files have header rows; columns are strings.
 */
final class People {

  static final String TABLE = "app.people";
  static final String HEADER = "ID,NAME,AMT,DEPT,TS";

  /** One source change; op L for full-load rows. */
  record Change(String op, long id, String name, String amt, String dept, String ts) {
    String csv() {
      String row = id + "," + name + "," + amt + "," + dept + "," + ts;
      return op.equals("L") ? row : op + "," + row;
    }
  }

  /** A DMS file: its path below the DMS root and its changes. */
  record DmsFile(String path, List<Change> changes) {
    byte[] content() {
      StringBuilder sb = new StringBuilder(changes.get(0).op().equals("L") ? HEADER : "Op," + HEADER).append('\n');
      changes.forEach(c -> sb.append(c.csv()).append('\n'));
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private People() {}

  /** Full load of keys 1..n. */
  static DmsFile load(int n) {
    List<Change> c = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      c.add(new Change("L", id, "name" + id, id + ".00", "d" + (id % 5), "2025-01-01 00:00:00.000000"));
    }
    return new DmsFile("app/people/LOAD00000001.csv", c);
  }

  /** CDC file {@code no} (1-based, later numbers sort later): updates, deletes and inserts among keys 1..n. */
  static DmsFile cdc(int no, int n) {
    List<Change> c = new ArrayList<>();
    int k = 0;
    for (long id = no; id <= n; id += 7) {
      c.add(new Change("U", id, "upd" + no + "-" + id, (id + no) + ".50", "d" + ((id + no) % 5), ts(no, ++k)));
    }
    for (long id = 3 + no; id <= n; id += 23) {
      c.add(new Change("D", id, "", "", "", ts(no, ++k)));
    }
    for (long id = 1; id <= 10; id++) {
      long key = 1000L * no + id;
      c.add(new Change("I", key, "new" + key, key + ".25", "d" + (key % 5), ts(no, ++k)));
    }
    return new DmsFile(String.format("app/people/202501%02d-100000000.csv", 1 + no), c);
  }

  /**
   * A file only runner {@code r} sees: updates of the keys {@code id % runners == r} and inserts of its own keys,
   * never a key another runner's file touches.
   */
  static DmsFile runnerFile(int r, int runners, int n) {
    List<Change> c = new ArrayList<>();
    int k = 0;
    for (long id = 1; id <= n; id++) {
      if (id % runners == r) {
        c.add(new Change("U", id, "r" + r + "-" + id, (id * 2) + ".00", "d" + (r % 5), tsRunner(r, ++k)));
      }
    }
    for (long id = 1; id <= 15; id++) {
      long key = 100_000L * (r + 1) + id;
      c.add(new Change("I", key, "r" + r + "new" + id, id + ".10", "d" + (id % 5), tsRunner(r, ++k)));
    }
    return new DmsFile(String.format("app/people/20250201-1%d0000000.csv", r), c);
  }

  private static String ts(int file, int k) {
    return String.format("2025-01-%02d 10:00:00.%06d", 1 + file, k);
  }

  private static String tsRunner(int r, int k) {
    return String.format("2025-02-01 1%d:00:00.%06d", r, k);
  }

  /** Writes {@code files} under {@code root} (a local path or s3://bucket/prefix). */
  static void write(String root, AwsSettings aws, List<DmsFile> files) {
    StorageLocation loc = StorageLocation.parse(root);
    try (ObjectStore store = ObjectStores.open(loc, aws)) {
      for (DmsFile f : files) {
        store.put(loc.resolve(f.path()).key(), f.content(), Map.of());
      }
    }
  }

  /** The table the model expects after all of {@code files}: key -> "NAME|AMT|DEPT|TS|op". */
  static Map<String, String> expected(List<DmsFile> files) {
    record Seq(Change c, int file, int row) {}
    List<Seq> all = new ArrayList<>();
    List<DmsFile> ordered = new ArrayList<>(files);
    ordered.sort(Comparator.comparing(DmsFile::path));
    for (int f = 0; f < ordered.size(); f++) {
      List<Change> changes = ordered.get(f).changes();
      for (int r = 0; r < changes.size(); r++) {
        all.add(new Seq(changes.get(r), f, r));
      }
    }
    all.sort(Comparator.comparing((Seq s) -> s.c().ts()).thenComparingInt(Seq::file).thenComparingInt(Seq::row));
    Map<String, String> rows = new TreeMap<>();
    for (Seq s : all) {
      Change c = s.c();
      if (c.op().equals("D")) {
        rows.remove(Long.toString(c.id()));
      } else {
        rows.put(Long.toString(c.id()), c.name() + "|" + c.amt() + "|" + c.dept() + "|" + c.ts() + "|" + c.op());
      }
    }
    return rows;
  }

  /** Rows of an independent reader ({@code IndependentReaders}), in the model's form; fails on a duplicate key. */
  static Map<String, String> fromRows(List<Map<String, String>> rowsRead) {
    Map<String, String> rows = new TreeMap<>();
    for (Map<String, String> r : rowsRead) {
      String value = r.get("NAME") + "|" + r.get("AMT") + "|" + r.get("DEPT") + "|" + r.get("TS") + "|"
          + r.get("_lake_op");
      String previous = rows.put(r.get("ID"), value);
      assertThat(previous).as("duplicate key %s: %s and %s", r.get("ID"), previous, value).isNull();
    }
    return rows;
  }

  /** The table's snapshot through Hudi's reader, in the model's form; fails on a duplicate key. */
  static Map<String, String> read(String base, AwsSettings aws) {
    Map<String, String> rows = new TreeMap<>();
    for (GenericRecord r : HudiTableReader.of(base, aws).withoutMetaColumns().read()) {
      String key = String.valueOf(r.get("ID"));
      String value = r.get("NAME") + "|" + r.get("AMT") + "|" + r.get("DEPT") + "|" + r.get("TS") + "|"
          + r.get("_lake_op");
      String previous = rows.put(key, value);
      assertThat(previous).as("duplicate key %s in %s: %s and %s", key, base, previous, value).isNull();
    }
    return rows;
  }
}

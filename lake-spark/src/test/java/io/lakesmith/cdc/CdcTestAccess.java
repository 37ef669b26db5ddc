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

import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * lake-spark's tests reach lake-cdc's package-private test helpers (its test-jar) through this class: the generated
 * DMS history of the people table, its DMS files, spec and the Java apply, so both engines are compared on the
 * same input.
 */
public final class CdcTestAccess {

  private CdcTestAccess() {}

  /** One DMS file: its path under the DMS root and its lines. */
  public record File(String path, List<String> lines) {}

  /** The files of {@code new DmsHistory(seed, cdcFiles)} in DMS order (full load first). */
  public static List<File> history(long seed, int cdcFiles) {
    return new DmsHistory(seed, cdcFiles).files.stream().map(f -> new File(f.path(), f.lines())).toList();
  }

  /** The history's in-order result: NAME|AMT|DEPT|EXTRA|op by ID. */
  public static Map<String, String> expected(long seed, int cdcFiles) {
    return new DmsHistory(seed, cdcFiles).expected;
  }

  public static void write(Path root, File f) {
    new DmsFixture(root).write(f.path(), f.lines().toArray(new String[0]));
  }

  /** The people table, partitioned by DEPT (rows move between partitions). */
  public static TableSpec partitioned(String base, TableType type) {
    return Specs.partitioned(base, type);
  }

  /** The Java apply of the tests (header present, ordered by the TS column). */
  public static DmsApply javaApply(Path root, TableSpec spec) {
    return Specs.apply(new DmsFixture(root), spec);
  }

  /** Every row's columns including _lake_seq and _lake_op (Hudi's own reader), by ID. */
  public static Map<String, String> values(String base) {
    return ArrivalOrderProperty.values(base);
  }

  /** The model's view of {@link #values}: NAME|AMT|DEPT|EXTRA|op by ID. */
  public static Map<String, String> modelView(Map<String, String> values) {
    Map<String, String> out = new java.util.TreeMap<>();
    values.forEach((id, v) -> {
      String[] p = v.split("\\|", -1);
      out.put(id, String.join("|", p[0], p[1], p[2], p[3], p[4]));
    });
    return out;
  }

  /** Completed commits and delta commits on the table's timeline (table version 6 or 8 layout). */
  public static int commits(String base) {
    java.nio.file.Path hoodie = java.nio.file.Path.of(base, ".hoodie");
    java.nio.file.Path timeline = java.nio.file.Files.isDirectory(hoodie.resolve("timeline")) ? hoodie.resolve("timeline") : hoodie;
    try (var s = java.nio.file.Files.list(timeline)) {
      return (int) s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d+(_\\d+)?\\.(commit|deltacommit)")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

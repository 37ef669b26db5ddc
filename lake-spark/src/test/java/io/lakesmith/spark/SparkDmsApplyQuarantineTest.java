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

package io.lakesmith.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.CdcTestAccess;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows: in QUARANTINE mode the Spark apply sets aside exactly the rows (and the same quarantine entries) the Java
 * apply does and applies the rest alike; in STRICT mode it fails naming the file and line, committing nothing.
 */
class SparkDmsApplyQuarantineTest {

  @TempDir
  Path tmp;

  private Path dms() {
    Path dms = tmp.resolve("dms");
    List<CdcTestAccess.File> files = List.of(
        new CdcTestAccess.File("app/people/LOAD00000001.csv", List.of("ID,NAME,AMT,DEPT,TS",
            "1,ann,1.50,a,2025-01-01 00:00:00.000000",
            "2,bob,not-a-number,b,2025-01-01 00:00:00.000000",
            "3,cid,3.00,c,2025-01-01 00:00:00.000000",
            "x4,dan,4.00,a,2025-01-01 00:00:00.000000")),
        new CdcTestAccess.File("app/people/2025/01/01/20250101-100005000.csv", List.of("Op,ID,NAME,AMT,DEPT,TS",
            "U,1,ann2,1.60,b,2025-01-01 10:00:01.000000",
            "I,5,eve,5.00,c,2025-01-01 10:00:02.000000",
            "U,3,cid2,3.10,c,not a time",
            "D,3,cid,3.00,c,2025-01-01 10:00:03.000000",
            "I,6,fay,1234567890123.00,a,2025-01-01 10:00:04.000000")));
    files.forEach(f -> CdcTestAccess.write(dms, f));
    return dms;
  }

  private static List<String> quarantined(String base) {
    Path folder = Path.of(base, ".lakesmith", "quarantine");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.sorted().toList()) {
        List<String> all = Files.readAllLines(p, StandardCharsets.UTF_8);
        lines.addAll(all.subList(1, all.size())); // without the header
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.sort(null);
    return lines;
  }

  @Test
  void quarantineEqualsTheJavaApplys() {
    Path dms = dms();
    String javaBase = tmp.resolve("java").toString();
    String sparkBase = tmp.resolve("spark").toString();
    ApplyResult j = CdcTestAccess.javaApply(dms, CdcTestAccess.partitioned(javaBase, TableType.COPY_ON_WRITE))
        .mode(ApplyMode.QUARANTINE).execute();
    assertThat(j.succeeded()).as(j.report().toJson()).isTrue();
    ApplyResult s = SparkDmsApplyEquivalenceTest.spark(dms,
        CdcTestAccess.partitioned(sparkBase, TableType.COPY_ON_WRITE)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(s.succeeded()).as(s.report().toJson()).isTrue();

    List<String> javaBad = quarantined(javaBase);
    assertThat(javaBad).hasSize(4);
    assertThat(quarantined(sparkBase)).isEqualTo(javaBad);
    assertThat(CdcTestAccess.values(sparkBase)).isEqualTo(CdcTestAccess.values(javaBase));
  }

  @Test
  void strictModeFailsNamingTheRowAndCommitsNothing() {
    Path dms = dms();
    String sparkBase = tmp.resolve("strict").toString();
    ApplyResult s = SparkDmsApplyEquivalenceTest.spark(dms,
        CdcTestAccess.partitioned(sparkBase, TableType.COPY_ON_WRITE)).mode(ApplyMode.STRICT).execute();
    assertThat(s.succeeded()).isFalse();
    String error = String.join("; ", s.table("app.people").errors());
    assertThat(error).contains("bad row").contains("LOAD00000001.csv").contains("line 3");
    assertThat(CdcTestAccess.commits(sparkBase)).isZero();
  }
}

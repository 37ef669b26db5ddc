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

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.CdcTestAccess;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated DMS history (inserts, updates, deletes, partition moves, timestamp ties, an added column) applied by
 * Spark equals lake-cdc's Java apply of the same files, row for row including {@code _lake_seq}.
 */
class SparkDmsApplyEquivalenceTest {

  private static final long SEED = 20261202L;
  private static final int CDC_FILES = 8;

  @TempDir
  Path tmp;

  static SparkDmsApply spark(Path dms, TableSpec spec) {
    return SparkDmsApply.on(SparkTestSession.get()).from(dms.toString()).table(spec).timestampColumn("TS")
        .csv(io.lakesmith.cdc.CsvOptions.builder().header(io.lakesmith.cdc.HeaderMode.PRESENT).build())
        .distributedThresholdBytes(0);
  }

  @ParameterizedTest
  @EnumSource(TableType.class)
  void sparkApplyEqualsJavaApply(TableType type) {
    Path dms = tmp.resolve("dms");
    List<CdcTestAccess.File> files = CdcTestAccess.history(SEED, CDC_FILES);
    files.forEach(f -> CdcTestAccess.write(dms, f));
    String javaBase = tmp.resolve("java").toString();
    String sparkBase = tmp.resolve("spark").toString();

    ApplyResult j = CdcTestAccess.javaApply(dms, CdcTestAccess.partitioned(javaBase, type)).execute();
    assertThat(j.succeeded()).as(j.report().toJson()).isTrue();
    // small commits: several commit groups, so the checkpoint advances commit by commit
    ApplyResult s = spark(dms, CdcTestAccess.partitioned(sparkBase, type)).maxBytesPerCommit(2500).execute();
    assertThat(s.succeeded()).as(s.report().toJson()).isTrue();
    assertThat(CdcTestAccess.commits(sparkBase)).isGreaterThan(1);

    Map<String, String> javaRows = CdcTestAccess.values(javaBase);
    Map<String, String> sparkRows = CdcTestAccess.values(sparkBase);
    assertThat(sparkRows).isEqualTo(javaRows);
    assertThat(CdcTestAccess.modelView(sparkRows)).isEqualTo(CdcTestAccess.expected(SEED, CDC_FILES));

    // a second run has nothing to apply and commits nothing
    int commits = CdcTestAccess.commits(sparkBase);
    ApplyResult again = spark(dms, CdcTestAccess.partitioned(sparkBase, type)).execute();
    assertThat(again.succeeded()).as(again.report().toJson()).isTrue();
    assertThat(CdcTestAccess.commits(sparkBase)).isEqualTo(commits);
  }
}

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

import io.lakesmith.cdc.ApplyListener;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.CdcTestAccess;
import io.lakesmith.cdc.CommitSummary;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.IndependentReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table passes between the Java apply and the Spark apply (in both directions, also from a Java run that died in the
 * middle of a file) and survives failed Spark jobs: it ends equal to one uninterrupted Java apply of all files, every
 * change applied exactly once.
 */
class SparkDmsApplyAlternationTest {

  private static final long SEED = 77L;
  private static final int CDC_FILES = 9;

  @TempDir
  Path tmp;

  private Path dms;
  private List<CdcTestAccess.File> files;

  private String reference(TableType type) {
    Path all = tmp.resolve("dms-all");
    files.forEach(f -> CdcTestAccess.write(all, f));
    String base = tmp.resolve("reference").toString();
    ApplyResult r = CdcTestAccess.javaApply(all, CdcTestAccess.partitioned(base, type)).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    return base;
  }

  private void deliver(int from, int to) {
    files.subList(from, to).forEach(f -> CdcTestAccess.write(dms, f));
  }

  private ApplyResult java(String base, TableType type, ApplyListener listener, int perCommit) {
    return CdcTestAccess.javaApply(dms, CdcTestAccess.partitioned(base, type)).listener(listener)
        .maxRowsPerCommit(perCommit).execute();
  }

  private ApplyResult spark(String base, TableType type, HudiWriteOptions options) {
    return SparkDmsApplyEquivalenceTest.spark(dms, CdcTestAccess.partitioned(base, type)).maxBytesPerCommit(1500)
        .writeOptions(options).execute();
  }

  @Test
  void javaSparkJavaIsExactlyOnceAndReadableByHudiRs() {
    TableType type = TableType.MERGE_ON_READ;
    files = CdcTestAccess.history(SEED, CDC_FILES);
    dms = tmp.resolve("dms");
    String expected = reference(type);
    String base = tmp.resolve("table").toString();

    // Java applies the full load and 3 CDC files, dying after its second commit: the checkpoint ends inside a file
    deliver(0, 4);
    AtomicInteger commits = new AtomicInteger();
    ApplyListener dieAfterTwo = new ApplyListener() {
      @Override
      public void commitDone(String table, CommitSummary commit) {
        if (commits.incrementAndGet() == 2) {
          throw new IllegalStateException("killed after commit 2");
        }
      }
    };
    assertThat(java(base, type, dieAfterTwo, 5).succeeded()).isFalse();
    // Spark continues inside that file, and applies 3 more
    deliver(4, 7);
    ApplyResult s = spark(base, type, HudiWriteOptions.defaults());
    assertThat(s.succeeded()).as(s.report().toJson()).isTrue();
    // Java continues after Spark
    deliver(7, files.size());
    ApplyResult j = java(base, type, ApplyListener.NONE, 500_000);
    assertThat(j.succeeded()).as(j.report().toJson()).isTrue();
    // and both see nothing left to do
    int n = CdcTestAccess.commits(base);
    assertThat(spark(base, type, HudiWriteOptions.defaults()).succeeded()).isTrue();
    assertThat(java(base, type, ApplyListener.NONE, 500_000).succeeded()).isTrue();
    assertThat(CdcTestAccess.commits(base)).isEqualTo(n);

    Map<String, String> rows = CdcTestAccess.values(base);
    assertThat(rows).isEqualTo(CdcTestAccess.values(expected));

    // a reader that is not Lakesmith's (hudi-rs) sees the same rows, merge-on-read logs and delete blocks included
    Map<String, Map<String, String>> want = new LinkedHashMap<>();
    rows.forEach((id, v) -> {
      String[] p = v.split("\\|", -1);
      Map<String, String> row = new LinkedHashMap<>();
      row.put("ID", id);
      row.put("NAME", p[0]);
      row.put("AMT", p[1]);
      row.put("DEPT", p[2]);
      row.put("EXTRA", p[3].equals("null") ? null : p[3]);
      row.put("_lake_op", p[4]);
      row.put("_lake_seq", p[5]);
      want.put(id, row);
    });
    IndependentReaders.Result read = IndependentReaders.hudiRs()
        .read(List.of(IndependentReaders.Read.snapshot(base))).values().iterator().next();
    assertThat(read.failed()).as("hudi-rs: %s", read.error()).isFalse();
    assertThat(IndependentReaders.differences(want, read.rows(), "ID",
        List.of("ID", "NAME", "AMT", "DEPT", "EXTRA", "_lake_op", "_lake_seq"))).isEmpty();
  }

  @Test
  void failedSparkJobsRerunToTheSameTable() {
    TableType type = TableType.COPY_ON_WRITE;
    files = CdcTestAccess.history(SEED, CDC_FILES);
    dms = tmp.resolve("dms");
    String expected = reference(type);
    String base = tmp.resolve("table").toString();
    deliver(0, 3);
    assertThat(java(base, type, ApplyListener.NONE, 500_000).succeeded()).isTrue();
    deliver(3, files.size());
    List<String> failures = new ArrayList<>();

    // an executor task dies in the middle of the Hudi write job: nothing is committed
    int before = CdcTestAccess.commits(base);
    System.setProperty(FailureHooks.FAIL_IN_WRITE, "2");
    try {
      ApplyResult r = spark(base, type, HudiWriteOptions.defaults());
      assertThat(r.succeeded()).isFalse();
      failures.add(String.join("; ", r.table("app.people").errors()));
    } finally {
      System.clearProperty(FailureHooks.FAIL_IN_WRITE);
    }
    assertThat(CdcTestAccess.commits(base)).isEqualTo(before);

    // the driver fails after the data files are written, before the commit (a pre-commit validator throws)
    HudiWriteOptions failBeforeCommit = HudiWriteOptions.builder()
        .extraOptions(Map.of("hoodie.precommit.validators", FailingPreCommitValidator.class.getName())).build();
    ApplyResult r = spark(base, type, failBeforeCommit);
    assertThat(r.succeeded()).isFalse();
    failures.add(String.join("; ", r.table("app.people").errors()));
    assertThat(CdcTestAccess.commits(base)).isEqualTo(before);
    assertThat(failures.get(0)).contains("test failure injected in a task of the Hudi write");
    assertThat(failures.get(1)).contains("pre-commit validation failed");

    // the re-run rolls back what the failed jobs left and applies the same files once
    ApplyResult ok = spark(base, type, HudiWriteOptions.defaults());
    assertThat(ok.succeeded()).as(ok.report().toJson()).isTrue();
    assertThat(CdcTestAccess.values(base)).isEqualTo(CdcTestAccess.values(expected));
  }
}

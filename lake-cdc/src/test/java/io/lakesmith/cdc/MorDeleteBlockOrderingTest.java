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

import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.common.model.DeleteRecord;
import org.apache.hudi.common.model.HoodieLogFile;
import org.apache.hudi.common.table.log.HoodieLogFormat;
import org.apache.hudi.common.table.log.block.HoodieDeleteBlock;
import org.apache.hudi.common.table.log.block.HoodieLogBlock;
import org.apache.hudi.storage.StoragePath;
import org.apache.hudi.storage.hadoop.HoodieHadoopStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partition moves and key-only deletes on merge-on-read tables: every delete in a log delete block carries the
 * {@code _lake_seq} string as its ordering value (readers such as hudi-rs reject blocks that mix ordering types;
 * Hudi's own partition-move delete carries the integer 0), and no row is duplicated, before and after compaction.
 */
class MorDeleteBlockOrderingTest {

  @TempDir
  Path tmp;

  @Test
  void partitionMoveAndKeyOnlyDeletesWriteStringOrderedDeleteBlocks() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    String base = tmp.resolve("lake/people").toString();
    TableSpec spec = Specs.partitioned(base, TableType.MERGE_ON_READ);
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER,
        "1,a,1.00,sales,2025-01-01 00:00:00.000000", "2,b,2.00,sales,2025-01-01 00:00:00.000000",
        "3,c,3.00,hr,2025-01-01 00:00:00.000000", "4,d,4.00,sales,2025-01-01 00:00:00.000000",
        "5,e,5.00,hr,2025-01-01 00:00:00.000000", "6,f,6.00,hr,2025-01-01 00:00:00.000000");
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    // moves (1, 2: sales -> hr; 5: hr -> sales), key-only deletes (3, 4), an in-place update (6)
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a,1.50,hr,2025-01-01 10:00:00.000000", "U,2,b,2.50,hr,2025-01-01 10:00:01.000000",
        "D,3,,,,2025-01-01 10:00:02.000000", "D,4,,,,2025-01-01 10:00:03.000000",
        "U,5,e,5.50,sales,2025-01-01 10:00:04.000000", "U,6,f,6.50,hr,2025-01-01 10:00:05.000000");
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    // a second move of an already moved row (its old copy now sits in a log file's partition)
    dms.write("app/people/20250101-110000000.csv", Specs.CDC_HEADER, "U,1,a,1.75,it,2025-01-01 11:00:00.000000");
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();

    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID"); // fails on a duplicate key
    assertThat(rows).containsOnlyKeys("1", "2", "5", "6");
    assertThat(s(rows.get("1"), "DEPT")).isEqualTo("it");
    assertThat(s(rows.get("2"), "DEPT")).isEqualTo("hr");
    assertThat(s(rows.get("5"), "DEPT")).isEqualTo("sales");

    List<DeleteRecord> deletes = deleteRecords(Path.of(base));
    assertThat(deletes).extracting(DeleteRecord::getRecordKey).contains("1", "2", "3", "4", "5");
    for (DeleteRecord d : deletes) {
      assertThat(d.getOrderingValue()).as("ordering value of the delete of %s", d.getRecordKey())
          .isInstanceOf(CharSequence.class);
      String seq = d.getOrderingValue().toString();
      GenericRecord live = rows.get(d.getRecordKey());
      if (live != null) {
        // a move: the old copy's delete carries the moved row's sequence (or an older one of an earlier move)
        assertThat(seq).isLessThanOrEqualTo(s(live, "_lake_seq"));
      }
      assertThat(seq).hasSameSizeAs(s(rows.get("6"), "_lake_seq"));
    }

    try (HudiTable table = HudiTables.open(spec, HudiWriteOptions.builder().orderingField("_lake_seq").build(),
        AwsSettings.defaults())) {
      assertThat(table.compact()).isPresent();
    }
    assertThat(DmsFixture.read(base, "ID")).isEqualTo(rows);
  }

  /** Why Lakesmith replaces Hudi's index: Hudi 1.2.0's own partition-move delete carries the integer 0. */
  @Test
  void hudisOwnGlobalIndexWritesIntegerZeroForTheMovedRowsOldCopy() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    String base = tmp.resolve("lake/people-hudi-index").toString();
    TableSpec spec = Specs.partitioned(base, TableType.MERGE_ON_READ);
    // an empty hoodie.index.class falls back to Hudi's plain GLOBAL_SIMPLE index
    HudiWriteOptions hudiIndex = HudiWriteOptions.builder().extraOptions(Map.of("hoodie.index.class", "")).build();
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER,
        "1,a,1.00,sales,2025-01-01 00:00:00.000000", "2,b,2.00,sales,2025-01-01 00:00:00.000000");
    assertThat(Specs.apply(dms, spec).writeOptions(hudiIndex).execute().succeeded()).isTrue();
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a,1.50,hr,2025-01-01 10:00:00.000000", "D,2,,,,2025-01-01 10:00:01.000000");
    assertThat(Specs.apply(dms, spec).writeOptions(hudiIndex).execute().succeeded()).isTrue();
    List<DeleteRecord> deletes = deleteRecords(Path.of(base));
    assertThat(deletes).filteredOn(d -> d.getRecordKey().equals("1"))
        .extracting(DeleteRecord::getOrderingValue).containsExactly(0);
    assertThat(deletes).filteredOn(d -> d.getRecordKey().equals("2"))
        .allSatisfy(d -> assertThat(d.getOrderingValue()).isInstanceOf(CharSequence.class));
  }

  @Test
  void partitionMovesOnCopyOnWriteLeaveNoDuplicates() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    String base = tmp.resolve("lake/people-cow").toString();
    TableSpec spec = Specs.partitioned(base, TableType.COPY_ON_WRITE);
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER,
        "1,a,1.00,sales,2025-01-01 00:00:00.000000", "2,b,2.00,hr,2025-01-01 00:00:00.000000");
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a,1.50,hr,2025-01-01 10:00:00.000000", "D,2,,,,2025-01-01 10:00:01.000000");
    assertThat(Specs.apply(dms, spec).execute().succeeded()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1");
    assertThat(s(rows.get("1"), "DEPT")).isEqualTo("hr");
    assertThat(io.lakesmith.core.table.ColumnType.decimalValue(rows.get("1").get("AMT"),
        rows.get("1").getSchema().getField("AMT").schema())).isEqualByComparingTo("1.50");
  }

  /** Every delete record in the table's log files, read with Hudi's own log reader. */
  static List<DeleteRecord> deleteRecords(Path base) throws IOException {
    List<Path> logs;
    try (Stream<Path> s = Files.walk(base)) {
      logs = s.filter(p -> !p.toString().contains("/.hoodie"))
          .filter(p -> p.getFileName().toString().contains(".log.") && !p.getFileName().toString().endsWith(".crc"))
          .toList();
    }
    assertThat(logs).isNotEmpty();
    HoodieHadoopStorage storage = new HoodieHadoopStorage(base.toUri().toString(), new Configuration());
    List<DeleteRecord> out = new ArrayList<>();
    for (Path log : logs) {
      HoodieLogFile file = new HoodieLogFile(new StoragePath(log.toUri().toString()));
      try (HoodieLogFormat.Reader reader = HoodieLogFormat.newReader(storage, file, null)) {
        while (reader.hasNext()) {
          HoodieLogBlock block = reader.next();
          if (block instanceof HoodieDeleteBlock) {
            out.addAll(List.of(((HoodieDeleteBlock) block).getRecordsToDelete()));
          }
        }
      }
    }
    return out;
  }
}

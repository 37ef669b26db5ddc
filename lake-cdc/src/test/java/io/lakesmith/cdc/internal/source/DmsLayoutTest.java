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

import static io.lakesmith.cdc.internal.source.DmsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DmsLayoutTest extends LocalStoreTest {
  private static final DmsTableId EMP = DmsTableId.of("hr", "employees");


  private List<String> relativePaths(List<DmsFile> files) {
    return files.stream().map(DmsFile::relativePath).toList();
  }

  @Test
  void hexLoadCountersOrderBeyondNineAndBeyond0x10() {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 0x21; i++) {
      expected.add(String.format("LOAD%08X.csv", i));
    }
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(n -> write(store, root, "hr/employees/" + n, "1,a\n"));

    List<DmsFile> files = DmsLayout.scan(store, root).files(EMP);

    assertThat(relativePaths(files)).containsExactlyElementsOf(expected);
    assertThat(relativePaths(files)).containsSubsequence("LOAD00000009.csv", "LOAD0000000A.csv", "LOAD0000000F.csv",
        "LOAD00000010.csv", "LOAD0000001F.csv", "LOAD00000020.csv");
    assertThat(files).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(DmsFile.Kind.FULL_LOAD);
      assertThat(f.format()).isEqualTo(DmsFile.Format.CSV);
      assertThat(f.table()).contains(EMP);
      assertThat(f.ordinal()).hasSize(42).matches("0\\.\\d{23}\\.[0-9a-f]{16}");
    });
    assertThat(files.get(0x0F).ordinal()).startsWith("0.00000000000000000000016."); // LOAD00000010 = 16
  }

  @Test
  void segmentPrefixesAndPartitionFoldersAreFullLoadSegments() {
    write(store, root, "hr/employees/SEGMENT1_LOAD00000001.csv", "1\n");
    write(store, root, "hr/employees/SEGMENT1_LOAD00000002.csv", "2\n");
    write(store, root, "hr/employees/SEGMENT2_LOAD00000009.csv", "9\n");
    write(store, root, "hr/employees/SEGMENT3_LOAD0000000A.csv", "10\n");
    write(store, root, "hr/employees/custom_segment1/LOAD00000001.csv", "1\n");
    write(store, root, "hr/employees/custom_segment2/LOAD00000001.csv.gz", "not read here");
    write(store, root, "hr/employees/custom_segment2/SEGMENT4_LOAD00000003.parquet", "not read here");
    write(store, root, "hr/employees/20250101-000000000.csv", "I,1\n");

    DmsListing listing = DmsLayout.scan(store, root);
    List<DmsFile> files = listing.files(EMP);

    assertThat(listing.unrecognized()).isEmpty();
    assertThat(files).hasSize(8);
    assertThat(files.subList(0, 7)).allSatisfy(f -> assertThat(f.kind()).isEqualTo(DmsFile.Kind.FULL_LOAD));
    assertThat(files.get(7).kind()).isEqualTo(DmsFile.Kind.CDC);
    assertThat(files).extracting(f -> f.segment().orElse(null)).containsExactlyInAnyOrder("SEGMENT1", "SEGMENT1",
        "SEGMENT2", "SEGMENT3", "custom_segment1", "custom_segment2", "custom_segment2/SEGMENT4", null);
    // counter order first; the two LOAD00000001 of different partitions both come before LOAD00000002
    assertThat(relativePaths(files.subList(0, 3))).containsExactlyInAnyOrder("SEGMENT1_LOAD00000001.csv",
        "custom_segment1/LOAD00000001.csv", "custom_segment2/LOAD00000001.csv.gz");
    assertThat(relativePaths(files.subList(3, 7))).containsExactly("SEGMENT1_LOAD00000002.csv",
        "custom_segment2/SEGMENT4_LOAD00000003.parquet", "SEGMENT2_LOAD00000009.csv", "SEGMENT3_LOAD0000000A.csv");
    DmsFile gz = files.stream().filter(f -> f.name().endsWith(".gz")).findFirst().orElseThrow();
    assertThat(gz.gzip()).isTrue();
    assertThat(gz.format()).isEqualTo(DmsFile.Format.CSV);
    assertThat(files.stream().map(DmsFile::ordinal).distinct()).hasSize(8);
  }

  static Stream<Arguments> datePartitionFolders() {
    // 2025-03-07, hour 13, in every DatePartitionSequence x DatePartitionDelimiter
    String[][] fields = {
        {"YYYYMMDD", "2025", "03", "07"}, {"YYYYMMDDHH", "2025", "03", "07", "13"}, {"YYYYMM", "2025", "03"},
        {"MMYYYYDD", "03", "2025", "07"}, {"DDMMYYYY", "07", "03", "2025"}};
    String[][] delimiters = {{"SLASH", "/"}, {"DASH", "-"}, {"UNDERSCORE", "_"}, {"NONE", ""}};
    List<Arguments> args = new ArrayList<>();
    for (String[] f : fields) {
      for (String[] d : delimiters) {
        args.add(Arguments.of(f[0], d[0], String.join(d[1], List.of(f).subList(1, f.length))));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("datePartitionFolders")
  void cdcFilesUnderEveryDatePartitionSequenceAndDelimiter(String sequence, String delimiter, String folders) {
    write(store, root, "hr/employees/" + folders + "/20250307-130102345.csv", "I,1\n");
    write(store, root, "hr/employees/" + folders + "/20250307-130102344.csv.gz", "I,1\n");

    DmsListing listing = DmsLayout.scan(store, root);

    assertThat(listing.unrecognized()).isEmpty();
    assertThat(listing.files(EMP)).extracting(DmsFile::name)
        .containsExactly("20250307-130102344.csv.gz", "20250307-130102345.csv");
    assertThat(listing.files(EMP)).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(DmsFile.Kind.CDC);
      assertThat(f.datePartition()).contains(folders);
    });
  }

  @Test
  void fullLoadFilesUnderDateFoldersAreRecognized() {
    write(store, root, "hr/employees/2025/03/07/LOAD00000002.csv", "");
    write(store, root, "hr/employees/2025/03/07/LOAD00000001.csv", "");
    write(store, root, "hr/employees/2025/03/07/20250307-130102345.csv", "");

    List<DmsFile> files = DmsLayout.scan(store, root).files(EMP);

    assertThat(files).extracting(DmsFile::name).containsExactly("LOAD00000001.csv", "LOAD00000002.csv",
        "20250307-130102345.csv");
    assertThat(files.get(0).datePartition()).contains("2025/03/07");
    assertThat(files.get(0).segment()).isEmpty();
  }

  @Test
  void foldersThatAreNotDatePartitionsAreReported() {
    write(store, root, "hr/employees/2025/13/07/20250307-130102345.csv", "");
    write(store, root, "hr/employees/2025-02-30/20250307-130102345.csv", "");
    write(store, root, "hr/employees/2025/03/07/25/20250307-130102345.csv", "");
    write(store, root, "hr/employees/archive/20250307-130102345.csv", "");

    DmsListing listing = DmsLayout.scan(store, root);

    assertThat(listing.files(EMP)).isEmpty();
    assertThat(listing.unrecognized()).hasSize(4)
        .allSatisfy(u -> assertThat(u.reason()).contains("not a DMS date-partition folder"));
  }

  @Test
  void cdcFilesOrderByNameTimestampAcrossDateFolders() {
    // Folder names sort differently from time (DDMMYYYY, mixed layouts, no folder); the name decides.
    write(store, root, "hr/employees/02/01/2025/20250102-000000001.csv", "");
    write(store, root, "hr/employees/31/12/2024/20241231-235959999999.csv", "");
    write(store, root, "hr/employees/01/01/2025/20250101-1200001.csv", "");  // 12:00:00.1
    write(store, root, "hr/employees/20250101-120000.csv", "");               // 12:00:00 (no fraction)
    write(store, root, "hr/employees/2025/01/01/20250101-120000099.csv", ""); // 12:00:00.099
    write(store, root, "hr/employees/20141029-1134010000.csv", "");           // the DMS docs' example
    write(store, root, "hr/employees/LOAD00000002.csv", "");

    List<DmsFile> files = DmsLayout.scan(store, root).files(EMP);

    assertThat(files).extracting(DmsFile::name).containsExactly("LOAD00000002.csv", "20141029-1134010000.csv",
        "20241231-235959999999.csv", "20250101-120000.csv", "20250101-120000099.csv", "20250101-1200001.csv",
        "20250102-000000001.csv");
    assertThat(files.get(5).ordinal()).startsWith("1.20250101120000100000000.");
  }

  @Test
  void cdcTxnFilesAreFoundInTheirCdcPathAndOrderedByTime() {
    write(store, root, "changes/txn/CDC_TXN-20201117153046033.csv", "");
    write(store, root, "changes/txn/CDC_TXN-2020111715304601.csv", "");
    write(store, root, "changes/txn/CDC_TXN-20201117153047.csv.gz", "");
    write(store, root, "hr/employees/LOAD00000001.csv", "");

    DmsListing listing = DmsLayout.scan(store, root);

    assertThat(listing.transactionFiles()).extracting(DmsFile::name).containsExactly(
        "CDC_TXN-2020111715304601.csv", "CDC_TXN-20201117153046033.csv", "CDC_TXN-20201117153047.csv.gz");
    assertThat(listing.transactionFiles()).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(DmsFile.Kind.CDC_TXN);
      assertThat(f.table()).isEmpty();
      assertThat(f.relativePath()).startsWith("changes/txn/");
    });
    assertThat(listing.tables()).containsOnlyKeys(EMP);
    assertThat(listing.unrecognized()).isEmpty();
  }

  @Test
  void unknownObjectsAreReportedAndSidecarsStayHidden() {
    write(store, root, "hr/employees/LOAD00000001.csv", "1\n");
    store.put(DmsFixtures.key(root, "hr/employees/LOAD00000002.csv"), "2\n".getBytes(), Map.of("owner", "dms"));
    write(store, root, "README.md", "");
    write(store, root, "hr/notes.txt", "");
    write(store, root, "hr/employees/notes.txt", "");
    write(store, root, "hr/employees/LOAD0000000G.csv", "");
    write(store, root, "hr/employees/LOAD00000003.json", "");
    write(store, root, "hr/employees/a/b/LOAD00000004.csv", "");
    write(store, root, "hr/employees/20251301-120000.csv", "");
    write(store, root, "cdc/CDC_TXN-20251301120000.csv", "");

    DmsListing listing = DmsLayout.scan(store, root);

    assertThat(relativePaths(listing.files(EMP))).containsExactly("LOAD00000001.csv", "LOAD00000002.csv");
    assertThat(listing.unrecognized()).extracting(UnrecognizedObject::key).containsExactly(
        DmsFixtures.key(root, "README.md"), DmsFixtures.key(root, "cdc/CDC_TXN-20251301120000.csv"),
        DmsFixtures.key(root, "hr/employees/20251301-120000.csv"),
        DmsFixtures.key(root, "hr/employees/LOAD00000003.json"), DmsFixtures.key(root, "hr/employees/LOAD0000000G.csv"),
        DmsFixtures.key(root, "hr/employees/a/b/LOAD00000004.csv"), DmsFixtures.key(root, "hr/employees/notes.txt"),
        DmsFixtures.key(root, "hr/notes.txt"));
    assertThat(listing.unrecognized()).extracting(UnrecognizedObject::reason).allSatisfy(r -> assertThat(r).isNotBlank());
  }

  @Test
  void keysWithDotSegmentsAreNotDmsFilesAndTableFoldersMatchIgnoringCase() {
    io.lakesmith.core.storage.ObjectInfo dots = io.lakesmith.core.storage.ObjectInfo.listed(
        DmsFixtures.key(root, "hr/../employees/LOAD00000001.csv"), 3, null);
    assertThat(DmsLayout.classify(root, dots)).isEmpty();
    write(store, root, "HR/EMPLOYEES/LOAD00000001.csv", "1\n");
    write(store, root, "HR/EMPLOYEES/LOAD00000002.CSV", "2\n");
    write(store, root, "hr/jobs/LOAD00000001.csv", "1\n");

    DmsListing listing = DmsLayout.scan(store, root);

    assertThat(listing.tablesMatching(EMP)).containsExactly(DmsTableId.of("HR", "EMPLOYEES"));
    assertThat(listing.unrecognizedIn(EMP)).extracting(UnrecognizedObject::key)
        .containsExactly(DmsFixtures.key(root, "HR/EMPLOYEES/LOAD00000002.CSV"));
    assertThat(listing.unrecognizedIn(DmsTableId.of("hr", "jobs"))).isEmpty();
  }

  @Test
  void listingIsImmutableDeterministicAndScopedPerTable() {
    write(store, root, "hr/employees/LOAD00000001.csv", "1\n");
    write(store, root, "hr/employees/20250101-120000.csv", "I,1\n");
    write(store, root, "hr/departments/LOAD00000001.parquet", "x");
    write(store, root, "hr/employees_old/LOAD00000001.csv", "1\n");

    DmsListing first = DmsLayout.scan(store, root);
    DmsListing second = DmsLayout.scan(store, root);

    assertThat(first).isEqualTo(second);
    assertThat(first.tables()).containsOnlyKeys(EMP, DmsTableId.of("hr", "departments"),
        DmsTableId.of("hr", "employees_old"));
    assertThatThrownBy(() -> first.files(EMP).add(first.files(EMP).get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.tables().clear()).isInstanceOf(UnsupportedOperationException.class);

    DmsListing one = DmsLayout.scanTable(store, root, EMP);
    assertThat(one.tables()).containsOnlyKeys(EMP);
    assertThat(one.files(EMP)).isEqualTo(first.files(EMP));
    assertThat(DmsLayout.scan(store, root.resolve("nothing-here")).tables()).isEmpty();
  }
}

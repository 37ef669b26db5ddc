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

import io.lakesmith.cdc.internal.source.LocalStoreTest;
import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static io.lakesmith.cdc.internal.source.DmsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.cdc.internal.source.read.ExpectedColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangeSequencerTest extends LocalStoreTest {
  private static final DmsTableId T = DmsTableId.of("app", "orders");
  private static final DmsFormat HEADER = DmsFormat.builder()
      .csv(CsvOptions.builder().header(HeaderMode.PRESENT).build()).build();


  /** Every row of the table, files in discovery order. */
  private List<DmsRow> tableRows() {
    DmsListing listing = DmsLayout.scan(store, root);
    List<DmsRow> rows = new ArrayList<>();
    for (DmsFile f : listing.files(T)) {
      rows.addAll(readAll(store, f, HEADER, ExpectedColumns.none()));
    }
    return rows;
  }

  /** The value of column ID of rows in sequence order. */
  private static List<String> idsInSequenceOrder(List<DmsRow> rows, ChangeSequencer seq) {
    Map<String, DmsRow> bySeq = rows.stream().collect(Collectors.toMap(seq::sequence, Function.identity()));
    assertThat(bySeq).hasSameSizeAs(rows); // no two rows share a sequence
    return bySeq.keySet().stream().sorted().map(s -> (String) bySeq.get(s).value("ID")).toList();
  }

  @Test
  void sequencesHaveTheDocumentedFixedWidthFormat() {
    write(store, root, "app/orders/LOAD00000001.csv", "ID\nL1\n");
    write(store, root, "app/orders/20250101-120000123.csv", "Op,ID,AR_H_CHANGE_SEQ\nI,C1,20250101120000120000000000000000042\n");
    List<DmsRow> rows = tableRows();
    ChangeSequencer seq = ChangeSequencer.builder().build();

    String load = seq.sequence(rows.get(0));
    String change = seq.sequence(rows.get(1));

    assertThat(ChangeSequencer.LENGTH).isEqualTo(93);
    assertThat(List.of(load, change)).allSatisfy(s -> assertThat(s).hasSize(ChangeSequencer.LENGTH)
        .matches("[01]\\.\\d{35}\\.[01]\\.\\d{23}\\.[0-9a-f]{16}\\.\\d{12}"));
    assertThat(load).isEqualTo("0." + "0".repeat(35) + "." + rows.get(0).file().ordinal() + ".000000000002");
    assertThat(change).isEqualTo("1.20250101120000120000000000000000042." + rows.get(1).file().ordinal()
        + ".000000000002");
    assertThat(seq.sequence(rows.get(1))).isEqualTo(change); // deterministic
  }

  @Test
  void changeSeqOrdersChangesBeforeFileOrder() {
    write(store, root, "app/orders/20250101-120000000.csv",
        "Op,ID,AR_H_CHANGE_SEQ\nI,b,20250101120000000000000000000000002\nU,d,20250101120000000000000000000000004\n");
    write(store, root, "app/orders/20250101-120100000.csv",
        "Op,ID,AR_H_CHANGE_SEQ\nI,a,20250101120000000000000000000000001\nU,c,20250101120000000000000000000000003\n");

    List<String> ids = idsInSequenceOrder(tableRows(), ChangeSequencer.builder()
        .strategy(ChangeSequencer.Strategy.CHANGE_SEQ).build());

    assertThat(ids).containsExactly("a", "b", "c", "d");
  }

  @Test
  void timestampTiesAreBrokenByFileThenRow() {
    // DMS timestamps of the source's precision: equal values across and within files
    write(store, root, "app/orders/2025/01/01/20250101-120000000.csv", "Op,ID,TS\n"
        + "I,a2,2025-01-01 10:00:00.000000\n"
        + "U,a3,2025-01-01 10:00:00.000000\n"
        + "I,a1,2025-01-01 09:00:00\n");
    write(store, root, "app/orders/2025/01/01/20250101-120100000.csv", "Op,ID,TS\n"
        + "U,b2,2025-01-01 10:00:00.000000\n"
        + "I,b0,2025-01-01 08:00:00.000001\n"
        + "D,b3,2025-01-01 10:00:00.0000001\n");
    ChangeSequencer seq = ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.TIMESTAMP)
        .timestampColumn("TS").build();

    assertThat(idsInSequenceOrder(tableRows(), seq)).containsExactly("b0", "a1", "a2", "a3", "b2", "b3");
  }

  @Test
  void fullLoadSortsBeforeEveryChangeWhateverItsTimestamp() {
    // full-load transfer time (2030) is later than the CDC commit times (2020)
    write(store, root, "app/orders/LOAD00000002.csv", "ID,TS\nL3,2030-01-01 00:00:00.000000\n");
    write(store, root, "app/orders/LOAD00000001.csv", "ID,TS\nL1,2030-01-01 00:00:01.000000\nL2,2030-01-01 00:00:00.000000\n");
    write(store, root, "app/orders/20200101-000000000.csv", "Op,ID,TS\nU,C1,2020-01-01 00:00:00.000000\n");
    ChangeSequencer seq = ChangeSequencer.builder().timestampColumn("TS").build();

    assertThat(idsInSequenceOrder(tableRows(), seq)).containsExactly("L1", "L2", "L3", "C1");
  }

  @Test
  void fileOrderStrategyUsesFileOrdinalAndLine() {
    write(store, root, "app/orders/20250102-000000000.csv", "Op,ID\nI,c\nU,d\n");
    write(store, root, "app/orders/20250101-000000000.csv", "Op,ID\nI,a\nU,b\n");
    write(store, root, "app/orders/LOAD00000001.csv", "ID\n0\n");

    assertThat(idsInSequenceOrder(tableRows(), ChangeSequencer.builder().build())).containsExactly("0", "a", "b", "c", "d");
  }

  @Test
  void autoPicksChangeSeqThenTimestampThenFileOrderPerFileAndLaterStrategiesSortLater() {
    write(store, root, "app/orders/20250101-000000000.csv", "Op,ID\nI,a\n");
    write(store, root, "app/orders/20250102-000000000.csv", "Op,ID,TS\nI,b,2024-12-31 00:00:00\n");
    write(store, root, "app/orders/20250103-000000000.csv", "Op,ID,TS,SEQ\nI,c,2024-12-30 00:00:00,20241229000000000000000000000000001\n");
    ChangeSequencer auto = ChangeSequencer.builder().timestampColumn("TS").changeSeqColumn("SEQ").build();
    List<DmsRow> rows = tableRows();

    assertThat(auto.sequence(rows.get(0))).startsWith("1." + "0".repeat(35));
    assertThat(auto.sequence(rows.get(1))).startsWith("1.00000000000020241231000000000000000.");
    assertThat(auto.sequence(rows.get(2))).startsWith("1.20241229000000000000000000000000001.");
    assertThat(rows.stream().map(auto::sequence).sorted().toList())
        .isEqualTo(rows.stream().map(auto::sequence).toList());
    assertThat(auto.strategy()).isEqualTo(ChangeSequencer.Strategy.AUTO);
  }

  @Test
  void changeFilesAndTransactionFilesShareOneTimeline() {
    write(store, root, "app/orders/20250101-120000000.csv", "Op,ID\nI,a\n");
    write(store, root, "app/orders/20250101-120200000.csv", "Op,ID\nU,c\n");
    write(store, root, "cdc/CDC_TXN-20250101120100000.csv", "U,orders,app,b\nI,other,app,x\n");
    DmsListing listing = DmsLayout.scan(store, root);
    List<DmsRow> rows = new ArrayList<>(tableRows());
    rows.addAll(readAll(store, listing.transactionFiles().get(0), HEADER.toBuilder().csv(CsvOptions.defaults()).build(),
        ExpectedColumns.of(Map.of(T, List.of("ID")))));
    rows.removeIf(r -> r.error().isPresent());

    ChangeSequencer seq = ChangeSequencer.builder().build();

    assertThat(rows.stream().sorted(Comparator.comparing(seq::sequence)).map(r -> (String) r.value("ID")))
        .containsExactly("a", "b", "c");
  }

  @Test
  void missingNullOrMalformedSequenceValuesAreRowErrors() {
    write(store, root, "app/orders/20250101-120000000.csv", "Op,ID,AR_H_CHANGE_SEQ,TS\n"
        + "I,a,,2025-01-01 00:00:00\n"
        + "I,b,12x,not a time\n"
        + "I,c,123456789012345678901234567890123456,2025-01-01 00:00:00\n");
    write(store, root, "app/orders/20250101-120100000.csv", "Op,ID\nI,d\nI,e,extra\n");
    List<DmsRow> rows = tableRows();
    ChangeSequencer bySeq = ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.CHANGE_SEQ).build();
    ChangeSequencer byTs = ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.TIMESTAMP)
        .timestampColumn("TS").build();

    RowError nullSeq = catchThrowableOfType(DmsRowException.class, () -> bySeq.sequence(rows.get(0))).error();
    assertThat(nullSeq.kind()).isEqualTo(RowError.Kind.SEQUENCE);
    assertThat(nullSeq.column()).contains("AR_H_CHANGE_SEQ");
    assertThat(nullSeq.fieldNumber()).hasValue(3);
    assertThat(nullSeq.line()).isEqualTo(2);
    assertThat(nullSeq.fileKey()).isEqualTo(rows.get(0).fileKey());
    assertThat(catchThrowableOfType(DmsRowException.class, () -> bySeq.sequence(rows.get(1))).error().reason())
        .contains("1 to 35 digits");
    assertThat(catchThrowableOfType(DmsRowException.class, () -> bySeq.sequence(rows.get(2))).error().reason())
        .contains("1 to 35 digits");
    assertThat(catchThrowableOfType(DmsRowException.class, () -> byTs.sequence(rows.get(1))).error().column())
        .contains("TS");
    assertThat(catchThrowableOfType(DmsRowException.class, () -> bySeq.sequence(rows.get(3))).error().reason())
        .contains("needs column AR_H_CHANGE_SEQ");
    assertThat(catchThrowableOfType(DmsRowException.class, () -> bySeq.sequence(rows.get(4))).error().kind())
        .isEqualTo(RowError.Kind.COLUMN_COUNT);
    assertThatThrownBy(() -> ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.TIMESTAMP).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}

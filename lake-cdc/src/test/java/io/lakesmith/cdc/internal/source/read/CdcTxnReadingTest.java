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

package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.RowError;
import io.lakesmith.cdc.internal.source.LocalStoreTest;
import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static io.lakesmith.cdc.internal.source.DmsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CdcTxnReadingTest extends LocalStoreTest {
  private static final DmsTableId NAMES_A = DmsTableId.of("rdsTempsdb", "Names_03cdcad11a");
  private static final DmsTableId NAMES_B = DmsTableId.of("rdsTempsdb", "Names_6d152ce62d");

  DmsFile txn;

  @BeforeEach
  void setUp() {
    // the transaction file example of the DMS user guide, plus a multi-line value and bad rows
    write(store, root, "cdc/CDC_TXN-20201117153046033.csv", "I,Names_03cdcad11a,rdsTempsdb,13,Daniel\n"
        + "U,Names_03cdcad11a,rdsTempsdb,23,Kathy\n"
        + "D,Names_03cdcad11a,rdsTempsdb,13,Cathy\n"
        + "I,Names_6d152ce62d,rdsTempsdb,15,\"Jane\nDoe\"\n"
        + "I,Names_6d152ce62d,rdsTempsdb,24,Chris\n"
        + "I,Names_03cdcad11a,rdsTempsdb,16,Mike\n"
        + "I,Unmapped,rdsTempsdb,1,x\n"
        + "I,Names_03cdcad11a\n"
        + "U,Names_6d152ce62d,rdsTempsdb,25\n");
    DmsListing listing = DmsLayout.scan(store, root);
    txn = listing.transactionFiles().get(0);
  }

  @Test
  void rowsAreRoutedToTheirTablesInTransactionOrder() {
    TableSpec a = TableSpec.builder().database("rdsTempsdb").table("Names_03cdcad11a").recordKey("id")
        .column("id", ColumnType.INT).column("name", ColumnType.STRING).basePath("/tmp/a").build();
    ExpectedColumns columns = table -> table.equals(NAMES_B) ? Optional.of(List.of("Op", "ID", "FIRST"))
        : ExpectedColumns.fromSpecs(List.of(a)).columns(table);

    List<DmsRow> rows = readAll(store, txn, DmsFormat.defaults(), columns);

    assertThat(rows).extracting(DmsRow::line, DmsRow::table, DmsRow::op).containsExactly(
        tuple(1L, NAMES_A, DmsOp.INSERT), tuple(2L, NAMES_A, DmsOp.UPDATE), tuple(3L, NAMES_A, DmsOp.DELETE),
        tuple(4L, NAMES_B, DmsOp.INSERT), tuple(6L, NAMES_B, DmsOp.INSERT), tuple(7L, NAMES_A, DmsOp.INSERT),
        tuple(8L, DmsTableId.of("rdsTempsdb", "Unmapped"), DmsOp.INSERT), tuple(9L, null, DmsOp.INSERT),
        tuple(10L, NAMES_B, DmsOp.UPDATE));
    assertThat(rows.get(0).columns().names()).containsExactly("id", "name");
    assertThat(rows.get(0).values()).containsExactly("13", "Daniel");
    assertThat(rows.get(3).columns().names()).containsExactly("ID", "FIRST");
    assertThat(rows.get(3).values()).containsExactly("15", "Jane\nDoe");
    assertThat(rows.get(3).columns().fieldNumber(1)).isEqualTo(5); // after operation, table_name, schema
    assertThat(rows.subList(0, 6)).allSatisfy(r -> assertThat(r.error()).isEmpty());
    assertThat(rows.get(6).error()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(RowError.Kind.UNKNOWN_TABLE));
    assertThat(rows.get(7).error()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(RowError.Kind.UNKNOWN_TABLE));
    assertThat(rows.get(8).error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(RowError.Kind.COLUMN_COUNT);
      assertThat(e.line()).isEqualTo(10);
    });
  }

  @Test
  void aTableReaderReturnsOnlyThatTablesRows() {
    List<DmsRow> a = new ArrayList<>();
    try (DmsRowReader r = DmsReaders.openTable(store, txn, DmsFormat.defaults(), NAMES_A, List.of("ID", "NAME"))) {
      r.forEachRemaining(a::add);
    }
    List<DmsRow> b = new ArrayList<>();
    try (DmsRowReader r = DmsReaders.openTable(store, txn, DmsFormat.defaults(), NAMES_B, List.of("ID", "NAME"))) {
      r.forEachRemaining(b::add);
    }

    // the row without schema cannot be attributed: every table reader returns it, as an error row
    assertThat(a).extracting(DmsRow::line).containsExactly(1L, 2L, 3L, 7L, 9L);
    assertThat(a.subList(0, 4)).allSatisfy(r -> {
      assertThat(r.table()).isEqualTo(NAMES_A);
      assertThat(r.error()).isEmpty();
    });
    assertThat(a.get(3).values()).containsExactly("16", "Mike");
    assertThat(b).extracting(DmsRow::line).containsExactly(4L, 6L, 9L, 10L);
    assertThat(b.get(1).value("NAME")).isEqualTo("Chris");
    assertThat(ExpectedColumns.of(Map.of(NAMES_A, List.of("x"))).columns(NAMES_B)).isEmpty();
  }
}

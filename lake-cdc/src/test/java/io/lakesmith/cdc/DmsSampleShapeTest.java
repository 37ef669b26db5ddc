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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsListing;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.convert.ConvertedRow;
import io.lakesmith.cdc.internal.source.convert.RowConverter;
import io.lakesmith.cdc.internal.source.read.DmsOp;
import io.lakesmith.cdc.internal.source.read.DmsReaders;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowReader;
import io.lakesmith.cdc.internal.source.read.ExpectedColumns;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over a fixture in the exact shape of the public DMS sample output (Oracle HR.EMPLOYEES with
 * {@code AddColumnName=true}: {@code LOAD00000001.csv} and {@code 20190118-184518184.csv}).
 */
class DmsSampleShapeTest {
  private static final DmsTableId EMPLOYEES = DmsTableId.of("HR", "EMPLOYEES");

  @TempDir
  Path dir;

  @Test
  void sampleShapedOutputAppliesInSequenceOrder() throws Exception {
    StorageLocation root = StorageLocation.local(dir.resolve("dms-bucket-folder"));
    Path fixture = Paths.get(getClass().getResource("/dms-sample").toURI());
    TableSpec spec = TableSpec.builder().database("HR").table("EMPLOYEES").recordKey("EMPLOYEE_ID")
        .column("EMPLOYEE_ID", ColumnType.LONG).column("FIRST_NAME", ColumnType.STRING)
        .column("LAST_NAME", ColumnType.STRING).column("EMAIL", ColumnType.STRING)
        .column("PHONE_NUMBER", ColumnType.STRING).column("HIRE_DATE", ColumnType.DATE)
        .column("JOB_ID", ColumnType.STRING).column("SALARY", ColumnType.decimal(8, 2))
        .column("COMMISSION_PCT", ColumnType.decimal(2, 2)).column("MANAGER_ID", ColumnType.LONG)
        .column("DEPARTMENT_ID", ColumnType.INT).basePath(dir.resolve("hudi").toString()).build();
    DmsFormat format = DmsFormat.builder().csv(CsvOptions.builder().header(HeaderMode.PRESENT).build()).build();

    try (ObjectStore store = ObjectStores.local()) {
      try (Stream<Path> files = Files.walk(fixture)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          store.put(root.resolve(fixture.relativize(p).toString()).key(), p, Map.of());
        }
      }
      DmsListing listing = DmsLayout.scan(store, root);
      assertThat(listing.unrecognized()).isEmpty();
      assertThat(listing.tables()).containsOnlyKeys(EMPLOYEES);
      assertThat(listing.files(EMPLOYEES)).extracting(DmsFile::name, DmsFile::kind).containsExactly(
          tuple("LOAD00000001.csv", DmsFile.Kind.FULL_LOAD),
          tuple("20190118-184518184.csv", DmsFile.Kind.CDC));

      RowConverter converter = RowConverter.forSpec(spec);
      ChangeSequencer sequencer = ChangeSequencer.builder().build();
      TreeMap<String, ConvertedRow> changes = new TreeMap<>();
      List<DmsRow> all = new ArrayList<>();
      for (DmsFile f : listing.files(EMPLOYEES)) {
        try (DmsRowReader r = DmsReaders.open(store, f, format, ExpectedColumns.fromSpecs(List.of(spec)))) {
          while (r.hasNext()) {
            DmsRow row = r.next();
            all.add(row);
            changes.put(sequencer.sequence(row), converter.convert(row));
          }
        }
      }
      assertThat(all).hasSize(19).allSatisfy(r -> assertThat(r.error()).isEmpty());
      assertThat(all.get(0).line()).isEqualTo(2);
      assertThat(all.get(12).op()).isEqualTo(DmsOp.UPDATE);
      assertThat(converter.missingColumns(all.get(12).columns())).isEmpty();

      // apply in sequence order, last writer wins, deletes remove
      Map<Long, GenericData.Record> table = new TreeMap<>();
      for (ConvertedRow c : changes.values()) {
        long key = (Long) c.record().get("EMPLOYEE_ID");
        if (c.op() == DmsOp.DELETE) {
          table.remove(key);
        } else {
          table.put(key, c.record());
        }
      }
      assertThat(table.keySet()).containsExactly(100L, 101L, 102L, 103L, 104L, 106L, 107L, 108L, 109L, 110L, 111L, 112L);
      GenericData.Record president = table.get(100L);
      assertThat(president.get("MANAGER_ID")).isNull();
      assertThat(president.get("COMMISSION_PCT")).isNull();
      assertThat(president.get("HIRE_DATE")).isEqualTo((int) LocalDate.of(2001, 3, 12).toEpochDay());
      assertThat(decimal(president, "SALARY")).isEqualTo(new BigDecimal("25500.00"));
      assertThat(table.get(101L).get("LAST_NAME")).isEqualTo("Okafor-Reyes");
      assertThat(decimal(table.get(101L), "SALARY")).isEqualTo(new BigDecimal("19000.00")); // second update wins
      assertThat(decimal(table.get(104L), "SALARY")).isEqualTo(new BigDecimal("6600.00"));
      assertThat(decimal(table.get(112L), "SALARY")).isEqualTo(new BigDecimal("3050.00")); // insert then update
      assertThat(decimal(table.get(110L), "COMMISSION_PCT")).isEqualTo(new BigDecimal("0.20"));
      assertThat(table.get(110L).get("DEPARTMENT_ID")).isEqualTo(80); // was NULL in the full load
    }
  }

  private static BigDecimal decimal(GenericData.Record r, String field) {
    Schema s = ColumnType.nonNull(r.getSchema().getField(field).schema());
    return ColumnType.decimalValue(r.get(field), s);
  }
}

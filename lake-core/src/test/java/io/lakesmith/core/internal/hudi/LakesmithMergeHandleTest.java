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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.HudiWriteOptions;
import static io.lakesmith.core.internal.hudi.HudiTestTables.contents;
import static io.lakesmith.core.internal.hudi.HudiTestTables.delete;
import static io.lakesmith.core.internal.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.util.Utf8;
import org.apache.hudi.common.model.HoodieAvroIndexedRecord;
import org.apache.hudi.common.model.HoodieKey;
import org.apache.hudi.common.table.read.BufferedRecord;
import org.apache.hudi.common.util.ObjectSizeCalculator;
import org.apache.hudi.config.HoodieWriteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lakesmith's merge handle: Hudi's merge with value-based record sizes, on copy-on-write upserts and compaction. */
class LakesmithMergeHandleTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();
  // without Hudi's fallback to its own handle, a handle Hudi cannot construct fails the write
  private static final Map<String, String> NO_FALLBACK = Map.of(HoodieWriteConfig.MERGE_HANDLE_PERFORM_FALLBACK.key(),
      "false");

  @TempDir
  Path dir;

  @Test
  void everyTableIsConfiguredWithIt() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE);
    HoodieWriteConfig config = HudiConfigs.writeConfig(spec, spec.basePath(), HudiTestTables.SCHEMA,
        HudiWriteOptions.builder().build());
    assertThat(config.getMergeHandleClassName()).isEqualTo(LakesmithMergeHandle.class.getName());
    assertThat(config.getCompactionMergeHandleClassName()).isEqualTo(LakesmithMergeHandle.class.getName());
  }

  @Test
  void copyOnWriteUpsertMergesWithEventTimeOrderingAndValueSizedBuffers() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE);
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").extraOptions(NO_FALLBACK).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      List<GenericRecord> load = new ArrayList<>();
      Map<Long, String> expected = new LinkedHashMap<>();
      for (long id = 1; id <= 300; id++) {
        load.add(row(id, "n" + id, "eu", 5));
        expected.put(id, "n" + id + "/eu/5");
      }
      table.insert(load, Map.of());
      List<GenericRecord> changes = new ArrayList<>();
      for (long id = 1; id <= 300; id += 2) {
        changes.add(row(id, "u" + id, "eu", 6)); // newer: wins
        expected.put(id, "u" + id + "/eu/6");
      }
      changes.add(row(2, "late", "eu", 4)); // older than the stored row: loses
      changes.add(delete(table, 4, "eu", 7));
      expected.remove(4L);
      changes.add(delete(table, 6, "eu", 3)); // older delete: loses
      for (long id = 301; id <= 310; id++) {
        changes.add(row(id, "i" + id, "eu", 1));
        expected.put(id, "i" + id + "/eu/1");
      }
      long before = RecordSizeEstimator.estimates();

      table.upsert(changes, Map.of());

      assertThat(RecordSizeEstimator.estimates() - before).isGreaterThanOrEqualTo(changes.size() / 100);
      assertThat(contents(table.newReader().read())).isEqualTo(expected);
    }
  }

  @Test
  void compactionMergesLogsWithValueSizedBuffers() {
    TableSpec spec = HudiTestTables.spec(dir, TableType.MERGE_ON_READ, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").extraOptions(NO_FALLBACK).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      List<GenericRecord> load = new ArrayList<>();
      for (long id = 1; id <= 250; id++) {
        load.add(row(id, "n" + id, "eu", 1));
      }
      table.insert(load, Map.of());
      List<GenericRecord> changes = new ArrayList<>();
      for (long id = 1; id <= 250; id++) {
        changes.add(id % 10 == 0 ? delete(table, id, "eu", 2) : row(id, "u" + id, "eu", 2));
      }
      table.upsert(changes, Map.of());
      Map<Long, String> merged = contents(table.newReader().read());
      assertThat(merged).hasSize(225).containsEntry(1L, "u1/eu/2").doesNotContainKey(10L);
      long before = RecordSizeEstimator.estimates();

      assertThat(table.compact()).isPresent();

      assertThat(RecordSizeEstimator.estimates() - before).isGreaterThanOrEqualTo(2);
      assertThat(contents(table.newReader().read())).isEqualTo(merged);
    }
  }

  @Test
  void estimatesAreCloseToTheMeasuredFootprint() {
    Schema decimal = LogicalTypes.decimal(12, 2).addToSchema(Schema.createFixed("d", null, "t", 6));
    Schema schema = SchemaBuilder.record("orders").fields()
        .optionalString("_hoodie_commit_time").optionalString("_hoodie_record_key")
        .optionalLong("ID").optionalString("CUSTOMER").optionalString("NOTE")
        .name("AMOUNT").type().unionOf().nullType().and().type(decimal).endUnion().nullDefault()
        .optionalLong("CREATED_AT").optionalInt("QTY").optionalString("DMS_TS").optionalBoolean("_hoodie_is_deleted")
        .endRecord();
    GenericData.Record r = new GenericData.Record(schema);
    r.put("_hoodie_commit_time", new Utf8("20250101120000123"));
    r.put("_hoodie_record_key", "123456");
    r.put("ID", 123456L);
    r.put("CUSTOMER", new Utf8("C1234567"));
    r.put("NOTE", "fragile leave at door, customer called twice");
    r.put("AMOUNT", new Conversions.DecimalConversion().toFixed(new BigDecimal("1234.56"), decimal,
        decimal.getLogicalType()));
    r.put("CREATED_AT", 1_700_000_000_000_000L);
    r.put("QTY", 7);
    r.put("DMS_TS", new Utf8("2025-01-01 12:00:00.123456"));
    r.put("_hoodie_is_deleted", false);
    long schemaBytes = ObjectSizeCalculator.getObjectSize(schema);

    BufferedRecord<IndexedRecord> buffered = new BufferedRecord<>("123456", new Utf8("1.0000"), r, 1, null);
    HoodieAvroIndexedRecord hoodie = new HoodieAvroIndexedRecord(new HoodieKey("123456", ""), r);

    assertWithinHalfToDouble(new RecordSizeEstimator<>().sizeEstimate(buffered),
        ObjectSizeCalculator.getObjectSize(buffered) - schemaBytes);
    assertWithinHalfToDouble(new RecordSizeEstimator<>().sizeEstimate(hoodie),
        ObjectSizeCalculator.getObjectSize(hoodie) - schemaBytes);
    assertWithinHalfToDouble(new RecordSizeEstimator<>().sizeEstimate("123456"), ObjectSizeCalculator.getObjectSize("123456"));
  }

  private static void assertWithinHalfToDouble(long estimate, long measured) {
    assertThat(measured).isPositive();
    assertThat((double) estimate / measured).as("estimate %d vs measured %d", estimate, measured).isBetween(0.5, 2.0);
  }
}

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

import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema drift, exact types and the input formats (gzip CSV, Parquet). */
class DmsApplySchemaTest {

  @TempDir
  Path tmp;

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  @Test
  void addedAndMissingColumnsEvolveTheTable() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    // DDL: a column is added...
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER + ",BONUS",
        "U,1,a,1.00,d,2025-01-01 10:00:00.000000,250.50", "I,3,c,1.00,d,2025-01-01 10:00:01.000000,");
    // ...and later NAME is dropped
    dms.write("app/people/20250101-110000000.csv", "Op,ID,AMT,DEPT,TS,BONUS",
        "U,2,7.00,d,2025-01-01 11:00:00.000000,10");
    String base = base("drift");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").details().get("schemaChanges")).contains("added BONUS string");

    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(s(rows.get("1"), "BONUS")).isEqualTo("250.50");
    assertThat(rows.get("3").get("BONUS")).isNull();
    assertThat(s(rows.get("2"), "NAME")).as("missing column becomes null").isNull();
    assertThat(s(rows.get("2"), "AMT")).isNotNull();
    Schema schema = HudiTableReader.of(base, AwsSettings.defaults()).withoutMetaColumns().schema().orElseThrow();
    List<String> names = new ArrayList<>();
    schema.getFields().forEach(f -> names.add(f.name()));
    assertThat(names).containsSubsequence("ID", "NAME", "AMT", "DEPT", "TS", "BONUS");
  }

  @Test
  void declaredTypesApplyToColumnsThatAppearLater() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.CDC_HEADER + ",HIRED",
        "U,1,a,1.00,d,2025-01-01 10:00:00.000000,2024-02-29 13:45:10.123456");
    // the spec already knows the future column's type; the first files do not carry it yet
    TableSpec spec = Specs.people(base("declared")).column("HIRED", ColumnType.TIMESTAMP).build();
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    GenericRecord row = DmsFixture.read(spec.basePath(), "ID").get("1");
    assertThat(row.get("HIRED")).isEqualTo(1709214310123456L);
  }

  @Test
  void microsecondTimestampsAndDecimalsRoundTripExactly() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/money/LOAD00000001.csv", "ID,AMOUNT,AT,DAY",
        "1,12345678901234.56,2025-03-01 10:14:59.123456,2025-03-01",
        "2,-0.01,1969-12-31 23:59:59.999999,1900-01-01");
    TableSpec spec = TableSpec.builder().database("app").table("money").recordKey("ID").basePath(base("money"))
        .column("ID", ColumnType.LONG).column("AMOUNT", ColumnType.decimal(16, 2))
        .column("AT", ColumnType.TIMESTAMP).column("DAY", ColumnType.DATE).build();
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(spec.basePath(), "ID");
    Schema decimalSchema = ColumnType.decimal(16, 2).toAvro();
    assertThat(rows.get("1").get("AMOUNT")).isInstanceOf(org.apache.avro.generic.GenericFixed.class);
    BigDecimal amount = ColumnType.decimalValue(rows.get("1").get("AMOUNT"), decimalSchema);
    assertThat(amount).isEqualByComparingTo("12345678901234.56");
    assertThat(rows.get("1").get("AT")).isEqualTo(1740824099123456L);
    assertThat(rows.get("2").get("AT")).isEqualTo(-1L);
    assertThat(rows.get("1").get("DAY")).isEqualTo(20148);
    assertThat(rows.get("2").get("DAY")).isEqualTo(-25567);
  }

  @Test
  void gzipCsvAndPlainAndGzipParquetApplyIntoDeclaredTypes() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    StorageLocation root = StorageLocation.local(dms.root);
    // full load as gzip CSV, changes as plain and gzipped Parquet whose types are narrower than the declared ones
    dms.write("app/items/LOAD00000001.csv.gz", "ID,QTY,PRICE", "1,5,1.5", "2,6,2.5");
    Schema v1 = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID").optionalInt("QTY")
        .optionalFloat("PRICE").endRecord();
    Schema v2 = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID").optionalLong("QTY")
        .optionalDouble("PRICE").endRecord();
    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-100000000.parquet", v1,
        List.of(rec(v1, "U", 1, 7, 1.75f), rec(v1, "I", 3, 1, 9.5f)), tmp, false);
    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-110000000.parquet.gz", v2,
        List.of(rec(v2, "U", 2, 5_000_000_000L, 2.25d), rec(v2, "D", 3, null, null)), tmp, true);
    TableSpec spec = TableSpec.builder().database("app").table("items").recordKey("ID").basePath(base("items"))
        .column("ID", ColumnType.LONG).column("QTY", ColumnType.LONG).column("PRICE", ColumnType.DOUBLE).build();

    ApplyResult r = DmsApply.from(dms.root.toString()).table(spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    RunReport t = r.table("app.items");
    assertThat(t.counter(RunReport.FILES_READ)).isEqualTo(3);
    Map<String, GenericRecord> rows = DmsFixture.read(spec.basePath(), "ID");
    assertThat(rows).containsOnlyKeys("1", "2");
    assertThat(rows.get("2").get("QTY")).isEqualTo(5_000_000_000L);
    assertThat(rows.get("2").get("PRICE")).isEqualTo(2.25d);
    assertThat(rows.get("1").get("QTY")).isEqualTo(7L);
    assertThat(rows.get("1").get("PRICE")).isEqualTo(1.75d);
  }

  @Test
  void parquetOnlyTableWidensIntToLongAndRejectsIncompatibleChangesWritingNothing() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    StorageLocation root = StorageLocation.local(dms.root);
    Schema v1 = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID").optionalInt("QTY")
        .endRecord();
    Schema v2 = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID").optionalLong("QTY")
        .endRecord();
    Schema bad = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID")
        .optionalBoolean("QTY").endRecord();
    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-100000000.parquet", v1,
        List.of(rec(v1, "I", 1, 7), rec(v1, "I", 2, 8)), tmp, false);
    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-110000000.parquet", v2,
        List.of(rec(v2, "U", 2, 5_000_000_000L)), tmp, false);
    TableSpec spec = TableSpec.builder().database("app").table("items").recordKey("ID").basePath(base("items")).build();
    ApplyResult r = DmsApply.from(dms.root.toString()).table(spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.items").details().get("schemaChanges")).contains("widened QTY int->long");
    assertThat(DmsFixture.read(spec.basePath(), "ID").get("2").get("QTY")).isEqualTo(5_000_000_000L);

    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-120000000.parquet", bad,
        List.of(rec(bad, "U", 1, true)), tmp, false);
    int commits = DmsFixture.commits(spec.basePath(), "ID");
    ApplyResult failed = DmsApply.from(dms.root.toString()).table(spec).execute();
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.table("app.items").errors().get(0))
        .contains("app.items").contains("QTY").contains("long").contains("boolean");
    assertThat(DmsFixture.commits(spec.basePath(), "ID")).isEqualTo(commits);
    assertThat(DmsFixture.read(spec.basePath(), "ID").get("1").get("QTY")).isEqualTo(7L);
  }

  private static GenericRecord rec(Schema schema, Object... values) {
    GenericData.Record r = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      r.put(i, values[i]);
    }
    return r;
  }

  static {
    LogicalTypes.date(); // keep the import of LogicalTypes meaningful for readers of the decimal assertions
  }
}

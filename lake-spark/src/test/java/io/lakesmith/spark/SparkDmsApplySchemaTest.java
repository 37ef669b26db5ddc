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
import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema drift on the distributed path: a widened or added column evolves the table; an incompatible change fails. */
class SparkDmsApplySchemaTest {

  @TempDir
  Path tmp;

  private static GenericRecord rec(Schema schema, Object... values) {
    GenericData.Record r = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      r.put(i, values[i]);
    }
    return r;
  }

  private static Map<String, GenericRecord> rows(String base) {
    Map<String, GenericRecord> out = new TreeMap<>();
    HudiTableReader.of(base, AwsSettings.defaults()).withoutMetaColumns().read()
        .forEach(r -> out.put(String.valueOf(r.get("ID")), r));
    return out;
  }

  private ApplyResult apply(Path dms, TableSpec spec) {
    return SparkDmsApply.on(SparkTestSession.get()).from(dms.toString()).table(spec).distributedThresholdBytes(0)
        .execute();
  }

  @Test
  void widensAndAddsColumnsAndRejectsIncompatibleChangesWritingNothing() {
    Path dms = tmp.resolve("dms");
    StorageLocation root = StorageLocation.local(dms);
    Schema v1 = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID").optionalInt("QTY")
        .endRecord();
    Schema v2 = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID").optionalLong("QTY")
        .optionalString("NOTE").endRecord();
    Schema bad = SchemaBuilder.record("items").fields().requiredString("Op").requiredLong("ID")
        .optionalBoolean("QTY").endRecord();
    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-100000000.parquet", v1,
        List.of(rec(v1, "I", 1L, 7), rec(v1, "I", 2L, 8)), tmp, false);
    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-110000000.parquet", v2,
        List.of(rec(v2, "U", 2L, 5_000_000_000L, "big")), tmp, false);
    String base = tmp.resolve("lake/items").toString();
    TableSpec spec = TableSpec.builder().database("app").table("items").recordKey("ID").basePath(base).build();

    ApplyResult r = apply(dms, spec);
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    Map<String, GenericRecord> rows = rows(base);
    assertThat(rows.get("2").get("QTY")).isEqualTo(5_000_000_000L);
    assertThat(String.valueOf(rows.get("2").get("NOTE"))).isEqualTo("big");
    assertThat(rows.get("1").get("QTY")).isEqualTo(7L);
    assertThat(rows.get("1").get("NOTE")).isNull();

    DmsFixtures.writeParquet(ObjectStores.local(), root, "app/items/20250101-120000000.parquet", bad,
        List.of(rec(bad, "U", 1L, true)), tmp, false);
    int commits = CdcTestAccess.commits(base);
    ApplyResult failed = apply(dms, spec);
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.table("app.items").errors().get(0))
        .contains("app.items").contains("QTY").contains("long").contains("boolean");
    assertThat(CdcTestAccess.commits(base)).isEqualTo(commits);
    assertThat(rows(base).get("1").get("QTY")).isEqualTo(7L);
  }
}

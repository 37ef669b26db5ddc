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

package io.lakesmith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Table;

/** The entry point drives apply, open-by-path, maintenance and Glue on one set of settings. */
@ExtendWith(AwsEmulatorExtension.class)
class LakesmithTest {

  private static final String HEADER = "ID,NAME,DEPT,TS";

  private static TableSpec spec(String base) {
    return TableSpec.builder().database("shop").table("people").recordKey("ID").partitionBy("DEPT")
        .type(TableType.MERGE_ON_READ).basePath(base).column("ID", ColumnType.LONG).column("NAME", ColumnType.STRING)
        .column("DEPT", ColumnType.STRING).column("TS", ColumnType.STRING).build();
  }

  @Test
  void localApplyThenOpenByPathReadsTheSpecFromTheTable(@TempDir Path tmp) throws Exception {
    Path dms = tmp.resolve("dms");
    Files.createDirectories(dms.resolve("shop/people"));
    Files.writeString(dms.resolve("shop/people/LOAD00000001.csv"), HEADER + "\n1,a,x,2025-01-01 00:00:00\n"
        + "2,b,y,2025-01-01 00:00:00\n", StandardCharsets.UTF_8);
    String base = tmp.resolve("lake/people").toString();
    Lakesmith lake = Lakesmith.local();

    ApplyResult applied = lake.applyDms(dms.toString()).table(spec(base)).timestampColumn("TS").execute();
    assertThat(applied.status()).as(applied.report().toJson()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(applied.counts("shop.people").rowsLoad()).isEqualTo(2);

    LakeTable table = lake.table(base);
    assertThat(table.identifier()).isEqualTo("shop.people");
    assertThat(table.spec().recordKey()).containsExactly("ID");
    assertThat(table.spec().partitionBy()).containsExactly("DEPT");
    assertThat(table.spec().type()).isEqualTo(TableType.MERGE_ON_READ);
    assertThat(table.basePath()).isEqualTo(base);
    assertThat(table.writeOptions().orderingField()).contains(DmsApply.ORDERING_FIELD);
    assertThat(table.read()).hasSize(2).allSatisfy(r -> assertThat(r.get("_hoodie_partition_path")).isNotNull());
    assertThat(table.schema().orElseThrow().getFields()).extracting(f -> f.name())
        .contains("ID", "DEPT", DmsApply.ORDERING_FIELD).noneMatch(n -> n.startsWith("_hoodie_"));

    MaintenanceRun run = lake.maintain(base).execute();
    assertThat(run.succeeded()).as(run.report().toJson()).isTrue();
    assertThat(run.report().operation()).isEqualTo("hudi.maintenance");

    assertThatThrownBy(() -> lake.table(tmp.resolve("nothing").toString()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Hudi table at");
  }

  @Test
  void onS3AndGlueWithOneSetOfSettings() {
    AwsSettings aws = AwsEmulator.get().settings();
    String source = AwsEmulator.get().uniqueBucket("dms");
    String bucket = AwsEmulator.get().uniqueBucket("lake");
    AwsEmulator.get().s3().putObject(r -> r.bucket(source).key("raw/shop/people/LOAD00000001.csv"),
        RequestBody.fromString(HEADER + "\n1,a,x,2025-01-01 00:00:00\n2,b,y,2025-01-01 00:00:00\n"));
    String base = "s3://" + bucket + "/warehouse/shop/people";
    Lakesmith lake = Lakesmith.on(aws);
    assertThat(lake.aws()).isSameAs(aws);

    ApplyResult applied = lake.applyDms("s3://" + source + "/raw").table(spec(base)).timestampColumn("TS").execute();
    assertThat(applied.succeeded()).as(applied.report().toJson()).isTrue();

    LakeTable table = lake.table(base);
    assertThat(table.spec().recordKey()).containsExactly("ID");
    try (GlueCatalog glue = lake.glue()) {
      SyncResult sync = glue.syncHudiTable(table.spec()).execute();
      assertThat(sync.succeeded()).as(sync.report().toJson()).isTrue();
      assertThat(sync.tables()).as("merge-on-read: the read-optimized and real-time views")
          .containsOnlyKeys("shop.people_ro", "shop.people_rt");
    }
    Table t = AwsEmulator.get().glue().getTable(r -> r.databaseName("shop").name("people_ro")).table();
    assertThat(t.storageDescriptor().location()).isEqualTo(base);
    assertThat(t.partitionKeys().stream().map(k -> k.name()).collect(Collectors.toList())).containsExactly("DEPT");
    assertThat(t.storageDescriptor().columns().stream().map(c -> c.name()).collect(Collectors.toList()))
        .contains("ID", "NAME", DmsApply.ORDERING_FIELD);
  }
}

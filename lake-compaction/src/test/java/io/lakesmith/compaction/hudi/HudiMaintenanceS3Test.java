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

package io.lakesmith.compaction.hudi;

import static io.lakesmith.compaction.hudi.HudiFixture.checkpoint;
import static io.lakesmith.compaction.hudi.HudiFixture.contents;
import static io.lakesmith.compaction.hudi.HudiFixture.contentsAsOf;
import static io.lakesmith.compaction.hudi.HudiFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same services on a table in S3 (moto, through s3a): the files a clean reports are gone from the bucket. */
@ExtendWith(AwsEmulatorExtension.class)
class HudiMaintenanceS3Test {

  @Test
  void cleanAndSavepointOnS3() {
    String bucket = AwsEmulator.get().uniqueBucket("hudi-maint");
    TableSpec spec = TableSpec.builder().database("hr").table("employees").recordKey("id").partitionBy("region")
        .type(TableType.COPY_ON_WRITE).basePath("s3://" + bucket + "/lake/employees").schema(HudiFixture.SCHEMA)
        .build();
    try (HudiTable t = HudiTables.create(spec, null, HudiFixture.options(), AwsEmulator.get().settings());
        HudiMaintenance m = HudiMaintenance.forTable(t);
        ObjectStore s3 = ObjectStores.s3(AwsEmulator.get().s3(), bucket)) {
      String first = t.insert(List.of(row(1, "a", "eu", 1), row(2, "b", "us", 1)), checkpoint(1)).instantTime();
      Map<Long, String> firstContents = contents(t);
      m.savepoint().instant(first).execute();
      t.upsert(List.of(row(1, "a2", "eu", 2)), checkpoint(2));
      t.upsert(List.of(row(1, "a3", "eu", 3)), checkpoint(3));
      String fourth = t.upsert(List.of(row(1, "a4", "eu", 4)), checkpoint(4)).instantTime();
      Map<Long, String> latest = contents(t);

      HudiServiceResult r = m.clean().retainCommits(1).execute();

      // the eu file group has 4 slices: the savepointed first stays, so do the latest and the one just before the
      // earliest retained commit (it serves reads as of that commit); the second goes
      assertThat(r.deletedFiles()).hasSize(1).allSatisfy(f -> assertThat(f).startsWith("region=eu/"));
      Set<String> names = s3.list("lake/employees/region=eu/").map(ObjectInfo::name).collect(Collectors.toSet());
      assertThat(names).doesNotContain(r.deletedFiles().get(0).substring("region=eu/".length()));
      assertThat(contents(t)).isEqualTo(latest);
      assertThat(contentsAsOf(t, fourth)).isEqualTo(latest);
      assertThat(contentsAsOf(t, first)).isEqualTo(firstContents);
    }
  }
}

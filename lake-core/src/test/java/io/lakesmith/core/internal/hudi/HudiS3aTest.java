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

import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Hudi tables on {@code s3a://} against the S3 emulator: create, write, reopen, read back, commit metadata. */
@ExtendWith(AwsEmulatorExtension.class)
class HudiS3aTest {

  private static final Logger LOG = LoggerFactory.getLogger(HudiS3aTest.class);

  @ParameterizedTest
  @EnumSource(TableType.class)
  void roundTripOnS3a(TableType type) {
    AwsEmulator aws = AwsEmulator.get();
    String bucket = aws.uniqueBucket("hudi-" + (type == TableType.COPY_ON_WRITE ? "cow" : "mor"));
    TableSpec spec = TableSpec.builder().database("shop").table("customers").recordKey("id").partitionBy("region")
        .type(type).basePath("s3://" + bucket + "/lake/shop/customers").schema(HudiTestTables.SCHEMA).build();
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").build();

    long t0 = System.nanoTime();
    List<Long> commitMillis = new ArrayList<>();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, aws.settings())) {
      assertThat(table.basePath()).isEqualTo("s3a://" + bucket + "/lake/shop/customers");
      long t = System.nanoTime();
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)),
          Map.of("lakesmith.checkpoint", "LOAD00000001.csv"));
      commitMillis.add(millisSince(t));
      t = System.nanoTime();
      table.upsert(List.of(row(2, "bob2", "us", 2), delete(table, 3, "eu", 2), row(1, "ann-late", "eu", 0)),
          Map.of("lakesmith.checkpoint", "20240101-000000000.csv"));
      commitMillis.add(millisSince(t));
    }
    long writeMillis = millisSince(t0);

    long t1 = System.nanoTime();
    try (HudiTable reopened = HudiTables.open(spec, options, aws.settings())) {
      List<GenericRecord> rows = reopened.newReader().read();
      assertThat(contents(rows)).containsExactly(Map.entry(1L, "ann/eu/1"), Map.entry(2L, "bob2/us/2"));
      assertThat(reopened.commits()).extracting(c -> c.extraMetadata().get("lakesmith.checkpoint"))
          .containsExactly("LOAD00000001.csv", "20240101-000000000.csv");
    }
    long readMillis = millisSince(t1);
    assertThat(HudiTableReader.of("s3a://" + bucket + "/lake/shop/customers", aws.settings()).read()).hasSize(2);

    List<String> keys = aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix("lake/shop/customers/"))
        .contents().stream().map(S3Object::key).toList();
    assertThat(keys).anyMatch(k -> k.startsWith("lake/shop/customers/region=eu/") && k.endsWith(".parquet"));
    assertThat(keys).contains("lake/shop/customers/.hoodie/hoodie.properties");
    LOG.info("s3a {}: create+2 commits {} ms (commits {} ms), reopen+read {} ms, {} objects", type, writeMillis,
        commitMillis, readMillis, keys.size());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}

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

package io.lakesmith.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.examples.Quickstart;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * {@code apply} from DMS output on S3 to a Hudi table on S3, then {@code register} in Glue, both through
 * {@code --endpoint} against the emulator, as a user would run them against an S3/Glue-compatible endpoint.
 */
@ExtendWith(AwsEmulatorExtension.class)
class CliAwsTest {

  @TempDir
  static Path tmp;

  /** The SDK's default credential chain reads these system properties (as it reads AWS_* variables). */
  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", AwsEmulator.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", AwsEmulator.SECRET_KEY);
  }

  @AfterAll
  static void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  static String[] aws() {
    return new String[] {"--endpoint", AwsEmulator.get().endpoint().toString(), "--region", AwsEmulator.REGION,
        "--path-style"};
  }

  static String[] args(String... first) {
    return Stream.concat(Stream.of(first), Stream.of(aws())).toArray(String[]::new);
  }

  /** Uploads the quickstart's sample DMS output to {@code s3://bucket/prefix/hr/employees/}. */
  static void upload(String bucket, String prefix) throws Exception {
    Path local = tmp.resolve("sample");
    Quickstart.copySample(local);
    try (Stream<Path> files = Files.walk(local)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String key = prefix + "/" + local.relativize(f).toString().replace('\\', '/');
        AwsEmulator.get().s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(f));
      }
    }
  }

  @Test
  void appliesFromS3AndRegistersInGlue() throws Exception {
    String dms = AwsEmulator.get().uniqueBucket("dms");
    String lake = AwsEmulator.get().uniqueBucket("lake");
    upload(dms, "cdc");
    String target = "s3://" + lake + "/warehouse/hr/employees";

    CliRun apply = CliRun.of(args("apply", "--source", "s3://" + dms + "/cdc", "--table", "hr.employees",
        "--target", target, "--key", "EMPLOYEE_ID", "--partition-by", "DEPARTMENT_ID", "--timestamp-column", "DMS_TS",
        "--report", tmp.resolve("apply.json").toString()));
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).containsPattern("hr\\.employees +SUCCEEDED +files=5 ");
    assertThat(apply.err()).contains("reading hr/employees/LOAD00000001.csv");

    CliRun register = CliRun.of(args("register", "--table", "hr.employees", "--target", target,
        "--report", tmp.resolve("register.json").toString()));
    assertThat(register.code()).as(register.toString()).isZero();
    assertThat(register.out()).contains("CREATED").contains("FULL");

    Table table = AwsEmulator.get().glue().getTable(r -> r.databaseName("hr").name("employees")).table();
    assertThat(table.storageDescriptor().location()).isEqualTo(target);
    assertThat(table.partitionKeys()).extracting(c -> c.name()).containsExactly("DEPARTMENT_ID");
    assertThat(table.storageDescriptor().columns()).extracting(c -> c.name()).contains("EMPLOYEE_ID", "SALARY",
        "BONUS");
    List<Partition> partitions = AwsEmulator.get().glue()
        .getPartitions(r -> r.databaseName("hr").tableName("employees")).partitions();
    assertThat(partitions).extracting(p -> p.values().get(0)).contains("90", "110", "60");
    assertThat(Files.readString(tmp.resolve("register.json"))).contains("glue-sync-hudi");

    CliRun again = CliRun.of(args("register", "--table", "employees", "--database", "hr", "--target", target));
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("UNCHANGED").contains("0 write calls");
  }
}

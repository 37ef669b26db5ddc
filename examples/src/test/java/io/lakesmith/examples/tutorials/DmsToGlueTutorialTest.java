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

package io.lakesmith.examples.tutorials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.examples.Quickstart;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Table;

/** Tutorial (b) against the S3 + Glue emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DmsToGlueTutorialTest {

  @TempDir
  Path tmp;

  @Test
  void dmsOnS3ToHudiToGlueReadyForAthena() throws Exception {
    String dms = AwsEmulator.get().uniqueBucket("dms");
    String lake = AwsEmulator.get().uniqueBucket("lake");
    Path local = tmp.resolve("sample");
    Quickstart.copySample(local);
    try (Stream<Path> files = Files.walk(local)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String key = "cdc/" + local.relativize(f).toString().replace('\\', '/');
        AwsEmulator.get().s3().putObject(r -> r.bucket(dms).key(key), RequestBody.fromFile(f));
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    SyncResult first = DmsToGlueTutorial.run(AwsEmulator.get().settings(), "s3://" + dms + "/cdc",
        "s3://" + lake + "/warehouse", out);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1. applied 5 DMS files").contains("2. Glue:")
        .contains("SELECT department_id");
    assertThat(first.partitionsAdded()).isGreaterThanOrEqualTo(5);

    Table table = AwsEmulator.get().glue().getTable(r -> r.databaseName("hr").name("employees")).table();
    assertThat(table.storageDescriptor().location()).isEqualTo("s3://" + lake + "/warehouse/hr/employees");
    assertThat(table.storageDescriptor().inputFormat()).isEqualTo("org.apache.hudi.hadoop.HoodieParquetInputFormat");
    assertThat(table.storageDescriptor().columns()).extracting(c -> c.name() + ":" + c.type())
        .contains("EMPLOYEE_ID:bigint", "SALARY:decimal(8,2)", "HIRE_DATE:date");

    SyncResult again = DmsToGlueTutorial.run(AwsEmulator.get().settings(), "s3://" + dms + "/cdc",
        "s3://" + lake + "/warehouse", out);
    assertThat(again.writeCalls()).isZero();
  }

  @Test
  void iamPolicyIsLeastPrivilege() throws Exception {
    String policy = DmsToGlueTutorial.iamPolicy("eu-west-1", "123456789012", "s3://dms-out/cdc",
        "s3://lake/warehouse", "hr");
    JsonNode statements = new ObjectMapper().readTree(policy).get("Statement");
    List<String> resources = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (JsonNode s : statements) {
      s.get("Resource").forEach(r -> resources.add(r.asText()));
      if (s.get("Resource").isTextual()) {
        resources.add(s.get("Resource").asText());
      }
      if (s.get("Action").isTextual()) {
        actions.add(s.get("Action").asText());
      } else {
        s.get("Action").forEach(a -> actions.add(a.asText()));
      }
    }
    assertThat(resources).contains("arn:aws:s3:::dms-out/cdc/*", "arn:aws:s3:::lake/warehouse/*",
        "arn:aws:glue:eu-west-1:123456789012:database/hr", "arn:aws:glue:eu-west-1:123456789012:table/hr/*");
    assertThat(resources).noneMatch(r -> r.equals("*") || r.endsWith(":::dms-out/*") || r.endsWith(":::lake/*"));
    assertThat(actions).contains("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject",
        "glue:BatchCreatePartition", "glue:BatchDeletePartition", "glue:BatchUpdatePartition", "glue:UpdateTable");
    assertThat(actions).noneMatch(a -> a.endsWith("*"));
    assertThat(policy).contains("\"s3:prefix\": [\"cdc/*\"]");
  }
}

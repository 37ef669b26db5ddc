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

package io.lakesmith.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;

/** The Glue API of the emulator answers over the wire; the catalog module builds on this. */
@ExtendWith(AwsEmulatorExtension.class)
class GlueEmulatorTest {

  @Test
  void createAndGetDatabase() {
    GlueClient glue = AwsEmulator.get().glue();
    glue.createDatabase(r -> r.databaseInput(d -> d.name("lakesmith_it").description("round trip")
        .locationUri("s3://warehouse/lakesmith_it")));
    Database db = glue.getDatabase(r -> r.name("lakesmith_it")).database();
    assertThat(db.name()).isEqualTo("lakesmith_it");
    assertThat(db.description()).isEqualTo("round trip");
    assertThat(db.locationUri()).isEqualTo("s3://warehouse/lakesmith_it");
    assertThat(glue.getDatabases(r -> r.maxResults(10)).databaseList()).extracting(Database::name).contains("lakesmith_it");
  }
}

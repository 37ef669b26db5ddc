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

package io.lakesmith.examples.tutorials;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiTableReader;
import io.lakesmith.examples.Quickstart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tutorial (c): merge-on-read apply, then compaction, on the local file system. */
class MaintenanceTutorialTest {

  @TempDir
  Path tmp;

  @Test
  void compactsTheMergeOnReadTableWithoutChangingItsContents() throws Exception {
    Path dms = tmp.resolve("dms");
    Quickstart.copySample(dms);
    String base = tmp.resolve("lake/hr/employees").toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Optional<String> instant = MaintenanceTutorial.run(AwsSettings.defaults(), dms.toString(), base,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(instant).as(bytes.toString(StandardCharsets.UTF_8)).isPresent();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("merged log files into base files as " + instant.get());
    assertThat(HudiTableReader.of(base, AwsSettings.defaults()).read()).hasSize(11);
  }
}

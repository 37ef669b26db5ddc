package io.lakesmith.core.hudi;

import static io.lakesmith.core.hudi.HudiTestTables.contents;
import static io.lakesmith.core.hudi.HudiTestTables.delete;
import static io.lakesmith.core.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HudiMergeOnReadTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();

  @TempDir
  Path dir;

  @Test
  void updatesLandInLogFilesAndCompactionKeepsTheSnapshot() throws IOException {
    TableSpec spec = HudiTestTables.spec(dir, TableType.MERGE_ON_READ, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq").smallFileLimitBytes(0).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)), Map.of());
      assertThat(files(spec, ".log.")).isEmpty();
      table.upsert(List.of(row(1, "ann2", "eu", 2), delete(table, 2, "us", 2), row(4, "dan", "eu", 1)), Map.of());

      assertThat(files(spec, ".log.")).isNotEmpty();
      assertThat(table.latestCommit().orElseThrow().action()).isEqualTo("deltacommit");
      Map<Long, String> merged = contents(table.newReader().read());
      assertThat(merged).containsExactly(
          Map.entry(1L, "ann2/eu/2"), Map.entry(3L, "cid/eu/1"), Map.entry(4L, "dan/eu/1"));

      String compaction = table.compact().orElseThrow();
      assertThat(table.latestCommit().orElseThrow().instantTime()).isEqualTo(compaction);
      assertThat(table.latestCommit().orElseThrow().action()).isEqualTo("commit");
      assertThat(contents(table.newReader().read())).isEqualTo(merged);
      // nothing left to compact
      assertThat(table.compact()).isEmpty();
    }
  }

  private static List<Path> files(TableSpec spec, String contains) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(spec.basePath()))) {
      return s.filter(p -> !p.toString().contains("/.hoodie"))
          .filter(p -> p.getFileName().toString().contains(contains)).toList();
    }
  }
}

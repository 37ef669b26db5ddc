package io.lakesmith.core.hudi;

import static io.lakesmith.core.hudi.HudiTestTables.contents;
import static io.lakesmith.core.hudi.HudiTestTables.delete;
import static io.lakesmith.core.hudi.HudiTestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HudiTableVersionTest {

  private static final AwsSettings LOCAL = AwsSettings.defaults();

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TableType.class)
  void dumpProperties(TableType type) throws IOException {
    TableSpec spec = HudiTestTables.spec(dir, type, "region");
    HudiWriteOptions options = HudiWriteOptions.builder().orderingField("seq")
        .indexType(HudiWriteOptions.IndexType.GLOBAL_SIMPLE).build();
    try (HudiTable table = HudiTables.createOrOpen(spec, null, options, LOCAL)) {
      System.out.println("CREATED " + type + " " + new TreeMap<>(props(spec)));
      table.insert(List.of(row(1, "ann", "eu", 1), row(2, "bob", "us", 1), row(3, "cid", "eu", 1)), Map.of("k", "v"));
      table.upsert(List.of(row(1, "ann2", "us", 2), delete(table, 2, "us", 2), row(4, "dan", "eu", 1)), Map.of());
      System.out.println("WRITTEN " + type + " " + new TreeMap<>(props(spec)));
      System.out.println(contents(table.newReader().read()));
    }
    try (HudiTable table = HudiTables.open(spec, options, LOCAL)) {
      System.out.println("REOPENED " + table.options());
      table.upsert(List.of(row(3, "cid2", "us", 5)), Map.of());
      System.out.println(contents(table.newReader().read()) + " " + props(spec).getProperty("hoodie.table.version"));
    }
  }

  static Properties props(TableSpec spec) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(spec.basePath(), ".hoodie", "hoodie.properties"))) {
      p.load(r);
    }
    return p;
  }
}

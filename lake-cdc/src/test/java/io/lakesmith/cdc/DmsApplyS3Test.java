package io.lakesmith.cdc;

import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import io.lakesmith.testing.IndependentReaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** DMS output on S3 applied to a Hudi table on s3a://, both on the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DmsApplyS3Test {

  private static void put(String bucket, String key, String... lines) {
    AwsEmulator.get().s3().putObject(r -> r.bucket(bucket).key(key),
        RequestBody.fromString(String.join("\n", lines) + "\n", StandardCharsets.UTF_8));
  }

  @Test
  void appliesFromS3ToAnS3aTableExactlyOnce() {
    AwsSettings aws = AwsEmulator.get().settings();
    String source = AwsEmulator.get().uniqueBucket("dms");
    String lake = AwsEmulator.get().uniqueBucket("lake");
    put(source, "raw/app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,sales,2025-01-01 00:00:00.000000",
        "2,b,1.00,hr,2025-01-01 00:00:00.000000");
    put(source, "raw/app/people/2025/01/01/20250101-100000000.csv", Specs.CDC_HEADER,
        "U,1,a2,2.00,hr,2025-01-01 10:00:00.000000", "D,2,,,,2025-01-01 10:00:01.000000",
        "I,3,c,3.00,sales,2025-01-01 10:00:02.000000");
    String base = "s3a://" + lake + "/warehouse/app/people";

    ApplyResult r = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.people(base).partitionBy("DEPT").build())
        .timestampColumn("TS").execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();

    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID", aws);
    assertThat(rows).containsOnlyKeys("1", "3");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a2");
    assertThat(s(rows.get("1"), "DEPT")).isEqualTo("hr");
    assertThat(AwsEmulator.get().s3().listObjectsV2Paginator(b -> b.bucket(lake).prefix("warehouse/app/people/DEPT="))
        .contents().stream().map(o -> o.key().split("/")[3]).collect(Collectors.toSet()))
        .contains("DEPT=hr", "DEPT=sales");

    ApplyResult replay = DmsApply.from("s3://" + source + "/raw").aws(aws)
        .table(Specs.people(base).partitionBy("DEPT").build()).timestampColumn("TS").execute();
    assertThat(replay.table("app.people").counter(RunReport.COMMITS)).isZero();
    assertThat(replay.table("app.people").counter(RunReport.FILES_SKIPPED)).isEqualTo(2);
  }

  @Test
  void aCorrectedObjectOfTheSameSizeIsAppliedAgainByItsETag(@TempDir Path tmp) {
    AwsSettings aws = AwsEmulator.get().settings();
    String source = AwsEmulator.get().uniqueBucket("dms");
    // a "folder" the S3 console creates: not a stray object, so even STRICT runs go on
    AwsEmulator.get().s3().putObject(r -> r.bucket(source).key("raw/app/people/"), RequestBody.empty());
    put(source, "raw/app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    String cdc = "raw/app/people/20250101-100000000.csv";
    put(source, cdc, Specs.CDC_HEADER, "X,2,b,2.00,d,2025-01-01 10:00:00.000000");
    String base = tmp.resolve("people").toString(); // the table on local disk: only the source identity matters
    ApplyResult first = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.cow(base)).timestampColumn("TS")
        .mode(ApplyMode.QUARANTINE).execute();
    assertThat(first.table("app.people").counter(RunReport.ROWS_QUARANTINED)).isEqualTo(1);

    put(source, cdc, Specs.CDC_HEADER, "I,2,b,2.00,d,2025-01-01 10:00:00.000000"); // same size, new ETag
    ApplyResult fixed = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.cow(base)).timestampColumn("TS")
        .mode(ApplyMode.QUARANTINE).execute();
    assertThat(fixed.table("app.people").counter(TableApplier.CHANGED_FILES)).as(fixed.report().toJson()).isEqualTo(1);
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1", "2");

    ApplyResult again = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.cow(base)).timestampColumn("TS")
        .execute();
    assertThat(again.table("app.people").counter(RunReport.COMMITS)).isZero();
    assertThat(again.table("app.people").counter(RunReport.FILES_SKIPPED)).isEqualTo(2);
  }

  /**
   * The table's own objects (quarantine, delete ledger) go to the table's store, not the source's: a table in
   * another bucket, and a table on local disk fed from S3.
   */
  @Test
  void quarantineAndDeleteLedgerLiveBesideTheTableNotTheSource(@TempDir Path tmp) {
    AwsSettings aws = AwsEmulator.get().settings();
    String source = AwsEmulator.get().uniqueBucket("dms");
    String lake = AwsEmulator.get().uniqueBucket("lake");
    put(source, "raw/app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    put(source, "raw/app/people/20250101-100000000.csv", Specs.CDC_HEADER, "X,3,c,2.00,d,2025-01-01 10:00:00.000000",
        "D,2,,,,2025-01-01 10:00:01.000000");

    String s3Base = "s3a://" + lake + "/warehouse/app/people";
    ApplyResult r = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.cow(s3Base)).timestampColumn("TS")
        .mode(ApplyMode.QUARANTINE).execute();
    assertThat(r.table("app.people").counter(RunReport.ROWS_QUARANTINED)).as(r.report().toJson()).isEqualTo(1);
    assertThat(DmsFixture.read(s3Base, "ID", aws)).containsOnlyKeys("1");
    assertThat(keys(lake, "warehouse/app/people/.lakesmith/quarantine/")).hasSize(1);
    assertThat(keys(lake, "warehouse/app/people/.lakesmith/deletes/")).isNotEmpty();
    assertThat(keys(source, "")).allMatch(k -> k.startsWith("raw/"), "only the DMS files are in the source bucket");

    Path localBase = tmp.resolve("people");
    ApplyResult local = DmsApply.from("s3://" + source + "/raw").aws(aws).table(Specs.cow(localBase.toString()))
        .timestampColumn("TS").mode(ApplyMode.QUARANTINE).execute();
    assertThat(local.succeeded()).as(local.report().toJson()).isTrue();
    assertThat(localBase.resolve(".lakesmith/quarantine").toFile().list()).hasSize(1);
    assertThat(localBase.resolve(".lakesmith/deletes").toFile().list()).isNotEmpty();
    assertThat(IndependentReaders.hudiRs().snapshot(localBase.toString())).extracting(row -> row.get("ID"))
        .containsExactly("1");
    assertThat(keys(source, "")).allMatch(k -> k.startsWith("raw/"), "only the DMS files are in the source bucket");
  }

  private static java.util.List<String> keys(String bucket, String prefix) {
    return AwsEmulator.get().s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(o -> o.key()).toList();
  }
}

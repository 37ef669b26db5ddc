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

package io.lakesmith.compaction;

import static io.lakesmith.compaction.Tier2Fixture.CLOCK;
import static io.lakesmith.compaction.Tier2Fixture.labels;
import static io.lakesmith.compaction.Tier2Fixture.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.internal.hudi.HadoopConfigurations;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way of finding an object's log position and tombstone status, on real Parquet and CSV objects. */
class LogTimestampSourcesTest {

  private static final DateTimeFormatter DMS_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  private static final Schema DMS_PARQUET = SchemaBuilder.record("employees").fields()
      .requiredString("Op")
      .requiredLong("employee_id")
      .name("AR_H_TIMESTAMP").type(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)))
      .noDefault()
      .optionalString("AR_H_CHANGE_SEQ")
      .optionalString("first_name")
      .endRecord();

  @TempDir
  Path dir;

  private final ObjectStore store = ObjectStores.local();

  private String location(String name) {
    return dir.resolve("tier2").resolve(name).toString();
  }

  private ExpireObjectVersions expire(Tier2Layout layout) {
    return TableMaintenance.on(store).expireOldVersions(layout).clock(CLOCK).olderThan(Duration.ofHours(1));
  }

  /** One DMS Parquet row: op, id, minutes before NOW, change sequence. */
  private static GenericRecord row(String op, long id, long minutesAgo, String seq) {
    GenericRecord r = new GenericData.Record(DMS_PARQUET);
    r.put("Op", op);
    r.put("employee_id", id);
    r.put("AR_H_TIMESTAMP", ChronoUnit.MICROS.between(Instant.EPOCH, minutesAgo(minutesAgo)));
    r.put("AR_H_CHANGE_SEQ", seq);
    r.put("first_name", "name" + id);
    return r;
  }

  private String putParquet(Tier2Fixture f, String rel, GenericRecord... rows) throws IOException {
    Path file = Files.createTempFile(dir, "obj", ".parquet");
    Files.delete(file);
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
        HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), HadoopConfigurations.local()))
        .withSchema(DMS_PARQUET).build()) {
      for (GenericRecord r : rows) {
        w.write(r);
      }
    }
    store.put(f.key(rel), file, Map.of());
    return f.key(rel);
  }

  @Test
  void parquetTimestampAndSequenceColumnsWithOpTombstones() throws IOException {
    String loc = location("parquet");
    Tier2Fixture f = new Tier2Fixture(store, StorageLocation.parse(loc).prefix());
    // key 1: the newest row of b is newer than a's
    String a1 = putParquet(f, "employee_id=1/a.parquet", row("I", 1, 300, null));
    String b1 = putParquet(f, "employee_id=1/b.parquet", row("U", 1, 200, null), row("U", 1, 180, null));
    // key 2: the newest row is a delete: the key goes
    String a2 = putParquet(f, "employee_id=2/a.parquet", row("I", 2, 300, null));
    String b2 = putParquet(f, "employee_id=2/b.parquet", row("U", 2, 250, null), row("D", 2, 120, null));
    // key 3: equal timestamps, the 35-digit change sequence decides (z sorts last but carries the lower sequence)
    String seqHigh = "00000000000000000000000000000001002";
    String seqLow = "00000000000000000000000000000000999";
    String a3 = putParquet(f, "employee_id=3/a.parquet", row("U", 3, 200, seqHigh));
    String z3 = putParquet(f, "employee_id=3/z.parquet", row("U", 3, 200, seqLow));
    // key 4: the delete row is older than the update after it in the same object: not a tombstone
    String a4 = putParquet(f, "employee_id=4/a.parquet", row("I", 4, 300, null));
    String b4 = putParquet(f, "employee_id=4/b.parquet", row("D", 4, 250, null), row("I", 4, 240, null));

    Tier2Layout layout = Tier2Layout.builder(loc).partitionFolders("employee_id")
        .contentFormat(ObjectFormat.parquet())
        .logTimestamp(LogTimestampSource.column("ar_h_timestamp", "AR_H_CHANGE_SEQ"))
        .tombstone(TombstoneRule.column("Op", "D"))
        .build();
    ExpireObjectVersionsResult r = expire(layout).execute();

    assertThat(r.isComplete()).as(r.errors() + " " + r.skippedKeys()).isTrue();
    assertThat(r.skippedKeys()).isEmpty();
    assertThat(f.keys()).containsExactlyInAnyOrder(b1, a3, b4);
    assertThat(labels(r)).containsExactlyInAnyOrder(a1, a2, b2, z3, a4);
    assertThat(r.removedKeys()).extracting(ExpireObjectVersionsResult.RemovedKey::recordKey)
        .containsExactly("employee_id=2");
    assertThat(r.removedKeys().get(0).tombstonePosition().timestamp()).isEqualTo(minutesAgo(120));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void csvTimestampColumnWithAndWithoutHeaderAndGzip() throws IOException {
    String loc = location("csv");
    Tier2Fixture f = new Tier2Fixture(store, StorageLocation.parse(loc).prefix());
    // DMS CSV without a header: Op first, then the table's columns, then the TimestampColumnName column
    String a1 = f.putRaw("employee_id=1/a.csv", ("I,1,Ann," + DMS_TEXT.format(minutesAgo(300)) + "\n")
        .getBytes(StandardCharsets.UTF_8), Map.of());
    String b1 = f.putRaw("employee_id=1/b.csv.gz", gzip("U,1,\"Ann, Jr.\"," + DMS_TEXT.format(minutesAgo(100)) + "\n"),
        Map.of());
    String a2 = f.putRaw("employee_id=2/a.csv", ("U,2,Bob," + DMS_TEXT.format(minutesAgo(90)) + "\n"
        + "D,2,," + DMS_TEXT.format(minutesAgo(80)) + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    Tier2Layout noHeader = Tier2Layout.builder(loc).partitionFolders("employee_id")
        .contentFormat(ObjectFormat.csv("Op", "employee_id", "first_name", "dms_ts"))
        .logTimestamp(LogTimestampSource.column("dms_ts")).tombstone(TombstoneRule.column("Op", "D")).build();
    ExpireObjectVersionsResult r = expire(noHeader).execute();
    assertThat(r.isComplete()).as(r.errors() + " " + r.skippedKeys()).isTrue();
    assertThat(labels(r)).containsExactly(a1, a2);
    assertThat(f.keys()).containsExactly(b1);

    String loc2 = location("csv-header");
    Tier2Fixture g = new Tier2Fixture(store, StorageLocation.parse(loc2).prefix());
    String h1 = g.putRaw("employee_id=9/a.csv", ("Op;employee_id;AR_H_TIMESTAMP\nI;9;" + DMS_TEXT.format(minutesAgo(200))
        + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    String h2 = g.putRaw("employee_id=9/b.csv", ("Op;employee_id;AR_H_TIMESTAMP\nU;9;" + DMS_TEXT.format(minutesAgo(150))
        + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    Tier2Layout header = Tier2Layout.builder(loc2).partitionFolders("employee_id")
        .contentFormat(ObjectFormat.csvWithHeader().withDelimiter(';'))
        .logTimestamp(LogTimestampSource.column("AR_H_TIMESTAMP")).build();
    assertThat(labels(expire(header).execute())).containsExactly(h1);
    assertThat(g.keys()).containsExactly(h2);
  }

  @Test
  void dmsFileNamesAndARegexRecordKeyInAFlatFolder() {
    String loc = location("names");
    Tier2Fixture f = new Tier2Fixture(store, StorageLocation.parse(loc).prefix());
    DateTimeFormatter name = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    // emp1's and emp10's objects interleave nowhere: the group prefix ends at the '_' delimiter
    String e1old = f.putRaw("emp1_" + name.format(minutesAgo(300)) + ".csv", new byte[] {1}, Map.of());
    String e1new = f.putRaw("emp1_" + name.format(minutesAgo(200)) + ".csv", new byte[] {1}, Map.of());
    String e10old = f.putRaw("emp10_" + name.format(minutesAgo(250)) + ".csv", new byte[] {1}, Map.of());
    String e10new = f.putRaw("emp10_" + name.format(minutesAgo(240)) + ".csv", new byte[] {1}, Map.of());
    // DMS names with 4 fraction digits order correctly against 3: 10:00:00.1000 < 10:00:00.900
    String fine1 = f.putRaw("emp2_20250601-1000001000.csv", new byte[] {1}, Map.of());
    String fine2 = f.putRaw("emp2_20250601-100000900.csv", new byte[] {1}, Map.of());
    Tier2Layout layout = Tier2Layout.builder(loc)
        .recordKey(RecordKeyExtractor.pattern(Pattern.compile("(?<key>[^/_]+)_")))
        .logTimestamp(LogTimestampSource.dmsFileName()).build();
    ExpireObjectVersionsResult r = expire(layout).execute();
    assertThat(r.isComplete()).as(r.errors().toString()).isTrue();
    assertThat(labels(r)).containsExactlyInAnyOrder(e1old, e10old, fine1);
    assertThat(f.keys()).containsExactlyInAnyOrder(e1new, e10new, fine2);
    assertThat(r.deletions()).extracting(ExpireObjectVersionsResult.Deletion::recordKey)
        .containsExactlyInAnyOrder("emp1", "emp10", "emp2");
  }

  @Test
  void aPatternWithNestedKeyGroupsIsRejected() {
    String loc = location("nested");
    Tier2Fixture f = new Tier2Fixture(store, StorageLocation.parse(loc).prefix());
    f.putRaw("a_1_20250601-100000000.csv", new byte[] {1}, Map.of());
    f.putRaw("a_b_20250601-090000000.csv", new byte[] {1}, Map.of());
    f.putRaw("a_1_20250601-080000000.csv", new byte[] {1}, Map.of());
    // "a_" and "a_b_" nest: "a_1..." objects sort on both sides of "a_b_..."
    Tier2Layout layout = Tier2Layout.builder(loc)
        .recordKey(RecordKeyExtractor.pattern(Pattern.compile("(?<key>[a-z]+(_[a-z]+)?)_")))
        .logTimestamp(LogTimestampSource.dmsFileName()).build();
    ExpireObjectVersionsResult r = expire(layout).execute();
    assertThat(r.errors()).singleElement().asString().contains("nested");
    assertThat(r.objectsDeleted()).isZero();
    assertThat(f.keys()).hasSize(3);
  }

  @Test
  void lastModifiedOnlyByExplicitOptIn() throws Exception {
    assertThatThrownBy(() -> Tier2Layout.builder(location("x")).partitionFolders("employee_id").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logTimestamp is required");

    String loc = location("lastmodified");
    Tier2Fixture f = new Tier2Fixture(store, StorageLocation.parse(loc).prefix());
    String first = f.put("employee_id=1/a.csv", 100, "U"); // newer change
    Thread.sleep(20);
    String second = f.put("employee_id=1/b.csv", 200, "U"); // older change, stored later
    Files.setLastModifiedTime(Path.of("/" + first), java.nio.file.attribute.FileTime.from(minutesAgo(100)));
    Files.setLastModifiedTime(Path.of("/" + second), java.nio.file.attribute.FileTime.from(minutesAgo(90)));
    Tier2Layout byStorage = Tier2Layout.builder(loc).partitionFolders("employee_id")
        .logTimestamp(LogTimestampSource.storageLastModified()).build();
    Tier2Layout byLog = Tier2Layout.builder(loc).partitionFolders("employee_id")
        .logTimestamp(LogTimestampSource.metadata()).build();
    // what the reference script would do (keep the later-stored, older change) vs. the log order
    assertThat(labels(expire(byStorage).dryRun().execute())).containsExactly(first);
    assertThat(labels(expire(byLog).execute())).containsExactly(second);
    assertThat(f.keys()).containsExactly(first);
  }

  @Test
  void logPositionsParseDmsTextIsoAndEpochMicros() {
    Instant t = Instant.parse("2024-01-02T03:04:05.123456Z");
    assertThat(LogPosition.parseTimestamp("2024-01-02 03:04:05.123456")).isEqualTo(t);
    assertThat(LogPosition.parseTimestamp("2024-01-02T03:04:05.123456Z")).isEqualTo(t);
    assertThat(LogPosition.parseTimestamp("2024-01-02T04:04:05.123456+01:00")).isEqualTo(t);
    assertThat(LogPosition.parseTimestamp("1704164645123456")).isEqualTo(t);
    assertThat(LogPosition.parseTimestamp("2024-01-02 03:04:05")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    // sub-second precision counts (the reference script compared whole seconds as strings)
    assertThat(LogPosition.of(LogPosition.parseTimestamp("2024-01-02 03:04:05.000002")))
        .isGreaterThan(LogPosition.of(LogPosition.parseTimestamp("2024-01-02 03:04:05.000001")));
    assertThat(LogPosition.of(t, "10")).isGreaterThan(LogPosition.of(t, "9")).isGreaterThan(LogPosition.of(t));
    assertThat(LogPosition.formatTimestamp(t)).isEqualTo("2024-01-02T03:04:05.123456Z");
    assertThatThrownBy(() -> LogPosition.parseTimestamp("02/01/2024")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("02/01/2024");
  }
}

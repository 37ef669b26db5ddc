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

package io.lakesmith.cdc;

import io.lakesmith.cdc.internal.apply.TableSchemas;
import io.lakesmith.cdc.internal.apply.SourceCheckpoint;
import static io.lakesmith.cdc.DmsFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.internal.source.DmsFixtures;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 items 2-9 and 12: no bad input is silently lost, changed or ignored. */
class DmsApplyBadInputTest {

  @TempDir
  Path tmp;

  private String base(String name) {
    return tmp.resolve("lake").resolve(name).toString();
  }

  private static String quarantined(String base) throws IOException {
    Path folder = Path.of(base, ".lakesmith", "quarantine");
    StringBuilder sb = new StringBuilder();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
          sb.append(Files.readString(p));
        }
      }
    }
    return sb.toString();
  }

  /** Rewrites a file with new content and a later modification time (as an upload or an edit would). */
  private static void rewrite(DmsFixture dms, String relative, String... lines) throws IOException {
    Path p = dms.write(relative, lines);
    Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(5)));
  }

  // ---- item 2: a corrected file of the same size is applied again

  @Test
  void aCorrectedFileOfTheSameSizeIsAppliedAgainAndAnUntouchedCopyIsNot() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    String cdc = "app/people/20250101-100000000.csv";
    dms.write(cdc, Specs.CDC_HEADER, "X,2,b,2.00,d,2025-01-01 10:00:00.000000",
        "U,1,a2,1.00,d,2025-01-01 10:00:01.000000");
    String base = base("same-size");
    ApplyResult first = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(first.table("app.people").counter(RunReport.ROWS_QUARANTINED)).isEqualTo(1);
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1");

    // X corrected to I and a timestamp corrected: same length, new content
    rewrite(dms, cdc, Specs.CDC_HEADER, "I,2,b,2.00,d,2025-01-01 10:00:00.000000",
        "U,1,a3,1.00,d,2025-01-01 10:00:01.000000");
    ApplyResult fixed = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(fixed.succeeded()).as(fixed.report().toJson()).isTrue();
    assertThat(fixed.table("app.people").counter(TableApplier.CHANGED_FILES)).isEqualTo(1);
    assertThat(fixed.table("app.people").warnings()).anySatisfy(w -> assertThat(w).contains(cdc).contains("changed"));
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "2");
    assertThat(s(rows.get("1"), "NAME")).isEqualTo("a3");

    // touched (new modification time) but the same bytes: the content hash says it is the same file
    Files.setLastModifiedTime(dms.root.resolve(cdc), FileTime.from(Instant.now().plusSeconds(60)));
    ApplyResult touched = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(touched.table("app.people").counter(RunReport.COMMITS)).isZero();
    assertThat(touched.table("app.people").counter(RunReport.FILES_SKIPPED)).isEqualTo(2);
  }

  @Test
  void checkpointsOfEarlierVersionsHoldingOnlySizesAreStillRead() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    Path load = dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    String base = base("old-checkpoint");
    TableSpec spec = Specs.cow(base);
    // a table as an earlier Lakesmith wrote it: the checkpoint maps the file to its size alone
    Schema schema = TableSchemas.initial(spec, spec.columns(), java.util.Optional.empty());
    GenericData.Record rec = new GenericData.Record(schema);
    rec.put("ID", 1L);
    rec.put("NAME", "from-old-run");
    rec.put(TableSchemas.SEQ, new org.apache.avro.util.Utf8("0.old"));
    rec.put(TableSchemas.OP, "L");
    rec.put(TableSchemas.IS_DELETED, false);
    try (var table = HudiTables.createOrOpen(spec, schema, io.lakesmith.core.hudi.HudiWriteOptions.builder()
        .orderingField(TableSchemas.SEQ).mergeMode(io.lakesmith.core.hudi.HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING)
        .build(), AwsSettings.defaults())) {
      table.write(true, List.of(rec), Map.of(SourceCheckpoint.METADATA_KEY,
          "{\"v\":1,\"files\":{\"LOAD00000001.csv\":\"" + load.toFile().length() + "\"}}"), i -> { });
    }
    ApplyResult r = Specs.apply(dms, spec).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").counter(RunReport.FILES_SKIPPED)).isEqualTo(1);
    assertThat(s(DmsFixture.read(base, "ID").get("1"), "NAME")).isEqualTo("from-old-run");
  }

  // ---- item 3: names that are not DMS names are warnings, failures in strict mode

  @Test
  void objectsThatAreNotDmsFilesAreWarnedAboutAndFailStrictMode() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/LOAD00000002.CSV", Specs.HEADER, "2,b,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-1\uFF10\uFF10000000.csv", Specs.CDC_HEADER, "D,1,a,1.00,d,2025-01-01 10:00:00.0");
    String base = base("names");

    ApplyResult lenient = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(lenient.succeeded()).as(lenient.report().toJson()).isTrue();
    assertThat(lenient.table("app.people").warnings()).hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("LOAD00000002.CSV").contains("not a DMS data file"))
        .anySatisfy(w -> assertThat(w).contains("20250101-1\uFF10\uFF10000000.csv"));
    assertThat(DmsFixture.read(base, "ID")).containsOnlyKeys("1");

    ApplyResult strict = Specs.apply(dms, Specs.cow(base("names-strict"))).mode(ApplyMode.STRICT).execute();
    assertThat(strict.succeeded()).isFalse();
    assertThat(strict.table("app.people").errors().get(0)).contains("strict mode").contains("LOAD00000002.CSV");
    assertThat(HudiTables.exists(base("names-strict"), AwsSettings.defaults())).isFalse();
  }

  // ---- item 4: invalid UTF-8

  @Test
  void invalidUtf8IsQuarantinedWithItsByteOffsetOrFailsStrictMode() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    Path cdc = dms.root.resolve("app/people/20250101-100000000.csv");
    byte[] bad = (Specs.CDC_HEADER + "\nU,1,caf\u00e9,1.00,d,2025-01-01 10:00:00.000000\n"
        + "I,2,bad\u0000,1.00,d,2025-01-01 10:00:01.000000\n").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(cdc, bad); // Latin-1: é is the lone byte E9, not UTF-8; and a NUL byte on line 3
    String base = base("utf8");

    ApplyResult strict = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.STRICT).execute();
    assertThat(strict.succeeded()).isFalse();
    assertThat(strict.table("app.people").errors().get(0)).contains("20250101-100000000.csv line 2")
        .contains("column NAME").contains("invalid UTF-8 byte E9").contains("byte offset");

    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("app.people").counter(RunReport.ROWS_QUARANTINED)).isEqualTo(2);
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1");
    assertThat(s(rows.get("1"), "NAME")).as("never U+FFFD in the table").isEqualTo("a");
    assertThat(quarantined(base)).contains(",2,NAME,3,ENCODING,invalid UTF-8 byte E9 at byte offset")
        .contains(",3,NAME,3,ENCODING,NUL byte 0x00 (not text) at byte offset 73");
  }

  // ---- item 5: unterminated quote

  @Test
  void anUnterminatedQuoteIsNamedWhereItOpensAndNeverAppliesHalfTheFileSilently() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000", "3,c,1.00,d,2025-01-01 00:00:00.000000");
    String cdc = "app/people/20250101-100000000.csv";
    dms.write(cdc, Specs.CDC_HEADER, "U,1,a2,1.00,d,2025-01-01 10:00:00.000000",
        "U,2,\"b2,1.00,d,2025-01-01 10:00:01.000000", "D,3,c,1.00,d,2025-01-01 10:00:02.000000");
    String base = base("quote");

    ApplyResult strict = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.STRICT).execute();
    assertThat(strict.table("app.people").errors().get(0)).contains(cdc + " line 3").contains("NAME")
        .contains("unterminated quoted field").doesNotContain("COLUMN_COUNT");

    ApplyResult r = Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute();
    assertThat(r.succeeded()).isTrue();
    assertThat(r.table("app.people").warnings()).hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("line 3").contains("unterminated quoted field"))
        .anySatisfy(w -> assertThat(w).startsWith("1 row(s) quarantined under " + base));
    assertThat(r.table("app.people").status()).isEqualTo(RunReport.Status.SUCCEEDED_WITH_WARNINGS);
    assertThat(s(DmsFixture.read(base, "ID").get("1"), "NAME")).isEqualTo("a2");
    assertThat(quarantined(base)).contains(",3,NAME,3,UNREADABLE,\"unterminated quoted field: the quote opened on line 3");

    // fixed: the file is applied again and the delete behind the broken quote takes effect
    rewrite(dms, cdc, Specs.CDC_HEADER, "U,1,a2,1.00,d,2025-01-01 10:00:00.000000",
        "U,2,\"b2\",1.00,d,2025-01-01 10:00:01.000000", "D,3,c,1.00,d,2025-01-01 10:00:02.000000");
    assertThat(Specs.apply(dms, Specs.cow(base)).mode(ApplyMode.QUARANTINE).execute().succeeded()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID");
    assertThat(rows).containsOnlyKeys("1", "2");
    assertThat(s(rows.get("2"), "NAME")).isEqualTo("b2");
  }

  // ---- item 6: CDC file without Op

  @Test
  void aCdcFileWithoutOpFailsUnlessTheTableIsDeclaredInsertsOnly() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    dms.write("app/people/20250101-100000000.csv", Specs.HEADER, "2,b,1.00,d,2025-01-01 10:00:00.000000");
    for (ApplyMode mode : ApplyMode.values()) {
      ApplyResult r = Specs.apply(dms, Specs.cow(base("no-op-" + mode))).mode(mode).execute();
      assertThat(r.succeeded()).isFalse();
      assertThat(r.table("app.people").errors().get(0)).contains("20250101-100000000.csv")
          .contains("without an Op column").contains("CdcInsertsOnly");
    }
    DmsFormat insertsOnly = DmsFormat.builder().csv(CsvOptions.builder().header(HeaderMode.PRESENT).build())
        .cdcInsertsOnly(true).build();
    ApplyResult ok = Specs.apply(dms, Specs.cow(base("inserts-only"))).format(insertsOnly).execute();
    assertThat(ok.succeeded()).as(ok.report().toJson()).isTrue();
    assertThat(DmsFixture.read(base("inserts-only"), "ID")).containsOnlyKeys("1", "2");
  }

  // ---- item 7: headerless files without declared columns

  @Test
  void headerlessFilesWithoutDeclaredColumnsAskForTheColumns() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/things/LOAD00000001.csv", "1,alpha", "2,beta");
    TableSpec spec = TableSpec.builder().database("app").table("things").recordKey("ID").basePath(base("things"))
        .build();
    ApplyResult r = DmsApply.from(dms.root.toString()).table(spec).mode(ApplyMode.QUARANTINE).execute();
    assertThat(r.succeeded()).isFalse();
    String error = r.table("app.things").errors().get(0);
    assertThat(error).contains("LOAD00000001.csv line 1").contains("no header row").contains("declare the columns")
        .doesNotContain("SchemaParseException").doesNotContain("Illegal");

    // names-only first row: could be data, so it is not taken as the header
    dms.write("app/codes/LOAD00000001.csv", "USD,dollar", "EUR,euro");
    TableSpec codes = TableSpec.builder().database("app").table("codes").recordKey("CODE").basePath(base("codes"))
        .build();
    ApplyResult c = DmsApply.from(dms.root.toString()).table(codes).mode(ApplyMode.QUARANTINE).execute();
    assertThat(c.table("app.codes").errors().get(0)).contains("declare the columns");
    assertThat(HudiTables.exists(base("codes"), AwsSettings.defaults())).isFalse();

    // declared: the same files apply
    TableSpec declared = TableSpec.builder().database("app").table("codes").recordKey("CODE").basePath(base("codes"))
        .column("CODE", ColumnType.STRING).column("NAME", ColumnType.STRING).build();
    ApplyResult d = DmsApply.from(dms.root.toString()).table(declared).execute();
    assertThat(d.succeeded()).as(d.report().toJson()).isTrue();
    assertThat(DmsFixture.read(base("codes"), "CODE")).containsOnlyKeys("USD", "EUR");
  }

  // ---- item 8: a declared type is the target type

  @Test
  void parquetDmsTimestampStringsApplyToADeclaredTimestampColumn() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    Schema file = SchemaBuilder.record("r").fields().requiredString("Op").requiredLong("ID").requiredString("NAME")
        .requiredString("DMS_TIMESTAMP").endRecord();
    List<GenericRecord> rows = new ArrayList<>();
    GenericData.Record a = new GenericData.Record(file);
    a.put("Op", "I");
    a.put("ID", 1L);
    a.put("NAME", "a");
    a.put("DMS_TIMESTAMP", "2025-01-01 10:00:00.123456");
    rows.add(a);
    var store = ObjectStores.local();
    DmsFixtures.writeParquet(store, StorageLocation.local(dms.root), "app/stamps/20250101-100000000.parquet", file, rows,
        tmp, false);
    TableSpec spec = TableSpec.builder().database("app").table("stamps").recordKey("ID").basePath(base("stamps"))
        .column("ID", ColumnType.LONG).column("NAME", ColumnType.STRING).column("DMS_TIMESTAMP", ColumnType.TIMESTAMP)
        .build();
    ApplyResult r = DmsApply.from(dms.root.toString()).table(spec).timestampColumn("DMS_TIMESTAMP").execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(DmsFixture.read(spec.basePath(), "ID").get("1").get("DMS_TIMESTAMP")).isEqualTo(1735725600123456L);
  }

  // ---- item 9: folder case; a table without files is never a green no-op

  @Test
  void sourceFoldersMatchIgnoringCaseAndATableWithoutFilesIsAWarningOrAStrictFailure() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("HR/EMPLOYEES/LOAD00000001.csv", "ID,NAME", "1,ann");
    dms.write("HR/EMPLOYEES/20250101-100000000.csv", "Op,ID,NAME", "U,1,anne");
    TableSpec employees = TableSpec.builder().database("hr").table("employees").recordKey("ID")
        .basePath(base("employees")).build();
    ApplyResult r = DmsApply.from(dms.root.toString()).table(employees).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    assertThat(r.table("hr.employees").counter(RunReport.FILES_READ)).isEqualTo(2);
    assertThat(s(DmsFixture.read(base("employees"), "ID").get("1"), "NAME")).isEqualTo("anne");

    TableSpec missing = TableSpec.builder().database("hr").table("jobs").recordKey("ID").basePath(base("jobs")).build();
    ApplyResult lenient = DmsApply.from(dms.root.toString()).table(missing).mode(ApplyMode.QUARANTINE).execute();
    assertThat(lenient.succeeded()).isTrue();
    assertThat(lenient.table("hr.jobs").warnings()).singleElement()
        .satisfies(w -> assertThat(w).contains("no DMS files for hr.jobs"));
    ApplyResult strict = DmsApply.from(dms.root.toString()).table(missing).mode(ApplyMode.STRICT).execute();
    assertThat(strict.succeeded()).isFalse();
    assertThat(strict.table("hr.jobs").errors().get(0)).contains("no DMS files for hr.jobs");

    dms.write("hr/employees/20250102-100000000.csv", "Op,ID,NAME", "U,1,other");
    ApplyResult ambiguous = DmsApply.from(dms.root.toString()).table(employees).execute();
    assertThat(ambiguous.succeeded()).isFalse();
    assertThat(ambiguous.table("hr.employees").errors().get(0)).contains("differ only by case");
  }

  // ---- item 12

  @Test
  void aRewrittenLoadFileIsUpsertedNotBulkInsertedTwice() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b,1.00,d,2025-01-01 00:00:00.000000");
    String base = base("reload-file");
    assertThat(Specs.apply(dms, Specs.cow(base)).execute().succeeded()).isTrue();
    rewrite(dms, "app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000",
        "2,b-fixed,1.00,d,2025-01-01 00:00:00.000000", "3,c,1.00,d,2025-01-01 00:00:00.000000");
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(r.succeeded()).as(r.report().toJson()).isTrue();
    Map<String, GenericRecord> rows = DmsFixture.read(base, "ID"); // throws on a duplicate key
    assertThat(rows).containsOnlyKeys("1", "2", "3");
    assertThat(s(rows.get("2"), "NAME")).isEqualTo("b-fixed");
  }

  @Test
  void aListenerFailingInTableFinishedDoesNotStopTheOtherTables() {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    List<TableSpec> specs = new ArrayList<>();
    for (String t : List.of("t1", "t2", "t3")) {
      dms.write("app/" + t + "/LOAD00000001.csv", "ID,V", "1," + t);
      specs.add(TableSpec.builder().database("app").table(t).recordKey("ID").basePath(base(t))
          .column("ID", ColumnType.LONG).column("V", ColumnType.STRING).build());
    }
    ApplyResult r = DmsApply.from(dms.root.toString()).tables(specs).parallelism(1).listener(new ApplyListener() {
      @Override
      public void tableFinished(String table, RunReport report) {
        if (table.equals("app.t1")) {
          throw new IllegalStateException("listener broke");
        }
      }
    }).execute();
    assertThat(r.table("app.t1").errors()).singleElement()
        .satisfies(e -> assertThat(e).contains("tableFinished").contains("listener broke"));
    assertThat(r.table("app.t2").status()).isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(r.table("app.t3").status()).isEqualTo(RunReport.Status.SUCCEEDED);
    for (String t : List.of("t1", "t2", "t3")) {
      assertThat(DmsFixture.read(base(t), "ID")).containsOnlyKeys("1");
    }
  }

  @Test
  void anUnexpectedFailureIsOneLineWithItsRootCause() throws IOException {
    DmsFixture dms = new DmsFixture(tmp.resolve("dms"));
    dms.write("app/people/LOAD00000001.csv", Specs.HEADER, "1,a,1.00,d,2025-01-01 00:00:00.000000");
    Path blocker = tmp.resolve("lake-file");
    Files.writeString(blocker, "a file where the table's folder should be");
    String base = blocker.resolve("people").toString();
    ApplyResult r = Specs.apply(dms, Specs.cow(base)).execute();
    assertThat(r.succeeded()).isFalse();
    String error = r.table("app.people").errors().get(0);
    assertThat(error).doesNotContain("\n").doesNotContain("\tat ");
    assertThat(r.failure("app.people")).isPresent();
    Throwable root = r.failure("app.people").get();
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    assertThat(error).as("the root cause is in the one-line error").contains(root.getMessage());
  }
}

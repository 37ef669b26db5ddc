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

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage exits 2 with a message naming the option and the usage text; help and version exit 0. */
class CliUsageTest {

  @TempDir
  Path tmp;

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun r = CliRun.of("--help");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Usage: lakesmith", "apply", "register", "compact", "maintain");
    assertThat(r.out().replaceAll("\\s+", " ")).as("help, rewrapped").contains("Exit codes: 0 success (also with "
        + "warnings), 1 failure, 2 bad usage, 3 rows quarantined with apply --fail-on-quarantine.");
    CliRun apply = CliRun.of("apply", "--help");
    assertThat(apply.code()).isZero();
    assertThat(apply.out()).contains("--fail-on-quarantine", "--source", "--table", "--target", "--key", "--partition-by", "--type",
        "--schema", "--strict", "--timestamp-column", "--max-rows-per-commit", "--report", "--all", "--specs",
        "--endpoint", "--region", "--path-style");
    assertThat(CliRun.of("--version").out()).startsWith("lakesmith ");
  }

  @Test
  void noSubcommandIsBadUsage() {
    CliRun r = CliRun.of();
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required subcommand").contains("Usage: lakesmith");
  }

  @Test
  void unknownCommandAndOptionAreBadUsage() {
    CliRun cmd = CliRun.of("aply");
    assertThat(cmd.code()).isEqualTo(2);
    assertThat(cmd.err()).contains("aply");
    CliRun opt = CliRun.of("apply", "--source", "x", "--bogus");
    assertThat(opt.code()).isEqualTo(2);
    assertThat(opt.err()).contains("Unknown option: '--bogus'").contains("Usage: lakesmith apply");
  }

  @Test
  void missingRequiredOptionsAreNamed() {
    CliRun noSource = CliRun.of("apply", "--table", "hr.employees");
    assertThat(noSource.code()).isEqualTo(2);
    assertThat(noSource.err()).contains("Missing required option: '--source");

    CliRun noKey = CliRun.of("apply", "--source", tmp.toString(), "--table", "hr.employees", "--target", "t");
    assertThat(noKey.code()).as(noKey.toString()).isEqualTo(2);
    assertThat(noKey.err()).contains("Missing required option: '--key=<col>'").contains("Usage: lakesmith apply");

    CliRun noTarget = CliRun.of("apply", "--source", tmp.toString(), "--table", "hr.employees", "--key", "ID");
    assertThat(noTarget.code()).isEqualTo(2);
    assertThat(noTarget.err()).contains("'--target=<base path>'");

    CliRun register = CliRun.of("register", "--target", "s3://b/t");
    assertThat(register.code()).isEqualTo(2);
    assertThat(register.err()).contains("Missing required option: '--table");

    CliRun registerNoDb = CliRun.of("register", "--table", "employees", "--target", "s3://b/t");
    assertThat(registerNoDb.code()).isEqualTo(2);
    assertThat(registerNoDb.err()).contains("'--database=<database>'");

    CliRun maintain = CliRun.of("maintain");
    assertThat(maintain.code()).isEqualTo(2);
    assertThat(maintain.err()).contains("Missing required option: '--target");
  }

  @Test
  void invalidValuesAreNamed() throws Exception {
    String src = tmp.toString();
    CliRun type = CliRun.of("apply", "--source", src, "--table", "hr.e", "--target", "t", "--key", "ID", "--type", "xyz");
    assertThat(type.code()).isEqualTo(2);
    assertThat(type.err()).contains("Invalid value for option '--type'").contains("xyz");

    CliRun table = CliRun.of("apply", "--source", src, "--table", "employees", "--target", "t", "--key", "ID");
    assertThat(table.code()).isEqualTo(2);
    assertThat(table.err()).contains("Invalid value for option '--table'");

    CliRun rows = CliRun.of("apply", "--source", src, "--table", "hr.e", "--target", "t", "--key", "ID",
        "--max-rows-per-commit", "zero");
    assertThat(rows.code()).isEqualTo(2);
    assertThat(rows.err()).contains("--max-rows-per-commit");

    CliRun endpoint = CliRun.of("apply", "--source", src, "--table", "hr.e", "--target", "t", "--key", "ID",
        "--endpoint", "http://bad host");
    assertThat(endpoint.code()).isEqualTo(2);
    assertThat(endpoint.err()).contains("--endpoint");

    CliRun schema = CliRun.of("apply", "--source", src, "--table", "hr.e", "--target", "t", "--key", "ID",
        "--schema", tmp.resolve("missing.avsc").toString());
    assertThat(schema.code()).isEqualTo(2);
    assertThat(schema.err()).contains("Invalid value for option '--schema'").contains("missing.avsc");

    Path notAvro = Files.writeString(tmp.resolve("bad.avsc"), "{\"type\": \"nope\"}");
    CliRun badSchema = CliRun.of("apply", "--source", src, "--table", "hr.e", "--target", "t", "--key", "ID",
        "--schema", notAvro.toString());
    assertThat(badSchema.code()).isEqualTo(2);
    assertThat(badSchema.err()).contains("'--schema'").contains("not an Avro schema");
  }

  @Test
  void aMissingLocalSourceIsBadUsage() {
    CliRun r = CliRun.of("apply", "--source", tmp.resolve("nope").toString(), "--table", "hr.e", "--target", "t",
        "--key", "ID");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Invalid value for option '--source': no such directory");
  }

  @Test
  void allAndSingleTableOptionsDoNotMix() throws Exception {
    String src = tmp.toString();
    CliRun noSpecs = CliRun.of("apply", "--source", src, "--all");
    assertThat(noSpecs.code()).isEqualTo(2);
    assertThat(noSpecs.err()).contains("--all needs --specs");

    Path specs = Files.writeString(tmp.resolve("specs.json"),
        "{\"tables\": [{\"database\": \"hr\", \"table\": \"e\", \"key\": \"ID\", \"target\": \"t\"}]}");
    CliRun both = CliRun.of("apply", "--source", src, "--all", "--specs", specs.toString(), "--table", "hr.e");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--table cannot be combined with --all");

    CliRun specsAlone = CliRun.of("apply", "--source", src, "--specs", specs.toString());
    assertThat(specsAlone.code()).isEqualTo(2);
    assertThat(specsAlone.err()).contains("--specs needs --all");
  }

  @Test
  void badSpecFilesNameTheEntryAndField() throws Exception {
    String src = tmp.toString();
    Path noKey = Files.writeString(tmp.resolve("nokey.json"),
        "{\"tables\": [{\"database\": \"hr\", \"table\": \"e\", \"target\": \"t\"}]}");
    CliRun r = CliRun.of("apply", "--source", src, "--all", "--specs", noKey.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'--specs'").contains("tables[0] (hr.e): \"key\" is required");

    Path typo = Files.writeString(tmp.resolve("typo.json"),
        "{\"tables\": [{\"database\": \"hr\", \"table\": \"e\", \"key\": \"ID\", \"target\": \"t\", \"partitonBy\": \"X\"}]}");
    assertThat(CliRun.of("apply", "--source", src, "--all", "--specs", typo.toString()).err())
        .contains("unknown field \"partitonBy\"");

    Path badType = Files.writeString(tmp.resolve("type.json"),
        "{\"tables\": [{\"database\": \"hr\", \"table\": \"e\", \"key\": \"ID\", \"target\": \"t\","
            + " \"columns\": [{\"name\": \"ID\", \"type\": \"decimal(x)\"}]}]}");
    assertThat(CliRun.of("apply", "--source", src, "--all", "--specs", badType.toString()).err())
        .contains("columns[0]").contains("decimal(x)");

    Path notJson = Files.writeString(tmp.resolve("bad.json"), "{tables: ");
    CliRun bad = CliRun.of("apply", "--source", src, "--all", "--specs", notJson.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("not valid JSON");

    CliRun missing = CliRun.of("apply", "--source", src, "--all", "--specs", tmp.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void compactNamesItsBadOptions() {
    String p = tmp.toString();
    CliRun noPosition = CliRun.of("compact", "--prefix", p, "--key-folders", "id");
    assertThat(noPosition.code()).isEqualTo(2);
    assertThat(noPosition.err()).contains("Missing required option: '--log-position");
    CliRun noKey = CliRun.of("compact", "--prefix", p, "--log-position", "metadata");
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.err()).contains("--key-folders").contains("--key-pattern");
    CliRun badPosition = CliRun.of("compact", "--prefix", p, "--key-folders", "id", "--log-position", "mtime");
    assertThat(badPosition.code()).isEqualTo(2);
    assertThat(badPosition.err()).contains("Invalid value for option '--log-position'").contains("mtime");
    CliRun badGrace = CliRun.of("compact", "--prefix", p, "--key-folders", "id", "--log-position", "metadata",
        "--grace", "soon");
    assertThat(badGrace.code()).isEqualTo(2);
    assertThat(badGrace.err()).contains("Invalid value for option '--grace'");
    CliRun needsFormat = CliRun.of("compact", "--prefix", p, "--key-folders", "id", "--log-position", "column:TS");
    assertThat(needsFormat.code()).isEqualTo(2);
    assertThat(needsFormat.err()).contains("Invalid layout");
    CliRun badTombstone = CliRun.of("compact", "--prefix", p, "--key-folders", "id", "--log-position", "metadata",
        "--tombstone", "column:Op");
    assertThat(badTombstone.code()).isEqualTo(2);
    assertThat(badTombstone.err()).contains("Invalid value for option '--tombstone'");
  }

  @Test
  void maintainNamesItsBadOptions() {
    CliRun both = CliRun.of("maintain", "--target", tmp.toString(), "--plan", "--clean");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--plan");
    CliRun keep = CliRun.of("maintain", "--target", tmp.toString(), "--archive", "--archive-keep", "5,3");
    assertThat(keep.code()).isEqualTo(2);
    assertThat(keep.err()).contains("Invalid value for option '--archive-keep'");
  }

  @Test
  void aFailureExitsOneWithTheError() {
    CliRun r = CliRun.of("register", "--table", "hr.employees", "--target", tmp.resolve("no-table").toString(),
        "--endpoint", "http://127.0.0.1:9", "--region", "us-east-1");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("register: error: no Hudi table at");
  }
}

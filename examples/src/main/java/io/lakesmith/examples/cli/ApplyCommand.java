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

import io.lakesmith.cdc.ApplyCounts;
import io.lakesmith.cdc.ApplyListener;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.hudi.TableVersion;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.TableSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lakesmith apply}: DMS full-load and CDC files to Hudi tables, exactly once ({@link DmsApply}). */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = LakesmithCli.Version.class,
    description = {"Applies AWS DMS full-load and CDC files under <source>/<schema>/<table>/ to Hudi tables, exactly "
        + "once and in source order. Re-running applies only what is new.",
        "One table: --table, --target and --key. Many tables: --all --specs <file.json>."},
    footer = {"", "Without --schema (or \"columns\" in a spec file) column names come from CSV headers or Parquet "
        + "schemas; CSV columns are then strings, Parquet columns keep their declared types.",
        "Rows that cannot be applied are quarantined under <target>/.lakesmith/quarantine/ unless --strict.",
        "One writer per table: a table another run is applying is skipped with a message naming the holder of its "
            + "lock (<target>/.lakesmith/writer.lock) unless --lock-wait lets this run wait for it; the exit code is then"
            + " 1."})
final class ApplyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "<dir|s3://bucket/prefix>",
      description = "The DMS output root (the folder holding <schema>/<table>/)")
  String source;

  @Option(names = "--table", paramLabel = "<schema>.<table>", description = "The DMS table to apply")
  String table;

  @Option(names = "--target", paramLabel = "<base path>",
      description = "The Hudi table's base path: a local path or s3://bucket/prefix")
  String target;

  @Option(names = "--key", split = ",", paramLabel = "<col>", description = "Record key column(s)")
  List<String> key = new ArrayList<>();

  @Option(names = "--partition-by", split = ",", paramLabel = "<col>", description = "Partition column(s)")
  List<String> partitionBy = new ArrayList<>();

  @Option(names = "--type", paramLabel = "cow|mor", defaultValue = "cow",
      description = "Hudi table type: copy-on-write or merge-on-read (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--table-version", paramLabel = "6|8|9",
      description = "Hudi table version of tables this apply creates: 6 (default; Athena, Glue 5.0/5.1, Hudi 0.14+),"
          + " 8 (Hudi 1.0+, Glue 5.1) or 9 (Hudi 1.1+). Existing tables keep their version.")
  String tableVersion;

  @Option(names = "--schema", paramLabel = "<file.avsc>",
      description = "Avro record schema giving the columns and their types")
  Path schema;

  @Option(names = "--all", description = "Apply every table of --specs")
  boolean all;

  @Option(names = "--specs", paramLabel = "<file.json>", description = "Table spec file (see README) for --all")
  Path specs;

  @Option(names = "--strict", description = "Fail a batch on a bad row instead of quarantining it")
  boolean strict;

  @Option(names = "--cdc-inserts-only",
      description = "The DMS task writes only inserts (CdcInsertsOnly=true): CDC files without an Op column are inserts."
          + " Without it such a file is an error, since its updates and deletes could not be told from inserts")
  boolean cdcInsertsOnly;

  @Option(names = "--timestamp-column", paramLabel = "<col>",
      description = "DMS TimestampColumnName, to order changes (AR_H_CHANGE_SEQ is used when present)")
  String timestampColumn;

  @Option(names = "--max-rows-per-commit", paramLabel = "N",
      description = "Most source rows per Hudi commit (bounds memory; default 500000)")
  Integer maxRowsPerCommit;

  @Option(names = "--parallelism", paramLabel = "N", description = "Tables applied at once (default: min(4, cores))")
  Integer parallelism;

  @Option(names = "--report", paramLabel = "<file.json>", description = "Write the JSON run report to this file")
  Path report;

  @Option(names = {"-q", "--quiet"}, description = "No progress on stderr")
  boolean quiet;

  @Option(names = "--progress", paramLabel = "auto|bar|log", defaultValue = "auto",
      description = "How progress is shown on stderr: a progress bar per table (bar), lines (log: files, commits and a"
          + " rows/s and ETA line per table every --progress-every), or bar when stderr is a terminal (auto, default)")
  String progress;

  @Option(names = "--progress-every", paramLabel = "<duration>", defaultValue = "10s",
      description = "How often --progress=log prints a progress line per running table (default: ${DEFAULT-VALUE})")
  String progressEvery;

  @Option(names = "--watch", description = "Keep running: poll the source and apply new files as they arrive, until "
      + "stopped (SIGTERM or Ctrl-C stop it cleanly, at a commit boundary)")
  boolean watch;

  @Option(names = "--poll", paramLabel = "<duration>", defaultValue = "10s",
      description = "With --watch: the pause between two polls of a table (default: ${DEFAULT-VALUE})")
  String poll;

  @Option(names = "--full-sweep", paramLabel = "<duration>", defaultValue = "1h",
      description = "With --watch: how often the whole source is listed again for late files (default: ${DEFAULT-VALUE});"
          + " polls in between list from the newest applied date folder on")
  String fullSweep;

  @Option(names = "--no-start-sweep",
      description = "With --watch: start each table from the newest date folder of its checkpoint instead of listing the"
          + " whole source first (fast restarts over long histories; files that arrived late wait for the first sweep)")
  boolean noStartSweep;

  @Option(names = "--maintain-every", paramLabel = "<duration>",
      description = "With --watch: run the needed table services (clean, compaction, archival) on each table this often")
  String maintainEvery;

  @Option(names = "--watch-for", paramLabel = "<duration>",
      description = "With --watch: stop by itself after this long (default: run until stopped)")
  String watchFor;
  @Option(names = "--fail-on-quarantine",
      description = "Exit with code 3 when rows were quarantined (the apply itself succeeded with warnings); "
          + "without it such a run exits 0 and prints its warnings")
  boolean failOnQuarantine;

  @Mixin
  AwsOptions aws;

  @Mixin
  LockArgs lock;

  @Override
  public Integer call() throws IOException {
    List<TableSpec> tables = new ArrayList<>();
    String timestamp = timestampColumn;
    TableVersion version = null;
    if (tableVersion != null) {
      try {
        version = SpecFile.tableVersion(tableVersion, "Invalid value for option '--table-version'");
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    if (all) {
      if (specs == null) {
        throw usage("--all needs --specs=<file.json>");
      }
      for (String[] o : new String[][] {{"--table", table}, {"--target", target}, {"--schema", str(schema)},
          {"--key", key.isEmpty() ? null : "x"}, {"--partition-by", partitionBy.isEmpty() ? null : "x"}}) {
        if (o[1] != null) {
          throw usage(o[0] + " cannot be combined with --all: tables come from --specs");
        }
      }
      SpecFile file;
      try {
        file = SpecFile.read(specs);
      } catch (IllegalArgumentException e) {
        throw usage("Invalid value for option '--specs': " + e.getMessage());
      } catch (java.nio.file.NoSuchFileException e) {
        throw usage("Invalid value for option '--specs': no such file " + specs);
      }
      tables.addAll(file.tables);
      if (timestamp == null) {
        timestamp = file.timestampColumn.orElse(null);
      }
      if (version == null) {
        version = file.tableVersion.orElse(null);
      }
    } else {
      if (specs != null) {
        throw usage("--specs needs --all");
      }
      if (table == null) {
        throw usage("Missing required option: '--table=<schema>.<table>' (or --all --specs=<file.json>)");
      }
      if (target == null) {
        throw usage("Missing required option: '--target=<base path>'");
      }
      if (key.isEmpty()) {
        throw usage("Missing required option: '--key=<col>'");
      }
      tables.add(tableSpec());
    }
    if (maxRowsPerCommit != null && maxRowsPerCommit <= 0) {
      throw usage("Invalid value for option '--max-rows-per-commit': must be positive, got " + maxRowsPerCommit);
    }
    if (parallelism != null && parallelism <= 0) {
      throw usage("Invalid value for option '--parallelism': must be positive, got " + parallelism);
    }

    StorageLocation root;
    try {
      root = StorageLocation.parse(source);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '--source': " + e.getMessage());
    }
    if (!root.isS3() && !Files.isDirectory(root.localPath())) {
      throw usage("Invalid value for option '--source': no such directory " + source);
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressListener progressListener = quiet ? null : progressListener(err, StorageLocation.parse(source).prefix());
    DmsApply apply = DmsApply.from(source).aws(aws.settings()).tables(tables).lock(lock.options())
        .mode(strict ? ApplyMode.STRICT : ApplyMode.QUARANTINE)
        .listener(progressListener == null ? ApplyListener.NONE : progressListener);
    if (timestamp != null) {
      apply.timestampColumn(timestamp);
    }
    if (cdcInsertsOnly) {
      apply.cdcInsertsOnly(true);
    }
    if (version != null) {
      apply.writeOptions(HudiWriteOptions.builder().tableVersion(version).build());
    }
    if (maxRowsPerCommit != null) {
      apply.maxRowsPerCommit(maxRowsPerCommit);
    }
    if (parallelism != null) {
      apply.parallelism(parallelism);
    }
    if (watch) {
      if (report != null) {
        throw usage("--report cannot be combined with --watch: a watch has no end to report; each poll's result is"
            + " printed on stderr and its status on stdout when it stops");
      }
      try {
        return new WatchRunner(apply, tables, aws.settings(), lock.options(), out, err, quiet)
            .run(LockArgs.parse(poll), LockArgs.parse(fullSweep), !noStartSweep, maintainEvery == null ? null
                : LockArgs.parse(maintainEvery), watchFor == null ? null : LockArgs.parse(watchFor));
      } catch (IllegalArgumentException e) {
        throw usage("Invalid duration: " + e.getMessage());
      } finally {
        if (progressListener != null) {
          progressListener.close();
        }
      }
    }
    if (!quiet) {
      err.println("applying " + tables.size() + " table(s) from " + source);
      err.flush();
    }
    ApplyResult result;
    try {
      result = apply.execute();
    } finally {
      if (progressListener != null) {
        progressListener.close();
      }
    }
    printSummary(result, out);
    printWarnings(result.report(), err);
    String withoutSpec = result.report().details().get("tablesWithoutSpec");
    if (withoutSpec != null && all) {
      err.println("note: tables under " + source + " without a spec were not applied: " + withoutSpec);
    }
    if (report != null) {
      writeReport(report, result.report());
      out.println("report: " + report.toAbsolutePath());
    }
    if (!result.succeeded()) {
      err.println("apply: error: " + failures(result.report()));
      if (aws.stacktrace) {
        result.tables().keySet().forEach(t -> result.failure(t).ifPresent(ex -> {
          err.println("[" + t + "] stack trace:");
          ex.printStackTrace(err);
        }));
      }
      err.flush();
      return LakesmithCli.FAILURE;
    }
    long quarantined = result.totals().rowsQuarantined();
    if (failOnQuarantine && quarantined > 0) {
      err.println("apply: " + quarantined + " row(s) quarantined (--fail-on-quarantine)");
      err.flush();
      return LakesmithCli.QUARANTINED;
    }
    return 0;
  }

  private ProgressListener progressListener(PrintWriter err, String prefix) {
    ProgressListener.Style style;
    switch (progress.toLowerCase(java.util.Locale.ROOT)) {
      case "bar": style = ProgressListener.Style.BAR; break;
      case "log": style = ProgressListener.Style.LOG; break;
      case "auto": style = ProgressListener.stderrIsTerminal() ? ProgressListener.Style.BAR : ProgressListener.Style.LOG;
        break;
      default: throw usage("Invalid value for option '--progress': expected auto, bar or log, got '" + progress + "'");
    }
    java.time.Duration every;
    try {
      every = LockArgs.parse(progressEvery);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '--progress-every': " + e.getMessage());
    }
    return new ProgressListener(err, System.err, prefix, style, every);
  }

  private TableSpec tableSpec() throws IOException {
    int dot = table.indexOf('.');
    if (dot <= 0 || dot == table.length() - 1 || table.indexOf('.', dot + 1) >= 0) {
      throw usage("Invalid value for option '--table': expected <schema>.<table>, got '" + table + "'");
    }
    TableSpec.Builder b = TableSpec.builder().database(table.substring(0, dot)).table(table.substring(dot + 1))
        .recordKey(key).partitionBy(partitionBy).basePath(target);
    try {
      b.type(SpecFile.tableType(type, "Invalid value for option '--type'"));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (schema != null) {
      try {
        b.schema(new Schema.Parser().parse(Files.readString(schema)));
      } catch (java.nio.file.NoSuchFileException e) {
        throw usage("Invalid value for option '--schema': no such file " + schema);
      } catch (SchemaParseException e) {
        throw usage("Invalid value for option '--schema': " + schema + " is not an Avro schema: " + e.getMessage());
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw usage("Invalid table options: " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  static void printSummary(ApplyResult result, PrintWriter out) {
    for (RunReport t : result.tables().values()) {
      ApplyCounts c = ApplyCounts.of(t);
      out.printf("%-30s %-9s files=%d skipped=%d load=%d inserts=%d updates=%d deletes=%d quarantined=%d "
              + "commits=%d %dms%n", t.name(), t.status(), c.filesRead(),
          c.filesSkipped(), c.rowsLoad(), c.rowsInsert(), c.rowsUpdate(),
          c.rowsDelete(), c.rowsQuarantined(), c.commits(),
          t.durationMillis());
    }
    out.flush();
  }

  /** One line per warning of the run and of each table, on stderr. */
  static void printWarnings(RunReport report, PrintWriter err) {
    report.warnings().forEach(w -> err.println("warning: " + w));
    for (RunReport t : report.children()) {
      t.warnings().forEach(w -> err.println("warning: " + t.name() + ": " + w));
    }
    err.flush();
  }

  static String failures(RunReport report) {
    List<String> errors = new ArrayList<>(report.errors());
    for (RunReport c : report.children()) {
      c.errors().forEach(e -> errors.add(c.name() + ": " + e));
    }
    return errors.isEmpty() ? report.status().toString() : String.join("; ", errors);
  }

  static void writeReport(Path file, RunReport report) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, report.toJson());
  }
}

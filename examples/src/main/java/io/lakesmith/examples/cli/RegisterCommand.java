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

import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.catalog.HudiSyncAction;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lakesmith register}: a Hudi table into the Glue Data Catalog ({@link GlueCatalog#syncHudiTable}). */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = LakesmithCli.Version.class,
    description = {"Registers a Hudi table in the AWS Glue Data Catalog (database, table — <table>_ro and "
        + "<table>_rt for merge-on-read — columns and partitions) and syncs what changed since the last run.",
        "Type, partition columns and schema are read from the table itself."})
final class RegisterCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--table", required = true, paramLabel = "[<database>.]<table>",
      description = "The Glue table name (with its database unless --database is given)")
  String table;

  @Option(names = "--target", required = true, paramLabel = "<base path>",
      description = "The Hudi table's base path (s3://bucket/prefix or a local path)")
  String target;

  @Option(names = "--database", paramLabel = "<database>", description = "The Glue database (created when missing)")
  String database;

  @Option(names = "--catalog-id", paramLabel = "<account id>", description = "The Glue catalog's AWS account id")
  String catalogId;

  @Option(names = "--full-sync", description = "Compare every partition on storage with Glue, not just new commits")
  boolean fullSync;

  @Option(names = "--description", paramLabel = "<text>", description = "The Glue table description")
  String description;

  @Option(names = "--report", paramLabel = "<file.json>", description = "Write the JSON run report to this file")
  Path report;

  @Mixin
  AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    String db = database;
    String name = table;
    int dot = table.indexOf('.');
    if (dot >= 0) {
      if (dot == 0 || dot == table.length() - 1 || table.indexOf('.', dot + 1) >= 0) {
        throw usage("Invalid value for option '--table': expected [<database>.]<table>, got '" + table + "'");
      }
      if (database != null && !database.equals(table.substring(0, dot))) {
        throw usage("--database=" + database + " contradicts --table=" + table);
      }
      db = table.substring(0, dot);
      name = table.substring(dot + 1);
    }
    if (db == null) {
      throw usage("Missing required option: '--database=<database>' (or --table=<database>.<table>)");
    }
    if (catalogId != null && !catalogId.matches("[0-9]{12}|[A-Za-z0-9:_/-]+")) {
      throw usage("Invalid value for option '--catalog-id': '" + catalogId + "'");
    }
    AwsSettings settings = aws.settings();
    HudiProperties props = HudiProperties.read(target, settings).orElseThrow(() -> new IllegalStateException(
        "no Hudi table at " + target + " (no .hoodie/hoodie.properties)"));
    TableSpec tableSpec;
    try {
      tableSpec = props.spec(db, name, target);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '--table': " + e.getMessage());
    }

    PrintWriter out = spec.commandLine().getOut();
    SyncResult result;
    try (GlueCatalog glue = GlueCatalog.builder().aws(settings).catalogId(catalogId).build()) {
      HudiSyncAction action = glue.syncHudiTable(tableSpec);
      if (fullSync) {
        action.fullSync();
      }
      if (description != null) {
        action.description(description);
      }
      result = action.execute();
    }
    out.println(summary(result));
    if (report != null) {
      ApplyCommand.writeReport(report, result.report());
      out.println("report: " + report.toAbsolutePath());
    }
    return 0;
  }

  static String summary(SyncResult r) {
    StringBuilder sb = new StringBuilder();
    r.tables().forEach((t, o) -> sb.append(sb.length() == 0 ? "" : ", ").append(t).append(' ').append(o));
    sb.append("; partitions +").append(r.partitionsAdded()).append(" ~").append(r.partitionsUpdated()).append(" -")
        .append(r.partitionsDropped()).append("; ").append(r.mode());
    r.lastSyncedCommit().ifPresent(c -> sb.append("; synced commit ").append(c));
    if (!r.schemaChanges().isEmpty()) {
      sb.append("; schema changes ").append(r.schemaChanges());
    }
    sb.append("; ").append(r.writeCalls()).append(" write calls");
    return sb.toString();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

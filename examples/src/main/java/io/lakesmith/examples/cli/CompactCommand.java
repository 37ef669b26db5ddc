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

import io.lakesmith.compaction.ExpireObjectVersions;
import io.lakesmith.compaction.ExpireObjectVersionsResult;
import io.lakesmith.compaction.LogTimestampSource;
import io.lakesmith.compaction.MaintenanceBlockedException;
import io.lakesmith.compaction.ObjectFormat;
import io.lakesmith.compaction.RecordKeyExtractor;
import io.lakesmith.compaction.TableMaintenance;
import io.lakesmith.compaction.Tier2Layout;
import io.lakesmith.compaction.TombstoneRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lakesmith compact}: Tier-2 object-version compaction ({@link TableMaintenance#expireOldVersions}). */
@Command(name = "compact", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = LakesmithCli.Version.class,
    description = {"Tier-2 object-version compaction: per record key keeps the newest object by DMS log position "
        + "(never by storage time unless asked) and deletes the older ones; keys whose newest object is a delete "
        + "tombstone are removed. Objects newer than the grace window are never touched.",
        "Try it with --dry-run first: it reads and decides exactly like a real run and deletes nothing."},
    footer = {"", "--log-position: metadata (x-amz-meta-dms-ts/-seq, written by Tier2Writer), dms-file-name "
        + "(DMS CDC file names), column:<ts>[,<seq>] (a column of the objects, needs --format), last-modified "
        + "(S3 LastModified: only when nothing better exists).",
        "--tombstone: none, dms-op (x-amz-meta-dms-op=D), column:<col>=<value>[,<value>] (needs --format)."})
final class CompactCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--prefix", required = true, paramLabel = "<s3://bucket/prefix|dir>",
      description = "The Tier-2 prefix to compact")
  String prefix;

  @Option(names = "--key-folders", split = ",", paramLabel = "<name>",
      description = "Record key = these hive-style folders (name=value/), in order")
  List<String> keyFolders = new ArrayList<>();

  @Option(names = "--key-pattern", paramLabel = "<regex>",
      description = "Record key = this regex matched at the start of the relative key (named group 'key' if any)")
  String keyPattern;

  @Option(names = "--log-position", required = true, paramLabel = "<source>",
      description = "Where an object's DMS log position comes from (see below)")
  String logPosition;

  @Option(names = "--tombstone", paramLabel = "<rule>", defaultValue = "none",
      description = "How a delete tombstone is recognized (default: ${DEFAULT-VALUE})")
  String tombstone;

  @Option(names = "--format", paramLabel = "parquet|csv", description = "Object format, when a column is read")
  String format;

  @Option(names = "--grace", paramLabel = "<duration>", defaultValue = "24h",
      description = "Objects with a log time within this of now are never touched (e.g. 24h, 90m, 7d, PT1H; "
          + "default: ${DEFAULT-VALUE})")
  String grace;

  @Option(names = "--tombstone-retention", paramLabel = "<duration>", defaultValue = "0s",
      description = "How long a settled tombstone stays before its key is removed (default: ${DEFAULT-VALUE})")
  String tombstoneRetention;

  @Option(names = "--versioned", description = "The bucket keeps versions: compact versions, delete by VersionId")
  boolean versioned;

  @Option(names = "--dry-run", description = "Report what would be deleted, delete nothing")
  boolean dryRun;

  @Option(names = "--show", paramLabel = "N", defaultValue = "20",
      description = "Deletions listed on stdout (default: ${DEFAULT-VALUE}; all are in --report)")
  int show;

  @Option(names = "--report", paramLabel = "<file.json>", description = "Write the JSON run report to this file")
  Path report;

  @Mixin
  AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    Tier2Layout layout = layout();
    ExpireObjectVersions action = TableMaintenance.on(aws.settings()).expireOldVersions(layout)
        .olderThan(duration("--grace", grace)).tombstoneRetention(duration("--tombstone-retention", tombstoneRetention))
        .versionedBucket(versioned);
    if (dryRun) {
      action.dryRun();
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println((dryRun ? "planning" : "compacting") + " " + layout.location());
    err.flush();
    ExpireObjectVersionsResult r;
    try {
      r = action.execute();
    } catch (MaintenanceBlockedException e) {
      err.println("compact: error: " + e.getMessage());
      return LakesmithCli.FAILURE;
    }
    String verb = r.isDryRun() ? "would delete" : "deleted";
    out.println(r.location() + (r.isDryRun() ? " (dry run)" : "") + ": scanned " + r.objectsScanned() + " objects of "
        + r.keysScanned() + " keys; " + verb + " " + r.objectsDeleted() + " (" + r.bytesReclaimed() + " bytes), kept "
        + r.objectsKept() + ", removed keys " + r.removedKeys().size() + ", skipped keys " + r.skippedKeys().size()
        + "; cutoff " + r.cutoff());
    r.deletions().stream().limit(Math.max(0, show))
        .forEach(d -> out.println("  " + verb + " " + d.label() + " (" + d.reason() + ", key " + d.recordKey() + ")"));
    if (r.deletions().size() > show || r.deletionsTruncated()) {
      out.println("  ... (" + r.objectsDeleted() + " in all)");
    }
    r.skippedKeys().forEach(s -> err.println("skipped " + s));
    if (report != null) {
      ApplyCommand.writeReport(report, r.report());
      out.println("report: " + report.toAbsolutePath());
    }
    if (!r.isComplete()) {
      err.println("compact: error: " + String.join("; ", r.errors()));
      return LakesmithCli.FAILURE;
    }
    return 0;
  }

  private Tier2Layout layout() {
    if (keyFolders.isEmpty() == (keyPattern == null)) {
      throw usage("Give exactly one of '--key-folders=<name>[,<name>...]' and '--key-pattern=<regex>'");
    }
    Tier2Layout.Builder b;
    try {
      b = Tier2Layout.builder(prefix);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '--prefix': " + e.getMessage());
    }
    if (keyPattern != null) {
      try {
        b.recordKey(RecordKeyExtractor.pattern(Pattern.compile(keyPattern)));
      } catch (PatternSyntaxException e) {
        throw usage("Invalid value for option '--key-pattern': " + e.getDescription());
      }
    } else {
      b.recordKey(RecordKeyExtractor.partitionFolders(keyFolders.toArray(String[]::new)));
    }
    b.logTimestamp(logPosition());
    b.tombstone(tombstone());
    if (format != null) {
      switch (format.toLowerCase(Locale.ROOT)) {
        case "parquet": b.contentFormat(ObjectFormat.parquet()); break;
        case "csv": b.contentFormat(ObjectFormat.csvWithHeader()); break;
        default: throw usage("Invalid value for option '--format': expected parquet or csv, got '" + format + "'");
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw usage("Invalid layout: " + e.getMessage());
    }
  }

  private LogTimestampSource logPosition() {
    String v = logPosition.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("metadata")) {
      return LogTimestampSource.metadata();
    }
    if (lower.equals("dms-file-name")) {
      return LogTimestampSource.dmsFileName();
    }
    if (lower.equals("last-modified")) {
      return LogTimestampSource.storageLastModified();
    }
    if (lower.startsWith("column:") && v.length() > "column:".length()) {
      String[] cols = v.substring("column:".length()).split(",");
      return cols.length == 1 ? LogTimestampSource.column(cols[0].trim())
          : LogTimestampSource.column(cols[0].trim(), cols[1].trim());
    }
    throw usage("Invalid value for option '--log-position': expected metadata, dms-file-name, column:<ts>[,<seq>] "
        + "or last-modified, got '" + logPosition + "'");
  }

  private TombstoneRule tombstone() {
    String v = tombstone.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("none")) {
      return TombstoneRule.none();
    }
    if (lower.equals("dms-op")) {
      return TombstoneRule.dmsOperationMetadata();
    }
    int eq = v.indexOf('=');
    if (lower.startsWith("column:") && eq > "column:".length() && eq < v.length() - 1) {
      return TombstoneRule.column(v.substring("column:".length(), eq).trim(), v.substring(eq + 1).split(","));
    }
    throw usage("Invalid value for option '--tombstone': expected none, dms-op or column:<col>=<value>[,<value>], "
        + "got '" + tombstone + "'");
  }

  /** {@code 24h}, {@code 90m}, {@code 30s}, {@code 7d} or ISO-8601 ({@code PT1H}). */
  private Duration duration(String option, String text) {
    try {
      return LockArgs.parse(text);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '" + option + "': expected a duration like 24h, 90m, 7d or PT1H, got '"
          + text + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

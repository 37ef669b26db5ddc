package io.lakesmith.examples.cli;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiTable;
import io.lakesmith.core.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lakesmith maintain}: Hudi table services on one table. This build runs them with what lake-core offers:
 * compaction of merge-on-read tables ({@link HudiTable#compact()}); clean, clustering and archival are reported as
 * not available.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = LakesmithCli.Version.class,
    description = {"Runs Hudi table services on a table: compaction (merge-on-read: log files merged into base "
        + "files), clean, clustering, archival. Without a service option every available service runs."})
final class MaintainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "<base path>",
      description = "The Hudi table's base path (s3://bucket/prefix or a local path)")
  String target;

  @Option(names = "--table", paramLabel = "<schema>.<table>", description = "Name for the report (default: from the table)")
  String table;

  @Option(names = "--compact", description = "Compact a merge-on-read table")
  boolean compact;

  @Option(names = "--clean", description = "Remove file versions no longer needed")
  boolean clean;

  @Option(names = "--cluster", description = "Rewrite small files into larger, sorted ones")
  boolean cluster;

  @Option(names = "--archive", description = "Archive old timeline instants")
  boolean archive;

  @Option(names = "--report", paramLabel = "<file.json>", description = "Write the JSON run report to this file")
  Path report;

  @Mixin
  AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    AwsSettings settings = aws.settings();
    HudiProperties props = HudiProperties.read(target, settings).orElseThrow(() -> new IllegalStateException(
        "no Hudi table at " + target + " (no .hoodie/hoodie.properties)"));
    String id = table != null ? table : "lake." + props.name().orElse("table");
    int dot = id.indexOf('.');
    TableSpec tableSpec = props.spec(id.substring(0, Math.max(dot, 0)).isEmpty() ? "lake" : id.substring(0, dot),
        id.substring(dot + 1), target);
    boolean all = !compact && !clean && !cluster && !archive;

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunReport.Builder rb = RunReport.builder("maintain", tableSpec.identifier()).input(target);
    List<String> unavailable = new ArrayList<>();
    if (clean || all) {
      unavailable.add("clean");
    }
    if (cluster || all) {
      unavailable.add("cluster");
    }
    if (archive || all) {
      unavailable.add("archive");
    }
    if (compact || all) {
      if (tableSpec.type() != TableType.MERGE_ON_READ) {
        out.println("compact: nothing to do, " + target + " is copy-on-write");
        rb.detail("compact", "copy-on-write: nothing to compact");
      } else {
        err.println("compacting " + target);
        err.flush();
        try (HudiTable t = HudiTables.open(tableSpec, writeOptions(props), settings)) {
          Optional<String> instant = t.compact();
          out.println("compact: " + instant.map(i -> "compacted as " + i).orElse("nothing to compact"));
          rb.detail("compact", instant.orElse("nothing to compact"));
          instant.ifPresent(i -> rb.add(RunReport.COMMITS, 1));
        }
      }
    }
    if (!unavailable.isEmpty()) {
      String msg = String.join(", ", unavailable) + ": not available in this build (Hudi table services of "
          + "lake-compaction are not part of it)";
      rb.detail("unavailable", String.join(",", unavailable));
      if (!all) {
        rb.error(msg);
      } else {
        err.println("note: " + msg);
      }
    }
    RunReport r = rb.finish();
    if (report != null) {
      ApplyCommand.writeReport(report, r);
      out.println("report: " + report.toAbsolutePath());
    }
    if (!r.errors().isEmpty()) {
      err.println("maintain: error: " + String.join("; ", r.errors()));
      return LakesmithCli.FAILURE;
    }
    return 0;
  }

  static HudiWriteOptions writeOptions(HudiProperties props) {
    HudiWriteOptions.Builder b = HudiWriteOptions.builder();
    List<String> ordering = props.orderingFields();
    if (!ordering.isEmpty()) {
      b.orderingField(ordering.get(0));
    }
    props.mergeMode().filter(m -> m.equalsIgnoreCase("COMMIT_TIME_ORDERING"))
        .ifPresent(m -> b.mergeMode(HudiWriteOptions.MergeMode.COMMIT_TIME_ORDERING));
    return b.build();
  }
}

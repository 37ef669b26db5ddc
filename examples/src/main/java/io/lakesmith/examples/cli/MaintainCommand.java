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

import io.lakesmith.compaction.hudi.ArchiveTimeline;
import io.lakesmith.compaction.hudi.ClusterTable;
import io.lakesmith.compaction.hudi.HudiMaintenance;
import io.lakesmith.compaction.hudi.HudiServiceResult;
import io.lakesmith.compaction.hudi.MaintenancePlan;
import io.lakesmith.compaction.hudi.MaintenancePolicy;
import io.lakesmith.compaction.hudi.MaintenanceRun;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lakesmith maintain}: Hudi table services on one table ({@link HudiMaintenance}). */
@Command(name = "maintain", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = LakesmithCli.Version.class,
    description = {"Runs Hudi table services on a table: compaction (merge-on-read: log files merged into base "
        + "files), clustering (small files rewritten), clean (old file versions removed), archival (old timeline "
        + "instants archived; the commit with the apply checkpoint is kept).",
        "Without a service option the planner decides what the table needs (default policy) and runs it in a safe "
        + "order; with --plan it only prints the plan.",
        "A clean runs beside an apply of the same table; the other services take the table's lock and fail at once "
            + "while an apply holds it (exit code 1, nothing changed) unless --lock-wait lets them wait."})
final class MaintainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "<base path>",
      description = "The Hudi table's base path (s3://bucket/prefix or a local path)")
  String target;

  @Option(names = "--table", paramLabel = "<schema>.<table>", description = "Name for the report (default: from the table)")
  String table;

  @Option(names = "--plan", description = "Print what the planner would run, run nothing")
  boolean plan;

  @Option(names = "--compact", description = "Compact a merge-on-read table")
  boolean compact;

  @Option(names = "--cluster", description = "Rewrite small base files into larger ones")
  boolean cluster;

  @Option(names = "--clean", description = "Remove file versions no retained commit needs")
  boolean clean;

  @Option(names = "--archive", description = "Archive old timeline instants")
  boolean archive;

  @Option(names = "--retain-commits", paramLabel = "N", defaultValue = "10",
      description = "Clean: commits whose files are kept (default: ${DEFAULT-VALUE})")
  int retainCommits;

  @Option(names = "--archive-keep", split = ",", paramLabel = "<min>,<max>",
      description = "Archive: commits kept active, min and max (default: 20,30)")
  List<Integer> archiveKeep = new ArrayList<>();

  @Option(names = "--report", paramLabel = "<file.json>", description = "Write the JSON run report to this file")
  Path report;

  @Mixin
  AwsOptions aws;

  @Mixin
  LockArgs lock;

  @Override
  public Integer call() throws Exception {
    boolean explicit = compact || cluster || clean || archive;
    if (plan && explicit) {
      throw usage("--plan shows the planner's choice: it cannot be combined with --compact/--cluster/--clean/--archive");
    }
    if (retainCommits < 1) {
      throw usage("Invalid value for option '--retain-commits': must be at least 1, got " + retainCommits);
    }
    if (!archiveKeep.isEmpty() && (archiveKeep.size() != 2 || archiveKeep.get(0) < 2
        || archiveKeep.get(1) <= archiveKeep.get(0))) {
      throw usage("Invalid value for option '--archive-keep': expected <min>,<max> with 2 <= min < max, got "
          + archiveKeep);
    }
    if (table != null && (table.indexOf('.') <= 0 || table.endsWith("."))) {
      throw usage("Invalid value for option '--table': expected <schema>.<table>, got '" + table + "'");
    }
    AwsSettings settings = aws.settings();
    HudiProperties props = HudiProperties.read(target, settings).orElseThrow(() -> new IllegalStateException(
        "no Hudi table at " + target + " (no .hoodie/hoodie.properties)"));
    String id = table != null ? table : "lake." + props.name().orElse("table");
    TableSpec tableSpec = props.spec(id.substring(0, id.indexOf('.')), id.substring(id.indexOf('.') + 1), target);

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunReport.Builder rb = RunReport.builder("maintain", tableSpec.identifier()).input(target);
    MaintenancePolicy policy = MaintenancePolicy.builder()
        .clean(io.lakesmith.core.hudi.CleanPolicy.KEEP_LATEST_COMMITS, retainCommits)
        .archive(archiveKeep.isEmpty() ? 20 : archiveKeep.get(0), archiveKeep.isEmpty() ? 30 : archiveKeep.get(1))
        .build();
    io.lakesmith.core.lock.LockOptions lockOptions = lock.options();
    try (HudiMaintenance m = HudiMaintenance.forTable(tableSpec, writeOptions(props), settings)
        .lockOptions(lockOptions)) {
      if (!explicit) {
        MaintenancePlan p = m.plan(policy);
        out.println("plan for " + tableSpec.identifier() + ": " + (p.steps().isEmpty() ? "nothing to do" : ""));
        p.steps().forEach(s -> out.println("  " + s.service() + ": " + s.reason()));
        if (!plan && !p.steps().isEmpty()) {
          err.println("running " + p.steps().size() + " step(s) on " + target);
          err.flush();
          MaintenanceRun run = m.runNeeded(policy);
          run.results().forEach(r -> print(out, r));
          rb.child(run.report());
        }
      } else {
        // a safe order: rewrites first, then clean (removes what the rewrites replaced), then archival
        List<HudiServiceResult> results = new ArrayList<>();
        if (compact) {
          results.add(m.compact().execute());
        }
        if (cluster) {
          ClusterTable c = m.cluster();
          results.add(c.execute());
        }
        if (clean) {
          results.add(m.clean().retainCommits(retainCommits).execute());
        }
        if (archive) {
          ArchiveTimeline a = m.archive();
          if (!archiveKeep.isEmpty()) {
            a.keepCommits(archiveKeep.get(0), archiveKeep.get(1));
          }
          results.add(a.execute());
        }
        for (HudiServiceResult r : results) {
          print(out, r);
          rb.child(r.report());
        }
      }
    }
    RunReport r = rb.finish();
    if (report != null) {
      ApplyCommand.writeReport(report, r);
      out.println("report: " + report.toAbsolutePath());
    }
    return 0;
  }

  private static void print(PrintWriter out, HudiServiceResult r) {
    out.println(r.service().name().toLowerCase(java.util.Locale.ROOT) + ": " + (r.didWork()
        ? "done " + r.instants() + (r.deletedFiles().isEmpty() ? "" : ", deleted " + r.deletedFiles().size() + " files")
            + (r.commitsArchived() == 0 ? "" : ", archived " + r.commitsArchived() + " commits")
        : "nothing to do" + r.skippedReason().map(s -> " (" + s + ")").orElse("")));
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

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

package io.lakesmith.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lakesmith compact}: Tier-2 object-version compaction; not available until lake-compaction ships it. */
@Command(name = "compact", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = LakesmithCli.Version.class,
    description = "Tier-2 object-version compaction: keeps the newest object version per record key by DMS log "
        + "position and deletes the older ones (NOT AVAILABLE in this build).")
final class CompactCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--prefix", required = true, paramLabel = "<s3://bucket/prefix|dir>",
      description = "The Tier-2 prefix to compact")
  String prefix;

  @Option(names = "--dry-run", description = "Report what would be deleted, delete nothing")
  boolean dryRun;

  @Mixin
  AwsOptions aws;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("compact: error: Tier-2 object-version compaction is not available in this "
        + "build (lake-compaction has no public compaction API yet)");
    return LakesmithCli.FAILURE;
  }
}

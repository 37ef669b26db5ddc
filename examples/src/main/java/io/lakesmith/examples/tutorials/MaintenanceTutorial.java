package io.lakesmith.examples.tutorials;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiCommit;
import io.lakesmith.core.hudi.HudiTable;
import io.lakesmith.core.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Tutorial (c), table maintenance: a merge-on-read table takes CDC updates as log files, and compaction merges them
 * into new base files. (Tier-2 object-version compaction, the other half of the tutorial, needs lake-compaction's
 * API, which this build does not have yet: see examples/README.md.)
 */
public final class MaintenanceTutorial {

  private MaintenanceTutorial() {}

  /** The ordering field every Lakesmith DMS table has: the change sequence the apply assigns. */
  static final String ORDERING = "_lake_seq";

  /** Applies the DMS output under {@code dmsRoot} to a merge-on-read table, then compacts it; returns the instant. */
  public static Optional<String> run(AwsSettings aws, String dmsRoot, String basePath, PrintStream out) {
    TableSpec spec = DmsToGlueTutorial.employees("unused").toBuilder().type(TableType.MERGE_ON_READ)
        .basePath(basePath).build();
    ApplyResult applied = DmsApply.from(dmsRoot).aws(aws).table(spec).timestampColumn("DMS_TS").execute();
    if (!applied.succeeded()) {
      throw new IllegalStateException("apply failed: " + applied.report().toJson());
    }
    try (HudiTable table = HudiTables.open(spec, HudiWriteOptions.builder().orderingField(ORDERING).build(), aws)) {
      out.println("commits before compaction: " + table.commits().stream().map(HudiCommit::instantTime).toList());
      Optional<String> instant = table.compact();
      out.println("compaction: " + instant.map(i -> "merged log files into base files as " + i)
          .orElse("nothing to compact"));
      return instant;
    }
  }
}

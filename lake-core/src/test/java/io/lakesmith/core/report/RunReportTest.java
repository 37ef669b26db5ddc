package io.lakesmith.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void jsonRoundTripKeepsEverything() {
    RunReport child = RunReport.builder("apply", "hr.employees").add(RunReport.ROWS_READ, 10)
        .add(RunReport.ROWS_READ, 5).add(RunReport.COMMITS, 1).input("LOAD00000001.csv")
        .detail("checkpoint", "20250101-120000123.csv").warning("hr/employees/LOAD00000002.CSV: not a DMS file")
        .finish();
    RunReport failed = RunReport.builder("apply", "hr.jobs").error("hr/jobs/x.csv line 3: bad").finish();
    RunReport all = RunReport.builder("apply", "s3://dms/root").child(child).child(failed).finish();

    assertThat(child.status()).as("a warning does not fail the run").isEqualTo(RunReport.Status.SUCCEEDED);
    assertThat(child.warnings()).containsExactly("hr/employees/LOAD00000002.CSV: not a DMS file");
    assertThat(child.counter(RunReport.ROWS_READ)).isEqualTo(15);
    assertThat(child.counter(RunReport.ROWS_QUARANTINED)).isZero();
    assertThat(failed.status()).isEqualTo(RunReport.Status.FAILED);
    assertThat(all.status()).isEqualTo(RunReport.Status.PARTIAL);

    String json = all.toJson();
    assertThat(json).contains("\"warnings\" : [ \"hr/employees/LOAD00000002.CSV: not a DMS file\" ]")
        .contains("\"rowsRead\" : 15").contains("\"durationMillis\"").contains("2025");
    assertThat(RunReport.fromJson(json)).isEqualTo(all);
  }
}

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

package io.lakesmith.examples.spark;

import io.lakesmith.catalog.GlueCatalog;
import io.lakesmith.catalog.SyncResult;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.examples.cli.SpecFile;
import java.io.Serializable;
import java.net.URI;

/**
 * The settings of a Spark apply (endpoint, region, mode, registration, commit size) and what one table's apply does
 * without Spark (the Glue bundle's isolated class-loader test runs it): applies one DMS table with {@link DmsApply} (the Hudi Java client, inside the task) and,
 * when asked, registers it in Glue. Serializable and free of Spark types, so it runs the same in any engine; the table
 * travels as spec-file JSON ({@link SpecFile}) and the result comes back as {@link RunReport} JSON.
 */
public final class DmsApplyTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String endpoint;
  private final String region;
  private final boolean pathStyle;
  private final boolean strict;
  private final boolean register;
  private final int maxRowsPerCommit;

  /**
   * @param source the DMS output root ({@code s3://bucket/prefix} or a path every worker sees)
   * @param endpoint S3/Glue endpoint override, or null for AWS
   * @param region AWS region, or null for the SDK's region chain
   * @param register whether a table applied successfully is then registered/synced in Glue
   */
  public DmsApplyTask(String source, String endpoint, String region, boolean pathStyle, boolean strict,
      boolean register, int maxRowsPerCommit) {
    this.source = source;
    this.endpoint = endpoint;
    this.region = region;
    this.pathStyle = pathStyle;
    this.strict = strict;
    this.register = register;
    this.maxRowsPerCommit = maxRowsPerCommit;
  }

  boolean strict() {
    return strict;
  }

  boolean register() {
    return register;
  }

  int maxRowsPerCommit() {
    return maxRowsPerCommit;
  }

  AwsSettings aws() {
    AwsSettings.Builder b = AwsSettings.builder().pathStyle(pathStyle);
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpoint(URI.create(endpoint));
    }
    if (region != null && !region.isBlank()) {
      b.region(region);
    }
    return b.build();
  }

  /** Applies the one table of {@code tableJson}; returns its report as JSON (never throws for a failed table). */
  public String apply(String tableJson) {
    SpecFile file = SpecFile.parse(tableJson, "table spec");
    TableSpec spec = file.tables().get(0);
    AwsSettings aws = aws();
    RunReport.Builder task = RunReport.builder("spark-task", spec.basePath()).name(spec.identifier())
        .detail("host", hostName()).detail("thread", Thread.currentThread().getName());
    try {
      DmsApply apply = DmsApply.from(source).aws(aws).table(spec).parallelism(1)
          .mode(strict ? ApplyMode.STRICT : ApplyMode.QUARANTINE).maxRowsPerCommit(maxRowsPerCommit);
      file.timestampColumn().ifPresent(apply::timestampColumn);
      file.tableVersion().ifPresent(v -> apply.writeOptions(
          io.lakesmith.core.hudi.HudiWriteOptions.builder().tableVersion(v).build()));
      ApplyResult result = apply.execute();
      RunReport table = result.tables().getOrDefault(spec.identifier(), result.report());
      task.child(table);
      if (register && result.succeeded()) {
        try (GlueCatalog glue = GlueCatalog.builder().aws(aws).build()) {
          SyncResult sync = glue.syncHudiTable(spec).execute();
          task.child(sync.report());
        }
      }
    } catch (RuntimeException e) {
      task.error(e.toString());
    }
    return task.finish().toJson();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}

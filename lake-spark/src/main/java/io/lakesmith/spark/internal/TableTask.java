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

package io.lakesmith.spark.internal;

import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.TableSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Table-per-task mode: one Spark task applies one whole (small) table with lake-cdc's {@link DmsApply} (the Hudi Java
 * client inside the task) and returns its report as JSON. The spec and options travel Java-serialized in a byte
 * array, which any Spark serializer (Java or Kryo) carries unchanged.
 */
public final class TableTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TaskConfig config;
  private final byte[] payload;
  private final int maxRowsPerCommit;
  private final long deleteRetentionMillis;
  private final String table;

  public TableTask(TaskConfig config, TableSpec spec, HudiWriteOptions writeOptions, LockOptions lockOptions,
      int maxRowsPerCommit, Duration deleteRetention) {
    this.config = config;
    this.maxRowsPerCommit = maxRowsPerCommit;
    this.deleteRetentionMillis = deleteRetention.toMillis();
    this.table = spec.identifier();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new Object[] {spec, writeOptions, lockOptions});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.payload = bytes.toByteArray();
  }

  /** The table's {@code schema.table}. */
  public String table() {
    return table;
  }

  /** Applies the table; returns its report as JSON (never throws for a failed table). */
  public String run() {
    try {
      Object[] parts;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
        parts = (Object[]) in.readObject();
      }
      ApplyResult r = DmsApply.from(config.root).aws(config.aws()).format(config.format()).mode(config.mode)
          .ordering(config.sequencer()).writeOptions((HudiWriteOptions) parts[1]).lock((LockOptions) parts[2])
          .deleteRetention(Duration.ofMillis(deleteRetentionMillis)).maxRowsPerCommit(maxRowsPerCommit)
          .parallelism(1).table((TableSpec) parts[0]).execute();
      RunReport t = r.tables().getOrDefault(table, r.report());
      return RunReport.builder("spark-task", table).detail("thread", Thread.currentThread().getName()).child(t)
          .finish().toJson();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return RunReport.builder("apply", table).error("table-per-task apply failed: " + e).finish().toJson();
    }
  }
}

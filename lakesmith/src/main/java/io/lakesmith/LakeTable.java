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

package io.lakesmith;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.table.TableSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * An existing table as {@link Lakesmith#table(String)} opened it: its spec and write options, read from the table
 * itself (its {@code hoodie.properties}), so callers need not repeat the record key, partition columns, type or
 * ordering field (for tables the DMS apply made, {@link io.lakesmith.cdc.DmsApply#ORDERING_FIELD}). Immutable; holds
 * no open resources.
 *
 * <p>{@link #read()} and {@link #forEach(Consumer)} read the table's latest snapshot through Hudi's own reader
 * (merging log files of merge-on-read tables): for checks and small tables; engines (Athena, Spark) are the way to
 * query large ones.
 */
public final class LakeTable {

  private final TableSpec spec;
  private final HudiWriteOptions writeOptions;
  private final AwsSettings aws;

  LakeTable(TableSpec spec, HudiWriteOptions writeOptions, AwsSettings aws) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.writeOptions = Objects.requireNonNull(writeOptions, "writeOptions");
    this.aws = Objects.requireNonNull(aws, "aws");
  }

  /**
   * Every row of the latest snapshot, with Hudi's meta columns ({@code _hoodie_commit_time},
   * {@code _hoodie_partition_path}, ...) as Athena and Spark show them, in file-group order (not key or write order).
   * Values are raw Avro values: decimals as fixed (see {@link io.lakesmith.core.table.ColumnType#decimalValue}),
   * timestamps as microseconds, dates as days, strings as {@code Utf8}. Materializes the table: use
   * {@link #forEach(Consumer)} for large ones.
   */
  public List<GenericRecord> read() {
    return HudiTableReader.of(spec.basePath(), aws).read();
  }

  /** The Avro schema of the table's data columns (no Hudi meta columns), or empty for a table without commits. */
  public Optional<Schema> schema() {
    return HudiTableReader.of(spec.basePath(), aws).withoutMetaColumns().schema();
  }

  /** Streams every row of the latest snapshot, as {@link #read()} returns them, to {@code action}. */
  public void forEach(Consumer<GenericRecord> action) {
    HudiTableReader.of(spec.basePath(), aws).forEach(action);
  }

  /** Database, table name, record key, partition columns, type and base path, as the table records them. */
  public TableSpec spec() {
    return spec;
  }

  /** The table's ordering field and table version (other options at their defaults). */
  public HudiWriteOptions writeOptions() {
    return writeOptions;
  }

  /** The table's base path, as given to {@link Lakesmith#table(String)}. */
  public String basePath() {
    return spec.basePath();
  }

  /** {@code database.table}. */
  public String identifier() {
    return spec.identifier();
  }

  @Override
  public String toString() {
    return spec.identifier() + " at " + spec.basePath();
  }
}

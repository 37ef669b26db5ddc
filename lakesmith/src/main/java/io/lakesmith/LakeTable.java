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

import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.table.TableSpec;
import java.util.Objects;

/**
 * An existing table as {@link Lakesmith#table(String)} opened it: its spec and write options, read from the table
 * itself (its {@code hoodie.properties}), so callers need not repeat the record key, partition columns, type or
 * ordering field (for tables the DMS apply made, {@link io.lakesmith.cdc.DmsApply#ORDERING_FIELD}). Immutable; holds
 * no open resources.
 */
public final class LakeTable {

  private final TableSpec spec;
  private final HudiWriteOptions writeOptions;

  LakeTable(TableSpec spec, HudiWriteOptions writeOptions) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.writeOptions = Objects.requireNonNull(writeOptions, "writeOptions");
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

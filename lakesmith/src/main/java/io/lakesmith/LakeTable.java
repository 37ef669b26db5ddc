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

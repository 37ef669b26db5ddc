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

package io.lakesmith.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Creates a Glue table from a {@link GlueShapes.Shape} or brings an existing one in line with it: columns evolved
 * (appended, widened, never narrowed, comments kept), formats/serde/location set, Lakesmith's parameters merged
 * over the existing ones (foreign parameters are kept). Updates carry the {@code VersionId} that was read and
 * {@code SkipArchive}; a {@code ConcurrentModificationException} re-reads the table and re-applies the change.
 * No call is made when the table already matches.
 */
final class TableSync {

  /** What {@link #ensure} did. */
  static final class Outcome {
    final SyncResult.TableOutcome outcome;
    final ImmutableList<SchemaChange> changes;
    final StorageDescriptor storageDescriptor;
    final ImmutableMap<String, String> previousParameters;

    Outcome(SyncResult.TableOutcome outcome, List<SchemaChange> changes, StorageDescriptor storageDescriptor,
        Map<String, String> previousParameters) {
      this.outcome = outcome;
      this.changes = ImmutableList.copyOf(changes);
      this.storageDescriptor = storageDescriptor;
      this.previousParameters = ImmutableMap.copyOf(previousParameters);
    }
  }

  private final GlueOps ops;
  private final boolean skipArchive;
  private final int maxConcurrentModificationRetries;
  private final Duration concurrentModificationBackoff;

  TableSync(GlueOps ops, boolean skipArchive, int maxConcurrentModificationRetries, Duration concurrentModificationBackoff) {
    this.ops = ops;
    this.skipArchive = skipArchive;
    this.maxConcurrentModificationRetries = maxConcurrentModificationRetries;
    this.concurrentModificationBackoff = concurrentModificationBackoff;
  }

  /** Creates or updates the table so it matches {@code shape} plus {@code extraParameters}. */
  Outcome ensure(String database, GlueShapes.Shape shape, Map<String, String> extraParameters) {
    String identifier = database + "." + shape.tableName;
    boolean updateSent = false;
    List<SchemaChange> sentChanges = List.of();
    for (int attempt = 0; ; attempt++) {
      Optional<Table> current = ops.getTable(database, shape.tableName);
      if (current.isEmpty()) {
        TableInput input = createInput(shape, extraParameters);
        try {
          ops.createTable(database, input);
          return new Outcome(SyncResult.TableOutcome.CREATED, List.of(), input.storageDescriptor(), Map.of());
        } catch (AlreadyExistsException e) {
          continue; // created concurrently: update it instead
        }
      }
      Table table = current.get();
      List<SchemaChange> changes = new ArrayList<>();
      TableInput merged = merge(identifier, table, shape, extraParameters, changes);
      if (sameOwnedState(table, merged)) {
        return new Outcome(updateSent ? SyncResult.TableOutcome.UPDATED : SyncResult.TableOutcome.UNCHANGED,
            updateSent ? sentChanges : List.of(), table.storageDescriptor(), table.parameters());
      }
      try {
        ops.updateTable(database, merged, table.versionId(), skipArchive);
        return new Outcome(SyncResult.TableOutcome.UPDATED, changes, merged.storageDescriptor(), table.parameters());
      } catch (ConcurrentModificationException e) {
        // someone else changed the table since we read it (or our own earlier attempt went through): re-read, re-apply
        updateSent = true;
        sentChanges = changes;
        if (attempt >= maxConcurrentModificationRetries) {
          throw new CatalogException("table " + identifier + " kept changing under us: gave up after "
              + (attempt + 1) + " concurrent modifications", e);
        }
        sleepJittered(attempt);
      }
    }
  }

  private void sleepJittered(int attempt) {
    long cap = concurrentModificationBackoff.toMillis() << Math.min(attempt, 10);
    if (cap <= 0) {
      return;
    }
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while retrying a concurrent modification", e);
    }
  }

  static TableInput createInput(GlueShapes.Shape shape, Map<String, String> extraParameters) {
    Map<String, String> params = new LinkedHashMap<>(shape.parameters);
    params.putAll(extraParameters);
    return TableInput.builder().name(shape.tableName).description(shape.description)
        .tableType(GlueShapes.EXTERNAL_TABLE).parameters(params).partitionKeys(glueColumns(shape.partitionKeys))
        .storageDescriptor(StorageDescriptor.builder().location(shape.location).inputFormat(shape.inputFormat)
            .outputFormat(shape.outputFormat).compressed(false).numberOfBuckets(-1)
            .serdeInfo(SerDeInfo.builder().serializationLibrary(shape.serde).parameters(shape.serdeParameters).build())
            .columns(glueColumns(shape.columns)).build())
        .build();
  }

  static List<Column> glueColumns(List<CatalogColumn> columns) {
    List<Column> out = new ArrayList<>();
    for (CatalogColumn c : columns) {
      out.add(Column.builder().name(c.name()).type(c.type()).comment(c.comment().orElse(null)).build());
    }
    return out;
  }

  /** The existing table with the shape applied; adds what changed in the columns to {@code changes}. */
  static TableInput merge(String identifier, Table table, GlueShapes.Shape shape, Map<String, String> extraParameters,
      List<SchemaChange> changes) {
    StorageDescriptor sd = table.storageDescriptor() == null ? StorageDescriptor.builder().build() : table.storageDescriptor();
    List<Column> columns = evolve(identifier, sd.columns(), shape.columns, changes, false);
    List<Column> partitionKeys = evolve(identifier, table.partitionKeys(), shape.partitionKeys, changes, true);

    Map<String, String> params = new LinkedHashMap<>();
    table.parameters().forEach((k, v) -> {
      if (!GlueShapes.ownedTableParameter(k)) {
        params.put(k, v); // foreign parameters (other tools, people) are kept
      }
    });
    params.putAll(shape.parameters);
    params.putAll(extraParameters);

    SerDeInfo serde = sd.serdeInfo() == null ? SerDeInfo.builder().build() : sd.serdeInfo();
    Map<String, String> serdeParams = new LinkedHashMap<>();
    if (shape.serde.equals(serde.serializationLibrary())) {
      serde.parameters().forEach((k, v) -> {
        if (!GlueShapes.ownedSerdeParameter(k)) {
          serdeParams.put(k, v);
        }
      });
    }
    serdeParams.putAll(shape.serdeParameters);

    StorageDescriptor newSd = sd.toBuilder().location(shape.location).inputFormat(shape.inputFormat)
        .outputFormat(shape.outputFormat)
        .serdeInfo(serde.toBuilder().serializationLibrary(shape.serde).parameters(serdeParams).build())
        .columns(columns).build();
    return TableInput.builder().name(table.name())
        .description(shape.description != null ? shape.description : table.description())
        .owner(table.owner()).retention(table.retention()).tableType(GlueShapes.EXTERNAL_TABLE)
        .viewOriginalText(table.viewOriginalText()).viewExpandedText(table.viewExpandedText())
        .targetTable(table.targetTable()).parameters(params).partitionKeys(partitionKeys).storageDescriptor(newSd)
        .build();
  }

  /**
   * Existing columns in their order (types widened, comments kept unless a new one is given; columns no longer
   * in the data are kept, as Hive tables are a superset of their files' schemas), then new ones appended.
   */
  private static List<Column> evolve(String identifier, List<Column> existing, List<CatalogColumn> desired,
      List<SchemaChange> changes, boolean partitionKeys) {
    Map<String, CatalogColumn> byName = new LinkedHashMap<>();
    for (CatalogColumn c : desired) {
      byName.put(c.name().toLowerCase(Locale.ROOT), c);
    }
    if (partitionKeys && !existing.isEmpty()) {
      List<String> oldNames = new ArrayList<>();
      existing.forEach(c -> oldNames.add(c.name().toLowerCase(Locale.ROOT)));
      if (!oldNames.equals(new ArrayList<>(byName.keySet()))) {
        throw new SchemaEvolutionException(identifier, "(partition keys)", oldNames.toString(), byName.keySet().toString(),
            "partition keys cannot change: create a new table");
      }
    } else if (partitionKeys && !desired.isEmpty()) {
      // an existing unpartitioned table cannot become partitioned in place
      throw new SchemaEvolutionException(identifier, "(partition keys)", "[]", byName.keySet().toString(),
          "partition keys cannot change: create a new table");
    }
    List<Column> out = new ArrayList<>();
    for (Column old : existing) {
      CatalogColumn want = byName.remove(old.name().toLowerCase(Locale.ROOT));
      if (want == null) {
        out.add(old);
        continue;
      }
      Column.Builder b = old.toBuilder();
      HiveType oldType = HiveType.parse(old.type());
      if (!oldType.equals(want.hiveType())) {
        Optional<String> problem = oldType.widenProblem(want.hiveType());
        if (problem.isPresent()) {
          throw new SchemaEvolutionException(identifier, old.name(), oldType.toString(), want.type(), problem.get());
        }
        b.type(want.type());
        changes.add(new SchemaChange(identifier, old.name(), SchemaChange.Kind.WIDENED, oldType.toString(), want.type()));
      }
      if (want.comment().isPresent() && !want.comment().get().equals(old.comment())) {
        b.comment(want.comment().get());
        changes.add(new SchemaChange(identifier, old.name(), SchemaChange.Kind.COMMENT_CHANGED, null, want.type()));
      }
      out.add(b.build());
    }
    for (CatalogColumn added : byName.values()) {
      out.add(Column.builder().name(added.name()).type(added.type()).comment(added.comment().orElse(null)).build());
      changes.add(new SchemaChange(identifier, added.name(), SchemaChange.Kind.ADDED, null, added.type()));
    }
    return out;
  }

  /** Whether everything Lakesmith owns in the table already equals {@code want}. */
  static boolean sameOwnedState(Table have, TableInput want) {
    StorageDescriptor h = have.storageDescriptor();
    StorageDescriptor w = want.storageDescriptor();
    if (h == null) {
      return false;
    }
    SerDeInfo hs = h.serdeInfo() == null ? SerDeInfo.builder().build() : h.serdeInfo();
    return Objects.equals(have.description(), want.description())
        && Objects.equals(have.tableType(), want.tableType())
        && have.parameters().equals(want.parameters())
        && Objects.equals(h.location(), w.location())
        && Objects.equals(h.inputFormat(), w.inputFormat())
        && Objects.equals(h.outputFormat(), w.outputFormat())
        && Objects.equals(hs.serializationLibrary(), w.serdeInfo().serializationLibrary())
        && hs.parameters().equals(w.serdeInfo().parameters())
        && sameColumns(h.columns(), w.columns())
        && sameColumns(have.partitionKeys(), want.partitionKeys());
  }

  private static boolean sameColumns(List<Column> a, List<Column> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Column x = a.get(i);
      Column y = b.get(i);
      if (!x.name().equals(y.name()) || !HiveType.parse(x.type()).equals(HiveType.parse(y.type()))
          || !Objects.equals(emptyToNull(x.comment()), emptyToNull(y.comment()))) {
        return false;
      }
    }
    return true;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

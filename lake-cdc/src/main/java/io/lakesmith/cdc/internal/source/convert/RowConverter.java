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

package io.lakesmith.cdc.internal.source.convert;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.lakesmith.cdc.internal.source.read.DmsColumns;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.cdc.RowError;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Converts {@link DmsRow}s to Avro records of a target schema whose fields are all {@code ["null", T]} with
 * {@code T} a {@link ColumnType} (as {@link TableSpec#avroSchema} builds them). Immutable and thread-safe.
 *
 * <p>Target fields are matched to file columns by name (exact, else the one case-insensitive match); target fields
 * the file lacks are null, file columns the target lacks are ignored (see {@link #missingColumns} and
 * {@link #extraColumns} to detect DDL drift).
 *
 * <p>Text conversions (CSV, and Parquet string columns): {@code int}/{@code long} decimal integers (also
 * {@code 5.00}, {@code 1E+3} when integral); {@code float}/{@code double} decimal or scientific notation, NaN and
 * infinities; {@code decimal(p,s)} exact: more than {@code s} non-zero fraction digits or more than {@code p} digits
 * is an error, never rounded; {@code boolean} t/f, true/false, 1/0, y/n, yes/no in any case; {@code date}
 * {@code yyyy-MM-dd} or a timestamp at exactly midnight; {@code timestamp} as {@link DmsTimestamps} parses it, to
 * exact microseconds since the epoch (UTC), non-zero digits below the microsecond being an error;
 * {@code bytes} hex. Non-string values are stripped of surrounding blanks first; strings are kept as is.
 *
 * <p>Parquet values convert when the value is representable exactly: integers and decimals to int, long or decimal
 * when they fit, int/float to double, timestamp-millis/micros (UTC or local) to microseconds, date to date or
 * timestamp; anything else is an error. INT64 without a timestamp logical type does not convert to a timestamp.
 *
 * <p>Errors: {@link #convert} throws {@link DmsRowException} holding one {@link RowError} per failing column
 * ({@code CONVERSION}, or {@code MISSING_KEY} for a record-key column that is absent, NULL or not supplied), or the
 * row's own error when it has one.
 */
public final class RowConverter {
  private final Schema schema;
  private final ImmutableList<Target> targets;
  private final ImmutableList<String> recordKey;
  private final Map<DmsColumns, int[]> mappings = new ConcurrentHashMap<>();

  private static final class Target {
    final String name;
    final ColumnType type;
    final Schema avro;
    final boolean key;

    Target(String name, ColumnType type, Schema avro, boolean key) {
      this.name = name;
      this.type = type;
      this.avro = avro;
      this.key = key;
    }
  }

  private RowConverter(Schema schema, List<String> recordKey) {
    Preconditions.checkArgument(schema != null && schema.getType() == Schema.Type.RECORD, "target must be a record schema");
    this.schema = schema;
    this.recordKey = ImmutableList.copyOf(recordKey);
    Set<String> keys = new HashSet<>(recordKey);
    ImmutableList.Builder<Target> t = ImmutableList.builder();
    for (Schema.Field f : schema.getFields()) {
      Schema fs = f.schema();
      Preconditions.checkArgument(fs.getType() == Schema.Type.UNION && fs.getTypes().size() == 2
          && fs.getTypes().get(0).getType() == Schema.Type.NULL,
          "target field '%s' must be [\"null\", T], got %s", f.name(), fs);
      t.add(new Target(f.name(), ColumnType.fromAvro(fs), ColumnType.nonNull(fs), keys.remove(f.name())));
    }
    Preconditions.checkArgument(keys.isEmpty(), "record-key columns %s are not in the target schema", keys);
    this.targets = t.build();
  }

  /** A converter to {@code schema}, checking that {@code recordKey} columns (may be empty) have values. */
  public static RowConverter of(Schema schema, List<String> recordKey) {
    return new RowConverter(schema, recordKey);
  }

  /** A converter to typed columns (record named {@code name}). */
  public static RowConverter of(String name, Map<String, ColumnType> columns, List<String> recordKey) {
    return new RowConverter(TableSpec.avroSchema(name, columns), recordKey);
  }

  /** A converter to the spec's schema and record key; the spec must have a schema. */
  public static RowConverter forSpec(TableSpec spec) {
    Preconditions.checkArgument(spec.schema().isPresent(), "%s has no schema to convert to", spec.identifier());
    return new RowConverter(spec.schema().get(), spec.recordKey());
  }

  public Schema schema() {
    return schema;
  }

  public List<String> recordKey() {
    return recordKey;
  }

  /** Converts a row; see the class comment for what is an error. */
  public ConvertedRow convert(DmsRow row) {
    row.checkValid();
    int[] map = mapping(row.columns());
    GenericData.Record record = new GenericData.Record(schema);
    Set<String> notSupplied = new LinkedHashSet<>();
    List<RowError> errors = new ArrayList<>();
    for (int i = 0; i < map.length; i++) {
      Target t = targets.get(i);
      int c = map[i];
      if (c < 0) {
        if (t.key) {
          errors.add(row.rowError(RowError.Kind.MISSING_KEY, "record-key column " + t.name + " is not in the file's columns "
              + row.columns()));
        }
        continue;
      }
      Object v = row.value(c);
      if (v == null || v == DmsRow.NOT_SUPPLIED) {
        if (t.key) {
          errors.add(row.columnError(c, RowError.Kind.MISSING_KEY,
              "record-key value is " + (v == null ? "NULL" : "not supplied (CsvNoSupValue)")));
        } else if (v != null) {
          notSupplied.add(t.name);
        }
        continue;
      }
      try {
        record.put(i, Values.convert(v, row.columns().schema(c).orElse(null), t.type, t.avro));
      } catch (IllegalArgumentException | ArithmeticException e) {
        errors.add(row.columnError(c, RowError.Kind.CONVERSION, "to " + t.type + ": " + e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DmsRowException(errors);
    }
    return new ConvertedRow(row, record, notSupplied);
  }

  /** Target columns with no file column of that name: NULL in every converted record. */
  public List<String> missingColumns(DmsColumns columns) {
    int[] map = mapping(columns);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < map.length; i++) {
      if (map[i] < 0) {
        missing.add(targets.get(i).name);
      }
    }
    return missing;
  }

  /** File columns that no target column takes: ignored by {@link #convert}. */
  public List<String> extraColumns(DmsColumns columns) {
    Set<Integer> used = new HashSet<>();
    for (int c : mapping(columns)) {
      used.add(c);
    }
    List<String> extra = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (!used.contains(c)) {
        extra.add(columns.name(c));
      }
    }
    return extra;
  }

  private int[] mapping(DmsColumns columns) {
    return mappings.computeIfAbsent(columns, cols -> {
      int[] m = new int[targets.size()];
      for (int i = 0; i < m.length; i++) {
        m[i] = cols.indexOf(targets.get(i).name);
      }
      return m;
    });
  }

  @Override
  public String toString() {
    return "RowConverter{" + schema.getFullName() + ", key=" + recordKey + "}";
  }
}

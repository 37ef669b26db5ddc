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

package io.lakesmith.core.table;

import com.google.common.base.Preconditions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;

/**
 * A column type as DMS sources and lakehouse readers understand it, mapped to exactly one Avro type.
 * Timestamps are microseconds since the epoch in UTC ({@code timestamp-micros}); dates are days since the
 * epoch; decimals are fixed precision and scale: Avro {@code fixed} of the fewest bytes that hold the precision,
 * with the decimal logical type, which Parquet stores as {@code FIXED_LEN_BYTE_ARRAY} (the layout Spark and
 * Hudi-on-Spark write, and the one Spark's vectorized reader accepts; {@code bytes} decimals become Parquet
 * {@code BINARY}, which it rejects). In a table schema each decimal column has a fixed type of its own, named as
 * Spark's and Hudi's Avro converters name it ({@code <record full name>.<column>.fixed}, see
 * {@link #toAvro(String, String)}): readers that resolve log blocks against a schema converted from Spark types
 * (Hudi on Spark reading merge-on-read logs) then find the same names, readers that cannot follow named
 * references (hudi-rs) never meet one, and a column keeps its type name across schema versions. Tables written
 * with {@code bytes} decimals keep them for their existing columns ({@link #toAvroLike}).
 */
public final class ColumnType {

  /** The kind of a column type. */
  public enum Kind { BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, DATE, TIMESTAMP, BYTES }

  public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, 0, 0);
  public static final ColumnType INT = new ColumnType(Kind.INT, 0, 0);
  public static final ColumnType LONG = new ColumnType(Kind.LONG, 0, 0);
  public static final ColumnType FLOAT = new ColumnType(Kind.FLOAT, 0, 0);
  public static final ColumnType DOUBLE = new ColumnType(Kind.DOUBLE, 0, 0);
  public static final ColumnType STRING = new ColumnType(Kind.STRING, 0, 0);
  public static final ColumnType DATE = new ColumnType(Kind.DATE, 0, 0);
  public static final ColumnType TIMESTAMP = new ColumnType(Kind.TIMESTAMP, 0, 0);
  public static final ColumnType BYTES = new ColumnType(Kind.BYTES, 0, 0);

  /** The namespace of the Avro fixed types of decimals outside a table schema ({@link #toAvro()}). */
  public static final String DECIMAL_NAMESPACE = "io.lakesmith.types";

  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private final Kind kind;
  private final int precision;
  private final int scale;

  private ColumnType(Kind kind, int precision, int scale) {
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
  }

  public static ColumnType decimal(int precision, int scale) {
    Preconditions.checkArgument(precision > 0 && precision <= 38, "decimal precision must be 1..38, got %s", precision);
    Preconditions.checkArgument(scale >= 0 && scale <= precision, "decimal scale must be 0..%s, got %s", precision, scale);
    return new ColumnType(Kind.DECIMAL, precision, scale);
  }

  /**
   * Parses a type name as written in spec files and on the command line: {@code boolean, int, long|bigint,
   * float, double, decimal(p,s), string, date, timestamp, bytes|binary}.
   */
  public static ColumnType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("decimal")) {
      String args = t.substring("decimal".length()).trim();
      Preconditions.checkArgument(args.startsWith("(") && args.endsWith(")"), "bad decimal type '%s': expected decimal(p,s)", text);
      String[] ps = args.substring(1, args.length() - 1).split(",");
      Preconditions.checkArgument(ps.length == 2, "bad decimal type '%s': expected decimal(p,s)", text);
      try {
        return decimal(Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad decimal type '" + text + "': expected decimal(p,s)", e);
      }
    }
    switch (t) {
      case "boolean": case "bool": return BOOLEAN;
      case "int": case "integer": return INT;
      case "long": case "bigint": return LONG;
      case "float": return FLOAT;
      case "double": return DOUBLE;
      case "string": case "varchar": case "text": return STRING;
      case "date": return DATE;
      case "timestamp": return TIMESTAMP;
      case "bytes": case "binary": return BYTES;
      default: throw new IllegalArgumentException("unknown column type '" + text + "'");
    }
  }

  /** The column type an Avro (non-union) schema stands for. */
  public static ColumnType fromAvro(Schema schema) {
    Schema s = nonNull(schema);
    if (s.getLogicalType() instanceof LogicalTypes.Decimal) {
      LogicalTypes.Decimal d = (LogicalTypes.Decimal) s.getLogicalType();
      return decimal(d.getPrecision(), d.getScale());
    }
    if (s.getLogicalType() instanceof LogicalTypes.Date) {
      return DATE;
    }
    if (s.getLogicalType() instanceof LogicalTypes.TimestampMicros
        || s.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      return TIMESTAMP;
    }
    switch (s.getType()) {
      case BOOLEAN: return BOOLEAN;
      case INT: return INT;
      case LONG: return LONG;
      case FLOAT: return FLOAT;
      case DOUBLE: return DOUBLE;
      case STRING: case ENUM: return STRING;
      case BYTES: case FIXED: return BYTES;
      default: throw new IllegalArgumentException("unsupported Avro type for a column: " + s);
    }
  }

  /** The non-null branch of an optional union, or the schema itself. */
  public static Schema nonNull(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() != Schema.Type.NULL) {
          return branch;
        }
      }
    }
    return schema;
  }

  public Kind kind() {
    return kind;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  /**
   * The Avro schema of this type (not nullable) as a type on its own; decimals get a fixed type named by
   * precision and scale. A column of a table schema uses {@link #toAvro(String, String)}.
   */
  public Schema toAvro() {
    return avro(DECIMAL_NAMESPACE, "decimal_" + precision + "_" + scale);
  }

  /**
   * The Avro schema of this type (not nullable) for column {@code column} of the record named
   * {@code recordFullName}: a decimal is a fixed type named {@code <recordFullName>.<column>.fixed}, the name
   * Spark's {@code SchemaConverters.toAvroType} and Hudi's converter give it.
   */
  public Schema toAvro(String recordFullName, String column) {
    return avro(recordFullName + "." + column, "fixed");
  }

  private Schema avro(String fixedNamespace, String fixedName) {
    switch (kind) {
      case BOOLEAN: return Schema.create(Schema.Type.BOOLEAN);
      case INT: return Schema.create(Schema.Type.INT);
      case LONG: return Schema.create(Schema.Type.LONG);
      case FLOAT: return Schema.create(Schema.Type.FLOAT);
      case DOUBLE: return Schema.create(Schema.Type.DOUBLE);
      case STRING: return Schema.create(Schema.Type.STRING);
      case DATE: return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP: return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case BYTES: return Schema.create(Schema.Type.BYTES);
      case DECIMAL: return LogicalTypes.decimal(precision, scale).addToSchema(
          Schema.createFixed(fixedName, null, fixedNamespace, decimalBytes(precision)));
      default: throw new AssertionError(kind);
    }
  }

  /**
   * The Avro schema of this type for a column whose current (possibly nullable) schema is {@code existing}: a
   * decimal stays {@code bytes}-backed in a column that is {@code bytes} today (tables written before decimals
   * were fixed), so an existing column never changes its physical type; otherwise
   * {@link #toAvro(String, String)}.
   */
  public Schema toAvroLike(Schema existing, String recordFullName, String column) {
    if (kind == Kind.DECIMAL && existing != null && nonNull(existing).getType() == Schema.Type.BYTES) {
      return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
    }
    return toAvro(recordFullName, column);
  }

  /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits (as Spark). */
  public static int decimalBytes(int precision) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    return max.bitLength() / 8 + 1;
  }

  /**
   * A decimal column's Avro value ({@code bytes} as a {@link ByteBuffer} or {@code fixed} as a
   * {@link GenericFixed}; an already converted {@link BigDecimal} is returned as is) as a {@link BigDecimal} of the
   * column's scale; null stays null.
   *
   * @param schema the column's (possibly nullable) schema, with the decimal logical type
   */
  public static BigDecimal decimalValue(Object value, Schema schema) {
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    Schema s = nonNull(schema);
    Preconditions.checkArgument(s.getLogicalType() instanceof LogicalTypes.Decimal, "not a decimal schema: %s", s);
    if (value instanceof GenericFixed) {
      return DECIMALS.fromFixed((GenericFixed) value, s, s.getLogicalType());
    }
    if (value instanceof ByteBuffer) {
      return DECIMALS.fromBytes(((ByteBuffer) value).duplicate(), s, s.getLogicalType());
    }
    throw new IllegalArgumentException("not a decimal value: " + value.getClass().getName());
  }

  /**
   * Whether values of {@code this} type can be stored in {@code wider} without loss: identity, int to long,
   * float to double, int/long to a decimal wide enough, decimal to a decimal of the same scale and higher
   * precision.
   */
  public boolean canWidenTo(ColumnType wider) {
    if (equals(wider)) {
      return true;
    }
    switch (kind) {
      case INT: return wider.kind == Kind.LONG || wider.kind == Kind.DOUBLE
          || (wider.kind == Kind.DECIMAL && wider.precision - wider.scale >= 10);
      case LONG: return wider.kind == Kind.DECIMAL && wider.precision - wider.scale >= 19;
      case FLOAT: return wider.kind == Kind.DOUBLE;
      case DECIMAL: return wider.kind == Kind.DECIMAL && wider.scale >= scale
          && wider.precision - wider.scale >= precision - scale;
      default: return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ColumnType)) {
      return false;
    }
    ColumnType other = (ColumnType) o;
    return kind == other.kind && precision == other.precision && scale == other.scale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale);
  }

  @Override
  public String toString() {
    return kind == Kind.DECIMAL ? "decimal(" + precision + "," + scale + ")" : kind.name().toLowerCase(Locale.ROOT);
  }
}

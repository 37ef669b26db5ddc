package io.lakesmith.core.table;

import com.google.common.base.Preconditions;
import java.util.Locale;
import java.util.Objects;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * A column type as DMS sources and lakehouse readers understand it, mapped to exactly one Avro type.
 * Timestamps are microseconds since the epoch in UTC ({@code timestamp-micros}); dates are days since the
 * epoch; decimals are fixed precision and scale ({@code bytes} with the decimal logical type).
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

  /** The Avro schema of this type (not nullable). */
  public Schema toAvro() {
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
      case DECIMAL: return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
      default: throw new AssertionError(kind);
    }
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

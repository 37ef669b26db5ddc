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

import com.google.common.collect.ImmutableSet;
import com.google.common.io.BaseEncoding;
import io.lakesmith.core.table.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;

/**
 * Converts one DMS value (CSV text or a Parquet/Avro value) to the Avro value of a {@link ColumnType}. Every
 * failure is an {@link IllegalArgumentException} whose message is the reason; the caller adds file, line and
 * column. Exact types never lose information: a value that does not fit is an error, not rounded.
 */
final class Values {
  private Values() {}

  private static final Pattern FLOATING =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final ImmutableSet<String> SPECIAL_FLOATS =
      ImmutableSet.of("nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf");
  private static final ImmutableSet<String> TRUE = ImmutableSet.of("t", "true", "1", "y", "yes");
  private static final ImmutableSet<String> FALSE = ImmutableSet.of("f", "false", "0", "n", "no");
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** {@code value} is not null and not "not supplied"; {@code source} is the Parquet column schema or null. */
  static Object convert(Object value, Schema source, ColumnType type, Schema target) {
    if (value instanceof String) {
      return fromText((String) value, type, target);
    }
    return fromAvro(value, source == null ? null : ColumnType.nonNull(source), type, target);
  }

  // ---- CSV text (and Parquet string columns) ----

  static Object fromText(String raw, ColumnType type, Schema target) {
    if (type.kind() == ColumnType.Kind.STRING) {
      return raw;
    }
    String s = raw.strip(); // CHAR padding (AddTrailingPaddingCharacter) around non-string values
    switch (type.kind()) {
      case INT: return toIntExact(parseInteger(s, type), s);
      case LONG: return parseInteger(s, type);
      case FLOAT: return parseFloat(s);
      case DOUBLE: return parseDouble(s);
      case DECIMAL: return decimal(parseDecimal(s, type), type, target);
      case BOOLEAN: return parseBoolean(s);
      case DATE: return parseDate(s);
      case TIMESTAMP: return DmsTimestamps.toMicros(DmsTimestamps.parse(s));
      case BYTES: return parseHex(s);
      default: throw new AssertionError(type);
    }
  }

  private static long parseInteger(String s, ColumnType type) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      // "5.00" or "1E+3": integral values written as decimals are exact, so accept them
      BigDecimal d = parseDecimalOrNull(s);
      if (d == null) {
        throw new IllegalArgumentException("not " + article(type) + ": '" + DmsTimestamps.clip(s) + "'");
      }
      try {
        return d.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
      } catch (ArithmeticException ae) {
        throw new IllegalArgumentException(d.stripTrailingZeros().scale() > 0
            ? "not an integer: '" + DmsTimestamps.clip(s) + "'" : "out of range for " + type + ": " + s);
      }
    }
  }

  private static int toIntExact(long v, String s) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("out of range for int: " + s);
    }
    return (int) v;
  }

  private static double parseDouble(String s) {
    checkFloating(s, "double");
    double d = Double.parseDouble(normalizeSpecial(s));
    if (Double.isInfinite(d) && FLOATING.matcher(s).matches()) {
      throw new IllegalArgumentException("out of range for double: " + DmsTimestamps.clip(s));
    }
    return d;
  }

  private static float parseFloat(String s) {
    checkFloating(s, "float");
    float f = Float.parseFloat(normalizeSpecial(s));
    if (Float.isInfinite(f) && FLOATING.matcher(s).matches()) {
      throw new IllegalArgumentException("out of range for float: " + DmsTimestamps.clip(s));
    }
    return f;
  }

  private static void checkFloating(String s, String type) {
    // Java would also take "1d", "0x1p3" or " 1": not DMS output, so not accepted
    if (!FLOATING.matcher(s).matches() && !SPECIAL_FLOATS.contains(s.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("not a " + type + ": '" + DmsTimestamps.clip(s) + "'");
    }
  }

  private static String normalizeSpecial(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    if (l.equals("nan")) {
      return "NaN";
    }
    if (l.endsWith("inf") || l.endsWith("infinity")) {
      return l.startsWith("-") ? "-Infinity" : "Infinity";
    }
    return s;
  }

  private static BigDecimal parseDecimal(String s, ColumnType type) {
    BigDecimal d = parseDecimalOrNull(s);
    if (d == null) {
      throw new IllegalArgumentException("not " + article(type) + ": '" + DmsTimestamps.clip(s) + "'");
    }
    return d;
  }

  private static BigDecimal parseDecimalOrNull(String s) {
    if (!FLOATING.matcher(s).matches()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The decimal at the column's scale as Avro bytes (or fixed); rejects lost fraction digits and too many digits. */
  static Object decimal(BigDecimal value, ColumnType type, Schema target) {
    BigDecimal scaled;
    try {
      scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("scale overflow: " + value.toPlainString() + " has more than " + type.scale()
          + " fraction digits for " + type);
    }
    if (scaled.precision() > type.precision()) {
      throw new IllegalArgumentException("precision overflow: " + value.toPlainString() + " needs "
          + scaled.precision() + " digits, more than " + type);
    }
    LogicalType lt = target.getLogicalType();
    return target.getType() == Schema.Type.FIXED
        ? DECIMALS.toFixed(scaled, target, lt) : DECIMALS.toBytes(scaled, target, lt);
  }

  private static boolean parseBoolean(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    if (TRUE.contains(l)) {
      return true;
    }
    if (FALSE.contains(l)) {
      return false;
    }
    throw new IllegalArgumentException("not a boolean (t/f, true/false, 1/0, y/n): '" + DmsTimestamps.clip(s) + "'");
  }

  /** {@code yyyy-MM-dd}, or a timestamp at exactly midnight (Oracle DATE columns arrive as {@code yyyy-MM-dd 00:00:00}). */
  private static int parseDate(String s) {
    if (s.length() == 10) {
      try {
        return Math.toIntExact(LocalDate.parse(s).toEpochDay());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("not a date (yyyy-MM-dd): '" + DmsTimestamps.clip(s) + "'");
      }
    }
    Instant t = DmsTimestamps.parse(s);
    return dateOfMidnight(t);
  }

  private static int dateOfMidnight(Instant t) {
    LocalDate d = t.atOffset(ZoneOffset.UTC).toLocalDate();
    if (!d.atStartOfDay().toInstant(ZoneOffset.UTC).equals(t)) {
      throw new IllegalArgumentException("has a time of day (" + t + "): a date column would lose it");
    }
    return Math.toIntExact(d.toEpochDay());
  }

  /** Hex, as DMS writes binary values in CSV (optional {@code 0x} or {@code \x} prefix, either case). */
  private static ByteBuffer parseHex(String s) {
    String h = s.startsWith("0x") || s.startsWith("0X") || s.startsWith("\\x") ? s.substring(2) : s;
    try {
      return ByteBuffer.wrap(BaseEncoding.base16().decode(h.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hex-encoded bytes: '" + DmsTimestamps.clip(s) + "'");
    }
  }

  // ---- Parquet values (Avro generic model, no logical-type conversions applied) ----

  private static Object fromAvro(Object v, Schema s, ColumnType type, Schema target) {
    LogicalType lt = s == null ? null : s.getLogicalType();
    switch (type.kind()) {
      case STRING:
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
          if (lt == null) {
            return String.valueOf(v);
          }
        }
        break;
      case BOOLEAN:
        if (v instanceof Boolean) {
          return v;
        }
        break;
      case INT:
      case LONG:
      case DECIMAL: {
        BigDecimal d = exactNumber(v, s, lt);
        if (d == null) {
          break;
        }
        if (type.kind() == ColumnType.Kind.DECIMAL) {
          return decimal(d, type, target);
        }
        try {
          long l = d.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
          return type.kind() == ColumnType.Kind.LONG ? (Object) l : (Object) toIntExact(l, d.toPlainString());
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException(d.toPlainString() + " does not fit " + type + " exactly");
        }
      }
      case FLOAT:
        if (v instanceof Float) {
          return v;
        }
        if (v instanceof Double && (double) (float) (double) (Double) v == (Double) v) {
          return (float) (double) (Double) v;
        }
        break;
      case DOUBLE:
        if (v instanceof Double) {
          return v;
        }
        if (v instanceof Float) {
          return (double) (Float) v;
        }
        if (v instanceof Integer && lt == null) {
          return (double) (Integer) v;
        }
        if (v instanceof Long && lt == null && (long) (double) (Long) v == (Long) v) {
          return (double) (Long) v;
        }
        break;
      case DATE:
        if (v instanceof Integer && lt instanceof LogicalTypes.Date) {
          return v;
        }
        if (v instanceof Long && isTimestamp(lt)) {
          return dateOfMidnight(instantOfMicros(timestampMicros((Long) v, lt)));
        }
        break;
      case TIMESTAMP:
        if (v instanceof Long && isTimestamp(lt)) {
          return timestampMicros((Long) v, lt);
        }
        if (v instanceof Integer && lt instanceof LogicalTypes.Date) {
          return Math.multiplyExact((long) (Integer) v, MICROS_PER_DAY);
        }
        break;
      case BYTES:
        if (v instanceof ByteBuffer && lt == null) {
          return ((ByteBuffer) v).duplicate();
        }
        if (v instanceof GenericFixed && lt == null) {
          return ByteBuffer.wrap(((GenericFixed) v).bytes().clone());
        }
        break;
      default:
        throw new AssertionError(type);
    }
    throw new IllegalArgumentException("cannot convert Parquet value of type " + describe(s, v) + " to " + type);
  }

  /** An integer or decimal source value as an exact BigDecimal, or null for other types. */
  private static BigDecimal exactNumber(Object v, Schema s, LogicalType lt) {
    if (lt instanceof LogicalTypes.Decimal) {
      LogicalTypes.Decimal dec = (LogicalTypes.Decimal) lt;
      if (v instanceof ByteBuffer) {
        return DECIMALS.fromBytes(((ByteBuffer) v).duplicate(), s, dec);
      }
      if (v instanceof GenericFixed) {
        return DECIMALS.fromFixed((GenericFixed) v, s, dec);
      }
      if (v instanceof Integer || v instanceof Long) { // parquet INT32/INT64 decimals
        return new BigDecimal(BigInteger.valueOf(((Number) v).longValue()), dec.getScale());
      }
      return null;
    }
    if (lt == null && (v instanceof Integer || v instanceof Long)) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    return null;
  }

  private static boolean isTimestamp(LogicalType lt) {
    return lt instanceof LogicalTypes.TimestampMicros || lt instanceof LogicalTypes.TimestampMillis
        || lt instanceof LogicalTypes.LocalTimestampMicros || lt instanceof LogicalTypes.LocalTimestampMillis;
  }

  private static long timestampMicros(long v, LogicalType lt) {
    if (lt instanceof LogicalTypes.TimestampMillis || lt instanceof LogicalTypes.LocalTimestampMillis) {
      try {
        return Math.multiplyExact(v, 1000L);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("millisecond timestamp out of range: " + v, e);
      }
    }
    return v;
  }

  private static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static String describe(Schema s, Object v) {
    if (s == null) {
      return v.getClass().getSimpleName();
    }
    return s.getType().getName() + (s.getLogicalType() == null ? "" : " (" + s.getLogicalType().getName() + ")");
  }

  private static String article(ColumnType type) {
    return (type.kind() == ColumnType.Kind.INT ? "an " : "a ") + type;
  }
}

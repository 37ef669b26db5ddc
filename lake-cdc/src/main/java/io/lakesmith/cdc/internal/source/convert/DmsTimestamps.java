package io.lakesmith.cdc.internal.source.convert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the timestamps DMS writes as text: {@code yyyy-MM-dd HH:mm:ss[.f]} with 1 to 9 fraction digits (the CSV
 * value format and the {@code TimestampColumnName} format {@code yyyy-MM-dd HH:mm:ss.SSSSSS}), the ISO variant
 * with {@code T}, a date alone (midnight), and an optional zone offset ({@code Z}, {@code +01}, {@code +01:00}).
 * Without an offset the wall time is taken as UTC: DMS copies source values without zone. Nothing is rounded.
 */
public final class DmsTimestamps {
  private DmsTimestamps() {}

  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  /** The exact instant; throws {@link IllegalArgumentException} with a reason for anything else. */
  public static Instant parse(String text) {
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a timestamp (yyyy-MM-dd HH:mm:ss[.fffffffff]): '" + clip(text) + "'");
    }
    try {
      LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
      ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
      return t.toInstant(offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid timestamp: '" + clip(text) + "' (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Microseconds since 1970-01-01T00:00:00Z. Throws {@link IllegalArgumentException} when the instant has non-zero
   * digits below the microsecond: Avro {@code timestamp-micros} cannot hold them, and silently truncating would
   * change the value (and ordering) without notice.
   */
  public static long toMicros(Instant instant) {
    if (instant.getNano() % 1000 != 0) {
      throw new IllegalArgumentException("has sub-microsecond digits (" + instant
          + "): a microsecond timestamp cannot hold them");
    }
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("out of the microsecond timestamp range: " + instant, e);
    }
  }

  static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 61) + "...";
  }
}

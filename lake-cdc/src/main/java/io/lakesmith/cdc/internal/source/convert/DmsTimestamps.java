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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
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

  private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
      1_000_000_000};

  /** The exact instant; throws {@link IllegalArgumentException} with a reason for anything else. */
  public static Instant parse(String text) {
    Instant fast = parseWithoutOffset(text);
    return fast != null ? fast : parseAny(text);
  }

  /**
   * The common shapes without a zone offset and with valid field values, parsed without a regular expression (an
   * apply parses one per row); null for anything else, which {@link #parseAny} then parses or explains.
   */
  private static Instant parseWithoutOffset(String s) {
    int n = s.length();
    if (n < 10 || !isDigits(s, 0, 4) || s.charAt(4) != '-' || !isDigits(s, 5, 2) || s.charAt(7) != '-'
        || !isDigits(s, 8, 2)) {
      return null;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nano = 0;
    if (n > 10) {
      char sep = s.charAt(10);
      if (n < 16 || sep != ' ' && sep != 'T' || !isDigits(s, 11, 2) || s.charAt(13) != ':' || !isDigits(s, 14, 2)) {
        return null;
      }
      hour = number(s, 11, 2);
      minute = number(s, 14, 2);
      if (n > 16) {
        if (n < 19 || s.charAt(16) != ':' || !isDigits(s, 17, 2)) {
          return null;
        }
        second = number(s, 17, 2);
        if (n > 19) {
          int digits = n - 20;
          if (s.charAt(19) != '.' || digits < 1 || digits > 9 || !isDigits(s, 20, digits)) {
            return null;
          }
          nano = number(s, 20, digits) * POW10[9 - digits];
        }
      }
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour > 23
        || minute > 59 || second > 59) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nano);
  }

  private static boolean isDigits(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static Instant parseAny(String text) {
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

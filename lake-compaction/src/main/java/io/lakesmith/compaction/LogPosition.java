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

package io.lakesmith.compaction;

import com.google.common.base.Preconditions;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a change sits in the source's log: the DMS commit timestamp (microsecond precision) and, when known, a
 * change sequence such as DMS {@code AR_H_CHANGE_SEQ} that orders changes with equal timestamps. Immutable.
 *
 * <p>Ordering ({@link #compareTo}): by timestamp, then by sequence; a position without a sequence sorts before one
 * with a sequence at the same timestamp. Sequences made only of digits compare as numbers (leading zeros
 * ignored), others as strings. Two positions may compare equal (DMS timestamps tie; sequences may be absent):
 * callers break such ties themselves (compaction uses the object key).
 */
public final class LogPosition implements Comparable<LogPosition> {

  private static final Comparator<String> SEQUENCE_ORDER = LogPosition::compareSequences;

  /** DMS {@code TimestampColumnName} / {@code AR_H_TIMESTAMP} text: {@code yyyy-MM-dd HH:mm:ss[.f{1,9}]}, UTC. */
  private static final DateTimeFormatter DMS_TEXT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();

  private final Instant timestamp;
  private final String sequence;

  private LogPosition(Instant timestamp, String sequence) {
    this.timestamp = Preconditions.checkNotNull(timestamp, "timestamp");
    this.sequence = sequence == null || sequence.isEmpty() ? null : sequence;
  }

  public static LogPosition of(Instant timestamp) {
    return new LogPosition(timestamp, null);
  }

  public static LogPosition of(Instant timestamp, String sequence) {
    return new LogPosition(timestamp, sequence);
  }

  /**
   * Parses a log timestamp: ISO-8601 with offset ({@code 2024-01-02T03:04:05.123456Z}), DMS text
   * ({@code 2024-01-02 03:04:05.123456}, read as UTC), or epoch microseconds (only digits, 16 of them: what DMS
   * Parquet {@code TIMESTAMP_MICROS} columns hold).
   *
   * @throws IllegalArgumentException naming the text when it is none of these
   */
  public static Instant parseTimestamp(String text) {
    Preconditions.checkArgument(text != null && !text.isBlank(), "empty log timestamp");
    String t = text.trim();
    if (t.chars().allMatch(Character::isDigit) && t.length() == 16) {
      return fromEpochMicros(Long.parseLong(t));
    }
    try {
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
      }
      return LocalDateTime.parse(t, DMS_TEXT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a log timestamp: '" + text + "'", e);
    }
  }

  /** Microseconds since the epoch as an instant. */
  public static Instant fromEpochMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** The canonical text form written by {@link Tier2Writer}: ISO-8601 UTC with exactly six fraction digits. */
  public static String formatTimestamp(Instant timestamp) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(timestamp);
  }

  public Instant timestamp() {
    return timestamp;
  }

  public Optional<String> sequence() {
    return Optional.ofNullable(sequence);
  }

  @Override
  public int compareTo(LogPosition o) {
    int c = timestamp.compareTo(o.timestamp);
    if (c != 0) {
      return c;
    }
    return Comparator.nullsFirst(SEQUENCE_ORDER).compare(sequence, o.sequence);
  }

  static int compareSequences(String a, String b) {
    if (isDigits(a) && isDigits(b)) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogPosition && timestamp.equals(((LogPosition) o).timestamp)
        && Objects.equals(sequence, ((LogPosition) o).sequence);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, sequence);
  }

  @Override
  public String toString() {
    return formatTimestamp(timestamp) + (sequence == null ? "" : "#" + sequence);
  }
}

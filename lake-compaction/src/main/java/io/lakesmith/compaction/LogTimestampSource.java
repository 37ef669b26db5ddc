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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the DMS log position ({@link LogPosition}: commit timestamp and optional change sequence) of a Tier-2
 * object comes from. Compaction keeps, per record key, the object with the highest log position, so this is
 * what decides which object survives. Immutable.
 *
 * <ul>
 *   <li>{@link #metadata()}: user metadata written with the object ({@code x-amz-meta-dms-ts}, optional
 *       {@code x-amz-meta-dms-seq}), as {@link Tier2Writer} writes it; costs one HEAD per object;
 *   <li>{@link #column(String, String)}: a timestamp column and optional sequence column inside the object
 *       (Parquet or CSV, see {@link Tier2Layout.Builder#contentFormat}); the object's position is the highest
 *       among its rows; costs one GET per object;
 *   <li>{@link #objectName(Pattern, String)} / {@link #dmsFileName()}: a timestamp encoded in the object's name
 *       (DMS CDC files are named {@code yyyyMMdd-HHmmssfff...}); free;
 *   <li>{@link #storageLastModified()}: S3 LastModified. Storage time is not log time (a late or retried
 *       delivery of an old change gets a new LastModified) and has one-second precision in listings of many
 *       stores: only for layouts whose writer guarantees write order equals log order. Never a default.
 * </ul>
 *
 * <p>An object whose position cannot be read (missing metadata, unparsable value, unreadable content) is never
 * deleted, and its whole record key is left untouched and reported as skipped.
 */
public final class LogTimestampSource {

  /** The kinds of source. */
  public enum Kind { METADATA, COLUMN, OBJECT_NAME, STORAGE_LAST_MODIFIED }

  private static final DateTimeFormatter DMS_FILE_NAME = new DateTimeFormatterBuilder()
      .appendPattern("yyyyMMdd-HHmmss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, false)
      .toFormatter();

  private final Kind kind;
  private final String timestampName;
  private final String sequenceName;
  private final Pattern namePattern;
  private final DateTimeFormatter nameFormat;

  private LogTimestampSource(Kind kind, String timestampName, String sequenceName, Pattern namePattern,
      DateTimeFormatter nameFormat) {
    this.kind = kind;
    this.timestampName = timestampName;
    this.sequenceName = sequenceName;
    this.namePattern = namePattern;
    this.nameFormat = nameFormat;
  }

  /** User metadata {@code dms-ts} and {@code dms-seq} ({@link Tier2Metadata}). */
  public static LogTimestampSource metadata() {
    return metadata(Tier2Metadata.TIMESTAMP, Tier2Metadata.SEQUENCE);
  }

  /**
   * User metadata keys (without {@code x-amz-meta-}) holding the timestamp (ISO-8601, DMS text or epoch
   * microseconds, see {@link LogPosition#parseTimestamp}) and the sequence ({@code null}: none).
   */
  public static LogTimestampSource metadata(String timestampKey, String sequenceKey) {
    Preconditions.checkArgument(timestampKey != null && !timestampKey.isBlank(), "timestamp metadata key is blank");
    return new LogTimestampSource(Kind.METADATA, timestampKey.toLowerCase(java.util.Locale.ROOT),
        sequenceKey == null ? null : sequenceKey.toLowerCase(java.util.Locale.ROOT), null, null);
  }

  /**
   * A timestamp column (DMS {@code TimestampColumnName}, {@code AR_H_TIMESTAMP} or {@code AR_H_COMMIT_TIMESTAMP};
   * text, or a Parquet timestamp) and a sequence column ({@code AR_H_CHANGE_SEQ}; {@code null}: none) inside the
   * object.
   */
  public static LogTimestampSource column(String timestampColumn, String sequenceColumn) {
    Preconditions.checkArgument(timestampColumn != null && !timestampColumn.isBlank(), "timestamp column is blank");
    return new LogTimestampSource(Kind.COLUMN, timestampColumn, sequenceColumn, null, null);
  }

  public static LogTimestampSource column(String timestampColumn) {
    return column(timestampColumn, null);
  }

  /**
   * A timestamp in the object's name (last key segment): {@code pattern} is searched in the name and must have a
   * named group {@code ts}, parsed with {@code dateTimePattern} ({@link DateTimeFormatter} syntax, UTC unless the
   * pattern has a zone); an optional named group {@code seq} is the sequence.
   */
  public static LogTimestampSource objectName(Pattern pattern, String dateTimePattern) {
    Preconditions.checkArgument(pattern.pattern().contains("(?<ts>"), "pattern %s needs a named group 'ts'", pattern);
    return new LogTimestampSource(Kind.OBJECT_NAME, null, null, pattern, DateTimeFormatter.ofPattern(dateTimePattern));
  }

  /**
   * DMS CDC file names: {@code yyyyMMdd-HHmmss} followed by fraction-of-second digits ({@code 20190118-184518184.csv},
   * {@code 20141029-1134010000.csv}), anywhere in the name, UTC.
   */
  public static LogTimestampSource dmsFileName() {
    return new LogTimestampSource(Kind.OBJECT_NAME, null, null, Pattern.compile("(?<ts>\\d{8}-\\d{6,15})"),
        DMS_FILE_NAME);
  }

  /** Storage LastModified: an explicit opt-in, see the class documentation for why it is unsafe. */
  public static LogTimestampSource storageLastModified() {
    return new LogTimestampSource(Kind.STORAGE_LAST_MODIFIED, null, null, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The metadata key or column of the timestamp (METADATA and COLUMN kinds). */
  public Optional<String> timestampName() {
    return Optional.ofNullable(timestampName);
  }

  /** The metadata key or column of the sequence (METADATA and COLUMN kinds), when there is one. */
  public Optional<String> sequenceName() {
    return Optional.ofNullable(sequenceName);
  }

  /** For OBJECT_NAME: the position encoded in {@code name}, or empty when the pattern does not match. */
  Optional<LogPosition> fromName(String name) {
    Matcher m = namePattern.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    String ts = m.group("ts");
    Instant instant;
    try {
      var parsed = nameFormat.parseBest(ts, Instant::from, LocalDateTime::from);
      instant = parsed instanceof Instant ? (Instant) parsed : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    String seq = namePattern.pattern().contains("(?<seq>") ? m.group("seq") : null;
    return Optional.of(LogPosition.of(instant, seq));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LogTimestampSource)) {
      return false;
    }
    LogTimestampSource s = (LogTimestampSource) o;
    return kind == s.kind && Objects.equals(timestampName, s.timestampName)
        && Objects.equals(sequenceName, s.sequenceName)
        && Objects.equals(namePattern == null ? null : namePattern.pattern(),
            s.namePattern == null ? null : s.namePattern.pattern());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, timestampName, sequenceName);
  }

  @Override
  public String toString() {
    switch (kind) {
      case METADATA: return "metadata(" + timestampName + (sequenceName == null ? "" : ", " + sequenceName) + ")";
      case COLUMN: return "column(" + timestampName + (sequenceName == null ? "" : ", " + sequenceName) + ")";
      case OBJECT_NAME: return "objectName(" + namePattern + ")";
      default: return "storageLastModified()";
    }
  }
}

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

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the log position and operation of an object's newest row from its content (Parquet or CSV, optionally
 * gzip-compressed): the row with the highest {@link LogPosition}; on equal positions the later row in the file
 * (rows within a DMS file are in change order).
 */
final class ContentColumns {

  private ContentColumns() {}

  /** Position and operation of the newest row. */
  static final class Newest {
    final LogPosition position;
    final String operation;

    Newest(LogPosition position, String operation) {
      this.position = position;
      this.operation = operation;
    }
  }

  /**
   * @throws IllegalArgumentException naming the problem when a column is missing or no row has a timestamp
   */
  static Newest read(byte[] content, ObjectFormat format, String timestampColumn, String sequenceColumn,
      String operationColumn) throws IOException {
    byte[] bytes = gunzipIfNeeded(content);
    return format.kind() == ObjectFormat.Kind.PARQUET
        ? parquet(bytes, timestampColumn, sequenceColumn, operationColumn)
        : csv(bytes, format, timestampColumn, sequenceColumn, operationColumn);
  }

  private static byte[] gunzipIfNeeded(byte[] content) throws IOException {
    if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
        return in.readAllBytes();
      }
    }
    return content;
  }

  private static final class Tracker {
    LogPosition best;
    String op;

    void offer(LogPosition p, String operation) {
      if (best == null || p.compareTo(best) >= 0) {
        best = p;
        op = operation;
      }
    }

    Newest result(String timestampColumn) {
      if (best == null) {
        throw new IllegalArgumentException("no row has a value in timestamp column '" + timestampColumn + "'");
      }
      return new Newest(best, op);
    }
  }

  private static Newest csv(byte[] bytes, ObjectFormat format, String ts, String seq, String op) throws IOException {
    Tracker t = new Tracker();
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(format.delimiter()).allowExtraFields(true)
            .allowMissingFields(true).skipEmptyLines(true).ofCsvRecord(reader)) {
      List<String> names = format.header() ? null : format.columns();
      int tsIdx = -1;
      int seqIdx = -1;
      int opIdx = -1;
      for (CsvRecord rec : csv) {
        if (names == null) {
          names = new ArrayList<>(rec.getFields());
          continue;
        }
        if (tsIdx < 0) {
          tsIdx = index(names, ts, true);
          seqIdx = seq == null ? -1 : index(names, seq, true);
          opIdx = op == null ? -1 : index(names, op, true);
        }
        String tsText = field(rec, tsIdx);
        if (tsText == null || tsText.isBlank()) {
          continue;
        }
        t.offer(LogPosition.of(LogPosition.parseTimestamp(tsText), seqIdx < 0 ? null : field(rec, seqIdx)),
            opIdx < 0 ? null : field(rec, opIdx));
      }
    }
    return t.result(ts);
  }

  private static String field(CsvRecord rec, int idx) {
    return idx < rec.getFieldCount() ? rec.getField(idx) : null;
  }

  private static int index(List<String> names, String column, boolean required) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().equalsIgnoreCase(column)) {
        return i;
      }
    }
    if (required) {
      throw new IllegalArgumentException("no column '" + column + "' in " + names);
    }
    return -1;
  }

  private static Newest parquet(byte[] bytes, String ts, String seq, String op) throws IOException {
    InputFile file = new BytesInputFile(bytes);
    MessageType full;
    try (ParquetFileReader footer = ParquetFileReader.open(file)) {
      full = footer.getFooter().getFileMetaData().getSchema();
    }
    List<Type> wanted = new ArrayList<>();
    String tsName = fieldName(full, ts);
    String seqName = seq == null ? null : fieldName(full, seq);
    String opName = op == null ? null : fieldName(full, op);
    for (Type f : full.getFields()) {
      String n = f.getName();
      if (n.equals(tsName) || n.equals(seqName) || n.equals(opName)) {
        wanted.add(f);
      }
    }
    Configuration conf = new Configuration(false);
    Schema projection = new AvroSchemaConverter(conf).convert(new MessageType(full.getName(), wanted));
    AvroReadSupport.setRequestedProjection(conf, projection);
    AvroReadSupport.setAvroReadSchema(conf, projection);
    Tracker t = new Tracker();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(file).withConf(conf).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        Object tv = r.get(tsName);
        if (tv == null) {
          continue;
        }
        Instant instant = toInstant(tv, projection.getField(tsName).schema());
        Object sv = seqName == null ? null : r.get(seqName);
        Object ov = opName == null ? null : r.get(opName);
        t.offer(LogPosition.of(instant, sv == null ? null : sv.toString()), ov == null ? null : ov.toString());
      }
    }
    return t.result(ts);
  }

  private static String fieldName(MessageType schema, String column) {
    for (Type f : schema.getFields()) {
      if (f.getName().equalsIgnoreCase(column)) {
        return f.getName();
      }
    }
    throw new IllegalArgumentException("no column '" + column + "' in Parquet schema " + schema.getFields().stream()
        .map(Type::getName).toList());
  }

  static Instant toInstant(Object value, Schema schema) {
    if (value instanceof CharSequence) {
      return LogPosition.parseTimestamp(value.toString());
    }
    if (value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof Number) {
      long v = ((Number) value).longValue();
      LogicalType lt = nonNull(schema).getLogicalType();
      if (lt instanceof LogicalTypes.TimestampMillis || lt instanceof LogicalTypes.LocalTimestampMillis) {
        return Instant.ofEpochMilli(v);
      }
      if (lt instanceof LogicalTypes.TimestampMicros || lt instanceof LogicalTypes.LocalTimestampMicros) {
        return LogPosition.fromEpochMicros(v);
      }
      throw new IllegalArgumentException("timestamp column holds a number without a timestamp type: " + value);
    }
    throw new IllegalArgumentException("unsupported timestamp value " + value + " ("
        + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")");
  }

  private static Schema nonNull(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      for (Schema t : s.getTypes()) {
        if (t.getType() != Schema.Type.NULL) {
          return t;
        }
      }
    }
    return s;
  }

  /** A Parquet input file over bytes in memory. */
  static final class BytesInputFile implements InputFile {
    private final byte[] bytes;

    BytesInputFile(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getLength() {
      return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
      SeekableBytes in = new SeekableBytes(bytes);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() {
          return in.position();
        }

        @Override
        public void seek(long newPos) {
          in.seek((int) newPos);
        }
      };
    }
  }

  private static final class SeekableBytes extends ByteArrayInputStream {
    SeekableBytes(byte[] buf) {
      super(buf);
    }

    long position() {
      return pos;
    }

    void seek(int newPos) {
      pos = Math.max(0, Math.min(newPos, count));
    }
  }
}

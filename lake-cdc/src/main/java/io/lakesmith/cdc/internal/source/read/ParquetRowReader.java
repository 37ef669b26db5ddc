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

package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.RowError;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageException;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Streams a DMS Parquet file row by row. The object is first copied to a local temporary file (Parquet reads the
 * footer first and then seeks, which a streaming {@link ObjectStore} cannot do); the copy is deleted on close.
 *
 * <p>parquet-avro reads INT32/INT64 columns annotated DECIMAL as plain unscaled ints and unsigned ints as signed
 * ones; read as such they would be silently wrong. The footer's Parquet schema is consulted and those columns are
 * presented as {@code bytes} decimals (unsigned 64-bit as {@code decimal(20,0)}, unsigned 32-bit as {@code long}).
 */
final class ParquetRowReader implements DmsRowReader {
  private final DmsFile file;
  private final Path staged;
  private final ParquetReader<GenericRecord> reader;
  private final MessageType parquetSchema;
  private DmsColumns columns;
  private Fix[] fixes;
  private boolean hasOp;
  private GenericRecord next;
  private long row;
  private boolean done;
  /** The unreadable rest of the file, returned as the last row. */
  private RowError tail;

  ParquetRowReader(ObjectStore store, DmsFile file, DmsFormat format) {
    this.file = file;
    this.staged = stage(store, file, format);
    try {
      LocalInputFile input = new LocalInputFile(staged);
      try (ParquetFileReader footer = ParquetFileReader.open(input)) {
        this.parquetSchema = footer.getFileMetaData().getSchema();
      }
      this.reader = AvroParquetReader.<GenericRecord>builder(input)
          .withDataModel(GenericData.get()) // raw values: longs for timestamps, bytes for decimals
          .build();
    } catch (IOException | RuntimeException e) {
      deleteQuietly(staged);
      throw DmsReadException.malformed(file.key(), 0, "not a readable Parquet file: " + e, e);
    }
    boolean op = parquetSchema.getFieldCount() > 0 && parquetSchema.getFields().get(0).getName().equals("Op");
    if (file.kind() == DmsFile.Kind.CDC && !op && !format.cdcInsertsOnly()) {
      close();
      throw new DmsReadException(file.key(), "a CDC file without an Op column: its updates and deletes cannot be told "
          + "from inserts. If the DMS task writes only inserts (CdcInsertsOnly=true), declare it "
          + "(DmsFormat.cdcInsertsOnly, --cdc-inserts-only)", null);
    }
  }

  private static Path stage(ObjectStore store, DmsFile file, DmsFormat format) {
    Path tmp = null;
    try {
      tmp = format.tempDirectory().isPresent()
          ? Files.createTempFile(format.tempDirectory().get(), "lakesmith-dms-", ".parquet")
          : Files.createTempFile("lakesmith-dms-", ".parquet");
      try (InputStream in = Streams.open(store, file); OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[1 << 16];
        while (true) {
          int n;
          try {
            n = in.read(buf);
          } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw DmsReadException.malformed(file.key(), 0, "truncated or damaged gzip: " + e.getMessage(), e);
          }
          if (n < 0) {
            break;
          }
          out.write(buf, 0, n);
        }
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      if (e instanceof DmsReadException || e instanceof StorageException) {
        throw (RuntimeException) e;
      }
      throw new DmsReadException(file.key(), "cannot stage Parquet file locally: " + e, e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = reader.read();
      } catch (IOException | RuntimeException e) {
        tail = RowError.ofRow(file.key(), row + 1, RowError.Kind.UNREADABLE, "Parquet row " + (row + 1)
            + " and the rest of the file cannot be read (" + e + "): truncated or damaged");
      }
      done = next == null;
    }
    return next != null || tail != null;
  }

  @Override
  public DmsRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file.key() + ": no more rows");
    }
    if (next == null) {
      RowError t = tail;
      tail = null;
      return new DmsRow(file, file.table().orElseThrow(), t.line(), null,
          columns == null ? new DmsColumns(List.of(), null, 0) : columns, new Object[0], t);
    }
    GenericRecord r = next;
    next = null;
    row++;
    if (columns == null) {
      columns = columns(r.getSchema());
    }
    int lead = columns.leadingFields();
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fixes[i].apply(normalize(r.get(lead + i)));
    }
    DmsOp op;
    RowError error = null;
    if (!hasOp) {
      op = file.kind() == DmsFile.Kind.FULL_LOAD ? DmsOp.LOAD : DmsOp.INSERT;
    } else {
      Object code = normalize(r.get(0));
      op = code instanceof String ? DmsOp.fromCode((String) code) : null;
      if (op == null || (file.kind() == DmsFile.Kind.FULL_LOAD && op != DmsOp.INSERT)) {
        error = RowError.ofRow(file.key(), row, RowError.Kind.UNKNOWN_OP, "Op '" + code + "' is not "
            + (file.kind() == DmsFile.Kind.FULL_LOAD ? "I (full load only inserts)" : "I, U or D"));
        op = null;
      }
    }
    return new DmsRow(file, file.table().orElseThrow(), row, op, columns, values, error);
  }

  private DmsColumns columns(Schema schema) {
    List<Schema.Field> fields = schema.getFields();
    hasOp = !fields.isEmpty() && fields.get(0).name().equals("Op");
    List<String> names = new ArrayList<>();
    List<Schema> schemas = new ArrayList<>();
    List<Fix> fixList = new ArrayList<>();
    for (Schema.Field f : fields.subList(hasOp ? 1 : 0, fields.size())) {
      Fix fix = fixFor(f);
      names.add(f.name());
      schemas.add(fix.schema(f.schema()));
      fixList.add(fix);
    }
    fixes = fixList.toArray(new Fix[0]);
    return new DmsColumns(names, schemas, hasOp ? 1 : 0);
  }

  private Fix fixFor(Schema.Field field) {
    Schema avro = ColumnType.nonNull(field.schema());
    if (!parquetSchema.containsField(field.name()) || avro.getLogicalType() != null
        || (avro.getType() != Schema.Type.INT && avro.getType() != Schema.Type.LONG)) {
      return Fix.NONE;
    }
    Type type = parquetSchema.getType(field.name());
    if (!type.isPrimitive()) {
      return Fix.NONE;
    }
    LogicalTypeAnnotation lt = type.getLogicalTypeAnnotation();
    if (lt instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
      LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d = (LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) lt;
      return Fix.decimal(d.getPrecision(), d.getScale(), false);
    }
    if (lt instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
        && !((LogicalTypeAnnotation.IntLogicalTypeAnnotation) lt).isSigned()) {
      return avro.getType() == Schema.Type.LONG ? Fix.decimal(20, 0, true) : Fix.UNSIGNED_INT;
    }
    return Fix.NONE;
  }

  /** Rewrites a column parquet-avro reads lossily: its schema and each value. */
  private static class Fix {
    static final Fix NONE = new Fix();
    static final Fix UNSIGNED_INT = new Fix() {
      @Override
      Schema replacement() {
        return Schema.create(Schema.Type.LONG);
      }

      @Override
      Object apply(Object v) {
        return v == null ? null : Integer.toUnsignedLong((Integer) v);
      }
    };

    static Fix decimal(int precision, int scale, boolean unsigned) {
      Schema dec = LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
      return new Fix() {
        @Override
        Schema replacement() {
          return dec;
        }

        @Override
        Object apply(Object v) {
          if (v == null) {
            return null;
          }
          long unscaled = ((Number) v).longValue();
          BigInteger i = unsigned ? new BigInteger(Long.toUnsignedString(unscaled)) : BigInteger.valueOf(unscaled);
          return ByteBuffer.wrap(i.toByteArray());
        }
      };
    }

    Schema replacement() {
      return null;
    }

    Object apply(Object v) {
      return v;
    }

    Schema schema(Schema original) {
      Schema r = replacement();
      if (r == null) {
        return original;
      }
      return original.getType() == Schema.Type.UNION ? TableSpec.optional(r) : r;
    }
  }

  private static Object normalize(Object v) {
    return v instanceof CharSequence ? v.toString() : v;
  }

  @Override
  public void close() {
    Streams.closeQuietly(reader);
    deleteQuietly(staged);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover temp file is harmless; the OS temp cleaner removes it
      }
    }
  }
}

package io.lakesmith.cdc.source.read;

import io.lakesmith.cdc.source.DmsFile;
import io.lakesmith.core.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Streams a DMS Parquet file row by row. The object is first copied to a local temporary file (Parquet reads the
 * footer first and then seeks, which a streaming {@link ObjectStore} cannot do); the copy is deleted on close.
 */
final class ParquetRowReader implements DmsRowReader {
  private final DmsFile file;
  private final Path staged;
  private final ParquetReader<GenericRecord> reader;
  private DmsColumns columns;
  private boolean hasOp;
  private GenericRecord next;
  private long row;
  private boolean done;

  ParquetRowReader(ObjectStore store, DmsFile file, DmsFormat format) {
    this.file = file;
    this.staged = stage(store, file, format);
    try {
      this.reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(staged))
          .withDataModel(GenericData.get()) // raw values: longs for timestamps, bytes for decimals
          .build();
    } catch (IOException | RuntimeException e) {
      deleteQuietly(staged);
      throw new DmsReadException(file.key(), "not a readable Parquet file: " + e, e);
    }
  }

  private static Path stage(ObjectStore store, DmsFile file, DmsFormat format) {
    Path tmp = null;
    try {
      tmp = format.tempDirectory().isPresent()
          ? Files.createTempFile(format.tempDirectory().get(), "lakesmith-dms-", ".parquet")
          : Files.createTempFile("lakesmith-dms-", ".parquet");
      try (InputStream in = Streams.open(store, file)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      if (e instanceof DmsReadException || e instanceof io.lakesmith.core.storage.StorageException) {
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
        throw new DmsReadException(file.key(), row + 1, "cannot read Parquet row: " + e, e);
      }
      done = next == null;
    }
    return next != null;
  }

  @Override
  public DmsRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file.key() + ": no more rows");
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
      values[i] = normalize(r.get(lead + i));
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
    for (Schema.Field f : fields.subList(hasOp ? 1 : 0, fields.size())) {
      names.add(f.name());
      schemas.add(f.schema());
    }
    return new DmsColumns(names, schemas, hasOp ? 1 : 0);
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

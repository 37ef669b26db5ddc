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

package io.lakesmith.spark.internal;

import io.lakesmith.cdc.RowError;
import io.lakesmith.cdc.internal.apply.DeleteLedger;
import io.lakesmith.cdc.internal.apply.QuarantineWriter;
import io.lakesmith.cdc.internal.apply.RecordMaker;
import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.read.DmsOp;
import io.lakesmith.cdc.internal.source.read.DmsReaders;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.cdc.internal.source.read.DmsRowReader;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The executor's part of the distributed apply for one DMS file: reads it with lake-cdc's readers and makes each
 * row's record with lake-cdc's {@link RecordMaker} (converter and change sequencer), exactly as the Java apply does,
 * streaming: rows are read as the consumer asks for them.
 */
public final class FileTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TaskConfig config;
  private final int fileIndex;
  private final String key;
  private final long size;
  private final Long lastModified;
  private final String eTag;
  private final long skipRows;

  FileTask(TaskConfig config, int fileIndex, DmsFile file, long skipRows) {
    this.config = config;
    this.fileIndex = fileIndex;
    this.key = file.key();
    this.size = file.size();
    this.lastModified = file.lastModified().map(Instant::toEpochMilli).orElse(null);
    this.eTag = file.eTag().orElse(null);
    this.skipRows = skipRows;
  }

  /**
   * The file's columns as its first row has them (the CSV header, or the Parquet schema): name and Avro schema JSON
   * ("" when untyped) per column; empty for an empty file. The driver evolves the table schema from them.
   */
  public java.util.ArrayList<String[]> columns() {
    StorageLocation root = StorageLocation.parse(config.root);
    java.util.ArrayList<String[]> out = new java.util.ArrayList<>();
    try (ObjectStore store = ObjectStores.open(root, config.aws())) {
      Instant modified = lastModified == null ? null : Instant.ofEpochMilli(lastModified);
      DmsFile file = DmsLayout.classify(root, ObjectInfo.listed(key, size, modified, eTag))
          .orElseThrow(() -> new IllegalStateException(key + " is no longer a DMS file"));
      try (DmsRowReader reader = DmsReaders.openTable(store, file, config.format(),
          DmsTableId.of(config.database, config.table), config.expectedColumns)) {
        if (reader.hasNext()) {
          io.lakesmith.cdc.internal.source.read.DmsColumns c = reader.next().columns();
          for (int i = 0; i < c.size(); i++) {
            out.add(new String[] {c.name(i), c.schema(i).map(Schema::toString).orElse(""),
                Integer.toString(c.fieldNumber(i))});
          }
        }
      }
    }
    return out;
  }

  /** The outputs of the file, lazily. */
  public Iterator<Out> run() {
    StorageLocation root = StorageLocation.parse(config.root);
    ObjectStore store = ObjectStores.open(root, config.aws());
    Instant modified = lastModified == null ? null : Instant.ofEpochMilli(lastModified);
    DmsFile file = DmsLayout.classify(root, ObjectInfo.listed(key, size, modified, eTag))
        .orElseThrow(() -> new IllegalStateException(key + " is no longer a DMS file"));
    Schema schema = new Schema.Parser().parse(config.schemaJson);
    RecordMaker maker = new RecordMaker(schema, config.recordKey, config.sequencer(),
        Optional.ofNullable(config.tenantColumn), Optional.ofNullable(config.tenantValue));
    DmsRowReader reader = DmsReaders.openTable(store, file, config.format(),
        DmsTableId.of(config.database, config.table), config.expectedColumns);
    GenericDatumWriter<GenericData.Record> writer = new GenericDatumWriter<>(schema);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return new Iterator<>() {
      private long rowNo;
      private Out next;
      private boolean done;
      private BinaryEncoder encoder;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          if (!reader.hasNext()) {
            done = true;
            close();
            break;
          }
          DmsRow row = reader.next();
          rowNo++;
          if (rowNo <= skipRows) {
            continue;
          }
          next = make(row);
        }
        return next != null;
      }

      @Override
      public Out next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Out o = next;
        next = null;
        return o;
      }

      private Out make(DmsRow row) {
        if (row.error().isPresent()) {
          return bad(List.of(row.error().get()), row);
        }
        RecordMaker.Made made;
        try {
          made = maker.make(row);
        } catch (DmsRowException e) {
          return bad(e.errors(), row);
        }
        if (made.op() == DmsOp.UPDATE && !made.converted().notSupplied().isEmpty()) {
          String column = made.converted().notSupplied().iterator().next();
          int index = row.columns().indexOf(column);
          return bad(List.of(RowError.ofColumn(row.fileKey(), row.line(), RowError.Kind.CONVERSION, column,
              index < 0 ? 0 : row.columns().fieldNumber(index),
              "value not supplied (CsvNoSupValue): the distributed apply takes no earlier version of the row from its"
                  + " batch; apply this table with DmsApply (lake-cdc)")), row);
        }
        bytes.reset();
        encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
        try {
          writer.write(made.record(), encoder);
          encoder.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        String op = RecordMaker.opCode(made.op());
        return Out.record(bytes.toByteArray(), DeleteLedger.keyOf(made.key()), made.seq(), op.charAt(0),
            file.kind() == DmsFile.Kind.FULL_LOAD, fileIndex, row.line());
      }

      private Out bad(List<RowError> errors, DmsRow row) {
        // STRICT too: the driver fails the commit on the first bad row in source order, as the Java apply does
        RowError first = errors.get(0);
        Out o = Out.bad(QuarantineWriter.entry(first, row), first.toString(), fileIndex, row.line());
        o.moreErrors = errors.size() - 1;
        return o;
      }

      private void close() {
        try {
          reader.close();
        } catch (RuntimeException e) {
          // nothing more to read
        }
        store.close();
      }
    };
  }
}

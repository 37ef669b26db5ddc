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

package io.lakesmith.cdc.internal.source;

import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.internal.source.read.DmsReaders;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowReader;
import io.lakesmith.cdc.internal.source.read.ExpectedColumns;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** Writes DMS-shaped files through an {@link ObjectStore} and reads them back, for the source tests. */
public final class DmsFixtures {
  private DmsFixtures() {}

  public static String key(StorageLocation root, String relative) {
    return root.resolve(relative).key();
  }

  public static void write(ObjectStore store, StorageLocation root, String relative, String content) {
    store.put(key(root, relative), content.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static void writeBytes(ObjectStore store, StorageLocation root, String relative, byte[] content) {
    store.put(key(root, relative), content, Map.of());
  }

  public static void writeGzip(ObjectStore store, StorageLocation root, String relative, String content) {
    writeBytes(store, root, relative, gzip(content.getBytes(StandardCharsets.UTF_8)));
  }

  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes records with parquet-avro to a scratch file, then puts it (optionally gzipped) into the store. */
  public static void writeParquet(ObjectStore store, StorageLocation root, String relative, Schema schema,
      List<GenericRecord> records, Path scratchDir, boolean gzip) {
    try {
      Path tmp = Files.createTempFile(scratchDir, "fixture-", ".parquet");
      try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new FileOutputFile(tmp))
          .withSchema(schema)
          .withDataModel(GenericData.get())
          .build()) {
        for (GenericRecord r : records) {
          w.write(r);
        }
      }
      byte[] content = Files.readAllBytes(tmp);
      writeBytes(store, root, relative, gzip ? gzip(content) : content);
      Files.delete(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The DMS file at {@code relative} under {@code root}, classified as discovery would. */
  public static DmsFile file(ObjectStore store, StorageLocation root, String relative) {
    return DmsLayout.classify(root, store.head(key(root, relative)).orElseThrow()).orElseThrow(
        () -> new AssertionError(relative + " is not a DMS file"));
  }

  public static List<DmsRow> readAll(ObjectStore store, DmsFile file, DmsFormat format, ExpectedColumns columns) {
    List<DmsRow> rows = new ArrayList<>();
    try (DmsRowReader r = DmsReaders.open(store, file, format, columns)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** A local Parquet {@link OutputFile} without Hadoop's file system (and its .crc side files). */
  public static final class FileOutputFile implements OutputFile {
    private final Path path;

    public FileOutputFile(Path path) {
      this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      return createOrOverwrite(blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
      return new PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          pos += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}

package io.lakesmith.cdc.internal.source.read;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Streams the rows of one DMS file in file order, holding at most a few rows in memory. {@link #next()} returns
 * rows with a {@link DmsRow#error()} too (see {@link DmsRow}); it throws {@link DmsReadException} when the file
 * cannot be read further. Not thread-safe. Close it to release the stream (and a staged Parquet copy).
 */
public interface DmsRowReader extends Iterator<DmsRow>, Closeable {

  /** Releases the stream and deletes temporary files; never throws. */
  @Override
  void close();
}

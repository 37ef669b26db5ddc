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

package io.lakesmith.cdc;

import com.google.common.base.Preconditions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a DMS task wrote its files, as far as reading needs to know. Immutable; build with {@link #builder()}.
 *
 * <p>Whether a file has an {@code Op} column is read from the file when it says so: a CSV header or a Parquet
 * schema whose first column is named {@code Op}, or an expected column list starting with {@code Op}. Only for
 * CSV files without a header do {@link #includeOpForFullLoad()} and {@link #cdcIncludesOp()} decide. A CDC file
 * without {@code Op} is read (as inserts) only when the table is {@link #cdcInsertsOnly()}; otherwise reading it
 * fails, since its updates and deletes could not be told from inserts.
 *
 * <p>Parquet needs random access, and {@link io.lakesmith.core.storage.ObjectStore} only streams: a Parquet file is
 * first copied (and un-gzipped when named {@code .gz}) to a temporary file in {@link #tempDirectory()}, which is
 * deleted when the reader closes. Timestamps in Parquet are read by their logical type, so both microsecond files
 * and {@code ParquetTimestampInMillisecond} files read exactly without a setting.
 */
public final class DmsFormat {
  private final CsvOptions csv;
  private final boolean includeOpForFullLoad;
  private final boolean cdcIncludesOp;
  private final boolean cdcInsertsOnly;
  private final Path tempDirectory;

  private DmsFormat(Builder b) {
    this.csv = b.csv;
    this.includeOpForFullLoad = b.includeOpForFullLoad;
    this.cdcIncludesOp = b.cdcIncludesOp;
    this.cdcInsertsOnly = b.cdcInsertsOnly;
    this.tempDirectory = b.tempDirectory;
  }

  /** DMS defaults: {@link CsvOptions#defaults()}, no Op in full load, Op in CDC, the JVM's temp directory. */
  public static DmsFormat defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().csv(csv).includeOpForFullLoad(includeOpForFullLoad).cdcIncludesOp(cdcIncludesOp)
        .cdcInsertsOnly(cdcInsertsOnly).tempDirectory(tempDirectory);
  }

  public CsvOptions csv() {
    return csv;
  }

  /** {@code IncludeOpForFullLoad}: full-load CSV rows start with {@code Op} ({@code I}). */
  public boolean includeOpForFullLoad() {
    return includeOpForFullLoad;
  }

  /**
   * Whether CDC CSV rows start with {@code Op}: true by default; false when DMS leaves it out, i.e.
   * {@code CdcInsertsOnly=true} with {@code IncludeOpForFullLoad=false}.
   */
  public boolean cdcIncludesOp() {
    return cdcIncludesOp;
  }

  /**
   * Whether the task writes only inserts ({@code CdcInsertsOnly=true}), so a CDC file without an {@code Op} column
   * holds inserts. Otherwise such a file is an error: its updates and deletes could not be told from inserts. True
   * when declared, and implied by {@code cdcIncludesOp(false)} (DMS leaves Op out only for inserts-only tasks).
   */
  public boolean cdcInsertsOnly() {
    return cdcInsertsOnly || !cdcIncludesOp;
  }

  /** Where Parquet files are staged; empty means {@code java.io.tmpdir}. */
  public Optional<Path> tempDirectory() {
    return Optional.ofNullable(tempDirectory);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DmsFormat)) {
      return false;
    }
    DmsFormat f = (DmsFormat) o;
    return csv.equals(f.csv) && includeOpForFullLoad == f.includeOpForFullLoad && cdcIncludesOp == f.cdcIncludesOp
        && cdcInsertsOnly == f.cdcInsertsOnly && Objects.equals(tempDirectory, f.tempDirectory);
  }

  @Override
  public int hashCode() {
    return Objects.hash(csv, includeOpForFullLoad, cdcIncludesOp, cdcInsertsOnly, tempDirectory);
  }

  @Override
  public String toString() {
    return "DmsFormat{" + csv + ", includeOpForFullLoad=" + includeOpForFullLoad + ", cdcIncludesOp=" + cdcIncludesOp
        + (cdcInsertsOnly ? ", cdcInsertsOnly" : "")
        + (tempDirectory == null ? "" : ", tempDirectory=" + tempDirectory) + "}";
  }

  /** Builder of {@link DmsFormat}. */
  public static final class Builder {
    private CsvOptions csv = CsvOptions.defaults();
    private boolean includeOpForFullLoad;
    private boolean cdcIncludesOp = true;
    private boolean cdcInsertsOnly;
    private Path tempDirectory;

    private Builder() {}

    public Builder csv(CsvOptions value) {
      this.csv = value;
      return this;
    }

    public Builder includeOpForFullLoad(boolean value) {
      this.includeOpForFullLoad = value;
      return this;
    }

    public Builder cdcIncludesOp(boolean value) {
      this.cdcIncludesOp = value;
      return this;
    }

    /** {@code CdcInsertsOnly=true}: CDC files without an {@code Op} column hold inserts (see {@link #cdcInsertsOnly()}). */
    public Builder cdcInsertsOnly(boolean value) {
      this.cdcInsertsOnly = value;
      return this;
    }

    /** Directory for staged Parquet files, or null for {@code java.io.tmpdir}. */
    public Builder tempDirectory(Path value) {
      this.tempDirectory = value;
      return this;
    }

    public DmsFormat build() {
      Preconditions.checkArgument(csv != null, "csv options must not be null");
      return new DmsFormat(this);
    }
  }
}

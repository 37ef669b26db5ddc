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

package io.lakesmith.catalog;

import com.google.common.base.Preconditions;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link TableKind#DMS_CSV} table's files are written: delimiter, header row, quoting and null token.
 * Immutable. The defaults are DMS's: comma delimiter, no header, RFC 4180 quoting with {@code "}, empty string
 * for null.
 *
 * <p>Quoted files are read with Hive's {@code OpenCSVSerde} (which handles quotes but reads every value as text,
 * then casts); unquoted ones with {@code LazySimpleSerDe}, which also honours {@link #nullValue()}.
 * Gzip-compressed files ({@code CompressionType=GZIP}) need no setting: readers detect the {@code .gz} suffix.
 */
public final class CsvFormat {

  private static final CsvFormat DMS_DEFAULT = builder().build();

  private final char delimiter;
  private final boolean header;
  private final boolean quoted;
  private final char quoteChar;
  private final char escapeChar;
  private final String nullValue;

  private CsvFormat(Builder b) {
    this.delimiter = b.delimiter;
    this.header = b.header;
    this.quoted = b.quoted;
    this.quoteChar = b.quoteChar;
    this.escapeChar = b.escapeChar;
    this.nullValue = b.nullValue;
  }

  /** DMS's default CSV settings. */
  public static CsvFormat dmsDefault() {
    return DMS_DEFAULT;
  }

  public static Builder builder() {
    return new Builder();
  }

  public char delimiter() {
    return delimiter;
  }

  /** Whether each file starts with a header row ({@code AddColumnName=true}); it is skipped when reading. */
  public boolean header() {
    return header;
  }

  public boolean quoted() {
    return quoted;
  }

  public char quoteChar() {
    return quoteChar;
  }

  public char escapeChar() {
    return escapeChar;
  }

  /** The explicit null token ({@code CsvNullValue}), for unquoted files. */
  public Optional<String> nullValue() {
    return Optional.ofNullable(nullValue);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CsvFormat)) {
      return false;
    }
    CsvFormat f = (CsvFormat) o;
    return delimiter == f.delimiter && header == f.header && quoted == f.quoted && quoteChar == f.quoteChar
        && escapeChar == f.escapeChar && Objects.equals(nullValue, f.nullValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, header, quoted, quoteChar, escapeChar, nullValue);
  }

  @Override
  public String toString() {
    return "CsvFormat{delimiter='" + delimiter + "', header=" + header + ", quoted=" + quoted + "}";
  }

  /** Builder of {@link CsvFormat}. */
  public static final class Builder {
    private char delimiter = ',';
    private boolean header;
    private boolean quoted = true;
    private char quoteChar = '"';
    private char escapeChar = '\\';
    private String nullValue;

    private Builder() {}

    public Builder delimiter(char value) {
      Preconditions.checkArgument(value != '\n' && value != '\r', "the delimiter cannot be a line break");
      this.delimiter = value;
      return this;
    }

    public Builder header(boolean value) {
      this.header = value;
      return this;
    }

    public Builder quoted(boolean value) {
      this.quoted = value;
      return this;
    }

    public Builder quoteChar(char value) {
      this.quoteChar = value;
      return this;
    }

    public Builder escapeChar(char value) {
      this.escapeChar = value;
      return this;
    }

    public Builder nullValue(String value) {
      this.nullValue = value;
      return this;
    }

    public CsvFormat build() {
      Preconditions.checkArgument(!quoted || quoteChar != delimiter, "the quote character cannot be the delimiter");
      return new CsvFormat(this);
    }
  }
}

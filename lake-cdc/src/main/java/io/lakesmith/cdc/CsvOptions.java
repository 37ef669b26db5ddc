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

import io.lakesmith.cdc.internal.source.read.DmsRow;
import com.google.common.base.Preconditions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How DMS wrote its CSV files (S3 target endpoint settings). Immutable; build with {@link #builder()}.
 *
 * <p><b>NULL and "not supplied".</b> A field is NULL when it is <em>unquoted</em> and equals {@link #nullValue()}
 * (DMS {@code CsvNullValue}). The default is the empty string: DMS writes NULL as an empty field unless
 * {@code CsvNullValue} is set (as in the public DMS sample output), so an unquoted empty field is NULL and an empty
 * string is only kept when quoted ({@code ""}). With an explicit token such as {@code NULL}, an empty field is the
 * empty string and {@code NULL} is NULL. A field is {@link DmsRow#NOT_SUPPLIED} when it is unquoted and equals
 * {@link #noSupValue()} ({@code CsvNoSupValue} with {@code UseCsvNoSupValue}): the source did not log the column,
 * which means "unchanged/unknown", not NULL. A quoted field is always literal text: DMS quotes (RFC 4180) only
 * fields holding the delimiter, quotes or line breaks, so a token never arrives quoted.
 */
public final class CsvOptions {
  private final String delimiter;
  private final char quoteChar;
  private final String nullValue;
  private final String noSupValue;
  private final HeaderMode header;
  private final Charset charset;

  private CsvOptions(Builder b) {
    this.delimiter = b.delimiter;
    this.quoteChar = b.quoteChar;
    this.nullValue = b.nullValue;
    this.noSupValue = b.noSupValue;
    this.header = b.header;
    this.charset = b.charset;
  }

  /** DMS defaults: {@code ,} delimiter, {@code "} quote, empty NULL token, no CsvNoSupValue, no header, UTF-8. */
  public static CsvOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().delimiter(delimiter).quoteChar(quoteChar).nullValue(nullValue).noSupValue(noSupValue)
        .header(header).charset(charset);
  }

  /** {@code CsvDelimiter}: one or more characters. */
  public String delimiter() {
    return delimiter;
  }

  public char quoteChar() {
    return quoteChar;
  }

  /** {@code CsvNullValue}: an unquoted field equal to it is NULL. */
  public String nullValue() {
    return nullValue;
  }

  /** {@code CsvNoSupValue}: an unquoted field equal to it is "not supplied". */
  public Optional<String> noSupValue() {
    return Optional.ofNullable(noSupValue);
  }

  /** {@code AddColumnName}: whether files start with a header row. */
  public HeaderMode header() {
    return header;
  }

  public Charset charset() {
    return charset;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CsvOptions)) {
      return false;
    }
    CsvOptions c = (CsvOptions) o;
    return delimiter.equals(c.delimiter) && quoteChar == c.quoteChar && nullValue.equals(c.nullValue)
        && Objects.equals(noSupValue, c.noSupValue) && header == c.header && charset.equals(c.charset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, quoteChar, nullValue, noSupValue, header, charset);
  }

  @Override
  public String toString() {
    return "CsvOptions{delimiter='" + delimiter + "', quote=" + quoteChar + ", null='" + nullValue + "', noSup="
        + (noSupValue == null ? "none" : "'" + noSupValue + "'") + ", header=" + header + ", charset=" + charset + "}";
  }

  /** Builder of {@link CsvOptions}. */
  public static final class Builder {
    private String delimiter = ",";
    private char quoteChar = '"';
    private String nullValue = "";
    private String noSupValue;
    private HeaderMode header = HeaderMode.ABSENT;
    private Charset charset = StandardCharsets.UTF_8;

    private Builder() {}

    public Builder delimiter(String value) {
      this.delimiter = value;
      return this;
    }

    public Builder delimiter(char value) {
      return delimiter(String.valueOf(value));
    }

    public Builder quoteChar(char value) {
      this.quoteChar = value;
      return this;
    }

    public Builder nullValue(String value) {
      this.nullValue = value;
      return this;
    }

    /** The {@code CsvNoSupValue} token, or null for none. */
    public Builder noSupValue(String value) {
      this.noSupValue = value;
      return this;
    }

    public Builder header(HeaderMode value) {
      this.header = value;
      return this;
    }

    public Builder charset(Charset value) {
      this.charset = value;
      return this;
    }

    /** Rejects an empty or line-breaking delimiter, a quote inside it, a null NULL token or equal tokens. */
    public CsvOptions build() {
      Preconditions.checkArgument(delimiter != null && !delimiter.isEmpty(), "delimiter must not be empty");
      Preconditions.checkArgument(delimiter.indexOf('\n') < 0 && delimiter.indexOf('\r') < 0,
          "delimiter must not contain a line break");
      Preconditions.checkArgument(delimiter.indexOf(quoteChar) < 0, "delimiter must not contain the quote char");
      Preconditions.checkArgument(quoteChar != '\n' && quoteChar != '\r', "quote char must not be a line break");
      Preconditions.checkArgument(nullValue != null, "nullValue must not be null (use \"\" for empty fields)");
      Preconditions.checkArgument(noSupValue == null || !noSupValue.equals(nullValue),
          "noSupValue must differ from nullValue, both are '%s'", nullValue);
      Preconditions.checkArgument(header != null, "header must not be null");
      Preconditions.checkArgument(charset != null, "charset must not be null");
      return new CsvOptions(this);
    }
  }
}

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

import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ChangeSequencer;
import io.lakesmith.cdc.CsvOptions;
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.cdc.HeaderMode;
import io.lakesmith.core.aws.AwsSettings;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * What an executor needs to read and convert a table's files, as plain serializable values (the library's settings
 * types are not {@link Serializable}); rebuilt into those types on the executor.
 */
public final class TaskConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  final String root;
  final String database;
  final String table;
  final String schemaJson;
  final List<String> recordKey;
  final List<String> expectedColumns;
  final String tenantColumn;
  final String tenantValue;
  final ApplyMode mode;
  // AwsSettings
  final String region;
  final String endpoint;
  final String accessKeyId;
  final String secretAccessKey;
  final String sessionToken;
  final boolean pathStyle;
  final boolean checksumsWhenRequired;
  final int maxAttempts;
  // DmsFormat
  final String delimiter;
  final char quoteChar;
  final String nullValue;
  final String noSupValue;
  final HeaderMode header;
  final String charset;
  final boolean includeOpForFullLoad;
  final boolean cdcIncludesOp;
  final boolean cdcInsertsOnly;
  final String tempDirectory;
  // ChangeSequencer
  final ChangeSequencer.Strategy strategy;
  final String changeSeqColumn;
  final String timestampColumn;

  public TaskConfig(String root, String database, String table, String schemaJson, List<String> recordKey,
      List<String> expectedColumns, String tenantColumn, String tenantValue, ApplyMode mode, AwsSettings aws,
      DmsFormat format, ChangeSequencer sequencer) {
    this.root = root;
    this.database = database;
    this.table = table;
    this.schemaJson = schemaJson;
    this.recordKey = new java.util.ArrayList<>(recordKey); // mutable: Kryo cannot rebuild immutable lists
    this.expectedColumns = new java.util.ArrayList<>(expectedColumns);
    this.tenantColumn = tenantColumn;
    this.tenantValue = tenantValue;
    this.mode = mode;
    this.region = aws.region().map(r -> r.id()).orElse(null);
    this.endpoint = aws.endpoint().map(URI::toString).orElse(null);
    this.accessKeyId = aws.accessKeyId().orElse(null);
    this.secretAccessKey = aws.secretAccessKey().orElse(null);
    this.sessionToken = aws.sessionToken().orElse(null);
    this.pathStyle = aws.pathStyle();
    this.checksumsWhenRequired = aws.checksumsWhenRequired();
    this.maxAttempts = aws.maxAttempts();
    CsvOptions csv = format.csv();
    this.delimiter = csv.delimiter();
    this.quoteChar = csv.quoteChar();
    this.nullValue = csv.nullValue();
    this.noSupValue = csv.noSupValue().orElse(null);
    this.header = csv.header();
    this.charset = csv.charset().name();
    this.includeOpForFullLoad = format.includeOpForFullLoad();
    this.cdcIncludesOp = format.cdcIncludesOp();
    this.cdcInsertsOnly = format.cdcInsertsOnly();
    this.tempDirectory = format.tempDirectory().map(Path::toString).orElse(null);
    this.strategy = sequencer.strategy();
    this.changeSeqColumn = sequencer.changeSeqColumn();
    this.timestampColumn = sequencer.timestampColumn().orElse(null);
  }

  AwsSettings aws() {
    AwsSettings.Builder b = AwsSettings.builder().pathStyle(pathStyle).checksumsWhenRequired(checksumsWhenRequired)
        .maxAttempts(maxAttempts);
    if (region != null) {
      b.region(region);
    }
    if (endpoint != null) {
      b.endpoint(URI.create(endpoint));
    }
    if (accessKeyId != null) {
      b.staticCredentials(accessKeyId, secretAccessKey);
      if (sessionToken != null) {
        b.sessionToken(sessionToken);
      }
    }
    return b.build();
  }

  DmsFormat format() {
    CsvOptions.Builder csv = CsvOptions.builder().delimiter(delimiter).quoteChar(quoteChar).nullValue(nullValue)
        .header(header).charset(Charset.forName(charset));
    if (noSupValue != null) {
      csv.noSupValue(noSupValue);
    }
    DmsFormat.Builder f = DmsFormat.builder().csv(csv.build()).includeOpForFullLoad(includeOpForFullLoad)
        .cdcIncludesOp(cdcIncludesOp).cdcInsertsOnly(cdcInsertsOnly);
    if (tempDirectory != null) {
      f.tempDirectory(Path.of(tempDirectory));
    }
    return f.build();
  }

  ChangeSequencer sequencer() {
    ChangeSequencer.Builder b = ChangeSequencer.builder().strategy(strategy).changeSeqColumn(changeSeqColumn);
    if (timestampColumn != null) {
      b.timestampColumn(timestampColumn);
    }
    return b.build();
  }
}

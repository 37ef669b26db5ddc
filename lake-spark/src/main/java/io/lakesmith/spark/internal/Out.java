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

import java.io.Serializable;

/**
 * One output of an executor's file task: a table record (Avro binary in the table schema, with what the driver needs
 * to order, count and filter it) or a bad row (its quarantine entry and its error in one line).
 */
public final class Out implements Serializable {
  private static final long serialVersionUID = 1L;

  final byte[] avro;
  final String key;
  final String seq;
  final char op;
  final boolean fullLoad;
  final String[] quarantine;
  final String error;
  final int fileIndex;
  final long line;
  /** Further errors of a bad row beyond the first. */
  int moreErrors;

  private Out(byte[] avro, String key, String seq, char op, boolean fullLoad, String[] quarantine, String error,
      int fileIndex, long line) {
    this.avro = avro;
    this.key = key;
    this.seq = seq;
    this.op = op;
    this.fullLoad = fullLoad;
    this.quarantine = quarantine;
    this.error = error;
    this.fileIndex = fileIndex;
    this.line = line;
  }

  static Out record(byte[] avro, String key, String seq, char op, boolean fullLoad, int fileIndex, long line) {
    return new Out(avro, key, seq, op, fullLoad, null, null, fileIndex, line);
  }

  static Out bad(String[] quarantine, String error, int fileIndex, long line) {
    return new Out(null, null, null, ' ', false, quarantine, error, fileIndex, line);
  }

  boolean isRecord() {
    return avro != null;
  }

  boolean isDelete() {
    return op == 'D';
  }
}

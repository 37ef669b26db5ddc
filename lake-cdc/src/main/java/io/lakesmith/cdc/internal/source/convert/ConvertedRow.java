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

package io.lakesmith.cdc.internal.source.convert;

import com.google.common.collect.ImmutableSet;
import io.lakesmith.cdc.internal.source.read.DmsOp;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import java.util.Set;
import org.apache.avro.generic.GenericData;

/**
 * A {@link DmsRow} converted to the target schema: the record, and which target columns DMS marked as not supplied
 * ({@code CsvNoSupValue}; null in the record, but meaning "keep the current value", not "set NULL").
 */
public final class ConvertedRow {
  private final DmsRow row;
  private final GenericData.Record record;
  private final ImmutableSet<String> notSupplied;

  ConvertedRow(DmsRow row, GenericData.Record record, Set<String> notSupplied) {
    this.row = row;
    this.record = record;
    this.notSupplied = ImmutableSet.copyOf(notSupplied);
  }

  /** The source row (file, line, op, table). */
  public DmsRow row() {
    return row;
  }

  public DmsOp op() {
    return row.op();
  }

  /**
   * The record in the target schema. Target columns the file does not have are null. The record is the caller's:
   * the converter keeps no reference to it.
   */
  public GenericData.Record record() {
    return record;
  }

  /** Target column names whose value DMS did not supply (in target schema order). */
  public Set<String> notSupplied() {
    return notSupplied;
  }

  @Override
  public String toString() {
    return row.fileKey() + " line " + row.line() + " " + op() + " " + record
        + (notSupplied.isEmpty() ? "" : " notSupplied=" + notSupplied);
  }
}

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

package io.lakesmith.cdc.internal.apply;

import io.lakesmith.cdc.ChangeSequencer;
import io.lakesmith.cdc.internal.source.convert.ConvertedRow;
import io.lakesmith.cdc.internal.source.convert.RowConverter;
import io.lakesmith.cdc.internal.source.read.DmsOp;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;

/**
 * Turns one DMS row into the table record the apply writes: converted to the table schema, with the tenant value,
 * the change sequence ({@code _lake_seq}), the op ({@code _lake_op}) and the delete marker. The one place both
 * the Java apply and the Spark executors make records, so both give a row the same record and sequence.
 * Not thread-safe (the converter caches per file columns); one per thread or task.
 */
public final class RecordMaker {

  /** A made record and what the apply needs besides it. */
  public record Made(GenericData.Record record, List<Object> key, String seq, DmsOp op, ConvertedRow converted) {}

  private final RowConverter converter;
  private final ChangeSequencer sequencer;
  private final String tenantColumn;
  private final String tenantValue;
  private final List<String> hudiKey;

  public RecordMaker(Schema schema, List<String> recordKey, ChangeSequencer sequencer, Optional<String> tenantColumn,
      Optional<String> tenantValue) {
    this.converter = RowConverter.of(schema, recordKey);
    this.sequencer = sequencer;
    this.tenantColumn = tenantColumn.orElse(null);
    this.tenantValue = tenantValue.orElse(null);
    List<String> key = new ArrayList<>();
    tenantColumn.ifPresent(key::add);
    key.addAll(recordKey);
    this.hudiKey = List.copyOf(key);
  }

  /** The Hudi record key columns: the tenant column (if any), then the spec's record key. */
  public List<String> hudiKey() {
    return hudiKey;
  }

  /** The record of {@code row}; throws {@link DmsRowException} for a bad row (conversion or sequence errors). */
  public Made make(DmsRow row) {
    ConvertedRow converted = converter.convert(row);
    String seq = Sequencing.sequence(sequencer, row);
    GenericData.Record rec = converted.record();
    DmsOp op = converted.op();
    if (tenantColumn != null) {
      rec.put(tenantColumn, tenantValue);
    }
    // Utf8, not String: Hudi 1.2 compares the incoming ordering value with the stored one (read as Utf8) by
    // the incoming value's compareTo, and String.compareTo(Utf8) throws.
    rec.put(TableSchemas.SEQ, new Utf8(seq));
    rec.put(TableSchemas.OP, opCode(op));
    rec.put(TableSchemas.IS_DELETED, op == DmsOp.DELETE);
    List<Object> key = new ArrayList<>(hudiKey.size());
    for (String k : hudiKey) {
      key.add(rec.get(k));
    }
    return new Made(rec, key, seq, op, converted);
  }

  /** The {@code _lake_op} value of an op: L, I, U or D. */
  public static String opCode(DmsOp op) {
    return op == DmsOp.LOAD ? "L" : op.name().substring(0, 1);
  }
}

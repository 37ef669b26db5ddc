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

package io.lakesmith.core.internal.hudi;

import io.lakesmith.core.hudi.HudiWriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hudi.common.data.HoodieData;
import org.apache.hudi.common.data.HoodieListData;
import org.apache.hudi.common.engine.HoodieEngineContext;
import org.apache.hudi.common.model.EmptyHoodieRecordPayload;
import org.apache.hudi.common.model.HoodieAvroIndexedRecord;
import org.apache.hudi.common.model.HoodieAvroRecord;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.schema.HoodieSchema;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.config.HoodieWriteConfig;
import org.apache.hudi.index.simple.HoodieGlobalSimpleIndex;
import org.apache.hudi.table.HoodieTable;

/**
 * Hudi's {@code GLOBAL_SIMPLE} index, except for the delete that removes a moved row's old copy. Not part of
 * Lakesmith's API: Hudi instantiates it by class name ({@code hoodie.index.class}) for tables whose options say
 * {@link HudiWriteOptions.IndexType#GLOBAL_SIMPLE}.
 *
 * <p>When a record's partition value changes, Hudi 1.2's global index tagging
 * ({@code HoodieIndexUtils.mergeForPartitionUpdatesAndDeletionsIfNeeded}) emits the new row for the new partition
 * and a delete for the old one built as an {@code EmptyHoodieRecordPayload}, whose ordering value is the integer
 * {@code 0}. On merge-on-read tables that delete lands in a log delete block next to Lakesmith's own deletes, which
 * carry the ordering field's (string) value; readers that require one ordering type per block (hudi-rs: "Delete
 * block mixes ordering types") then fail, and a {@code 0} would also lose to any real ordering value under
 * event-time merging in readers that compare them. This index replaces each such delete with the moved row itself
 * marked {@code _hoodie_is_deleted = true}, keyed and located at the old copy: the same delete, carrying the moved
 * row's ordering value (which is at least the old copy's: the moved row won the merge against it).
 */
public class OrderedGlobalSimpleIndex extends HoodieGlobalSimpleIndex {

  private final Schema writerSchema;

  public OrderedGlobalSimpleIndex(HoodieWriteConfig config) {
    super(config, Option.empty()); // Lakesmith tables populate meta fields: keys are read from them
    this.writerSchema = new Schema.Parser().parse(config.getWriteSchema());
  }

  @Override
  public <R> HoodieData<HoodieRecord<R>> tagLocation(HoodieData<HoodieRecord<R>> records, HoodieEngineContext context,
      HoodieTable hoodieTable) {
    List<HoodieRecord<R>> tagged = globalTagLocation(records, context, hoodieTable).collectAsList();
    return HoodieListData.eager(withOrderedMoveDeletes(tagged));
  }

  /** Hudi's GLOBAL_SIMPLE tagging, for engine-specific subclasses (lake-spark) that rewrite its output themselves. */
  protected <R> HoodieData<HoodieRecord<R>> globalTagLocation(HoodieData<HoodieRecord<R>> records,
      HoodieEngineContext context, HoodieTable hoodieTable) {
    return super.tagLocation(records, context, hoodieTable);
  }

  /**
   * The tagged records with each partition-move delete replaced by the ordered delete; {@code tagged} must hold all
   * records of their keys (lake-spark calls it per key group).
   */
  protected <R> List<HoodieRecord<R>> withOrderedMoveDeletes(List<HoodieRecord<R>> tagged) {
    Map<String, HoodieRecord<R>> movedTo = new HashMap<>();
    boolean anyMove = false;
    for (HoodieRecord<R> r : tagged) {
      if (isMoveDelete(r)) {
        anyMove = true;
      } else if (!r.isCurrentLocationKnown()) {
        movedTo.put(r.getRecordKey(), r);
      }
    }
    if (!anyMove) {
      return tagged;
    }
    List<HoodieRecord<R>> out = new ArrayList<>(tagged.size());
    for (HoodieRecord<R> r : tagged) {
      HoodieRecord<R> moved = isMoveDelete(r) ? movedTo.get(r.getRecordKey()) : null;
      out.add(moved == null || Objects.equals(moved.getPartitionPath(), r.getPartitionPath()) ? r : orderedDelete(r, moved));
    }
    return out;
  }

  private static boolean isMoveDelete(HoodieRecord<?> r) {
    return r instanceof HoodieAvroRecord && r.getData() instanceof EmptyHoodieRecordPayload && r.isCurrentLocationKnown();
  }

  @SuppressWarnings("unchecked")
  private <R> HoodieRecord<R> orderedDelete(HoodieRecord<R> emptyDelete, HoodieRecord<R> moved) {
    if (writerSchema.getField(HudiSchemas.IS_DELETED) == null) {
      return emptyDelete;
    }
    IndexedRecord row;
    try {
      Option<HoodieAvroIndexedRecord> indexed = moved.toIndexedRecord(HoodieSchema.fromAvroSchema(writerSchema),
          config.getProps());
      if (!indexed.isPresent()) {
        return emptyDelete;
      }
      row = indexed.get().getData();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the moved row of key " + moved.getRecordKey(), e);
    }
    GenericData.Record delete = new GenericData.Record(writerSchema);
    for (Schema.Field f : writerSchema.getFields()) {
      Schema.Field src = row.getSchema().getField(f.name());
      if (src != null) {
        delete.put(f.pos(), row.get(src.pos()));
      }
    }
    delete.put(HudiSchemas.IS_DELETED, true);
    HoodieRecord<IndexedRecord> out = new HoodieAvroIndexedRecord(emptyDelete.getKey(), delete);
    out.setCurrentLocation(emptyDelete.getCurrentLocation());
    out.seal();
    out.setIgnoreIndexUpdate(true);
    return (HoodieRecord<R>) out;
  }
}

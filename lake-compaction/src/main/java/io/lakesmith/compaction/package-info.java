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

/**
 * Storage maintenance: Tier-2 object-version compaction by DMS log position ({@link
 * io.lakesmith.compaction.TableMaintenance#expireOldVersions}) and, in {@link io.lakesmith.compaction.hudi}, Hudi
 * table services.
 *
 * <h2>Object-version compaction in one page</h2>
 * <pre>{@code
 * Tier2Layout layout = Tier2Layout.builder("s3://lake/tier2/employees")
 *     .partitionFolders("employee_id")                 // record key = the employee_id=<v>/ folder
 *     .logTimestamp(LogTimestampSource.metadata())     // x-amz-meta-dms-ts / dms-seq (Tier2Writer writes them)
 *     .tombstone(TombstoneRule.dmsOperationMetadata()) // x-amz-meta-dms-op = D
 *     .build();
 * ExpireObjectVersionsResult plan = TableMaintenance.on(aws).expireOldVersions(layout)
 *     .olderThan(Duration.ofHours(6)).dryRun().execute();
 * ExpireObjectVersionsResult done = TableMaintenance.on(aws).expireOldVersions(layout)
 *     .olderThan(Duration.ofHours(6)).execute();
 * done.removedKeys();   // partitions whose key was deleted at the source: drop them from the catalog
 * }</pre>
 *
 * <h2>Design decisions</h2>
 * <ul>
 *   <li><b>Which object wins.</b> The newest by {@link io.lakesmith.compaction.LogPosition} (DMS commit timestamp,
 *       microseconds; then the change sequence, numeric when it is digits, e.g. {@code AR_H_CHANGE_SEQ}); ties are
 *       broken by the greater object key, then (versions of one key) the later stored version, so every run on
 *       the same objects picks the same winner. Storage LastModified is used only when the layout opts in with
 *       {@link io.lakesmith.compaction.LogTimestampSource#storageLastModified()}.
 *   <li><b>Grace window on log time.</b> Objects whose log timestamp is after the cutoff are never touched, and
 *       the winner is chosen among settled objects only, so an in-flight write never causes a delete.
 *   <li><b>Tombstones.</b> Recognized by metadata ({@code dms-op=D}), the operation column of the object's newest
 *       row, or a name marker. A key whose settled newest object is a tombstone, with nothing newer and past the
 *       tombstone retention, is removed entirely: its older objects first, the tombstone in a later DeleteObjects
 *       request once every older delete is confirmed, so no crash or per-key error can resurrect an older version.
 *   <li><b>One pass, bounded memory.</b> The record key is a prefix of the object key, so a key's objects are
 *       contiguous in the key-ordered listing; groups are decided as the listing streams (a window of groups
 *       resolves their positions in parallel) and deletes go out in batches of at most 1000.
 *   <li><b>Lock and kill switch.</b> A lease object under {@code <prefix>_lakesmith/} created with
 *       {@code If-None-Match: *}, renewed and taken over with {@code If-Match} on its ETag, released with a
 *       conditional delete; a run that loses it stops before its next delete. The kill switch is an object next
 *       to it or a system property.
 *   <li><b>Idempotence.</b> A run only ever deletes settled non-winners (and fully superseded tombstoned keys); a
 *       rerun after a crash recomputes the same decisions from what is left and finishes the job.
 * </ul>
 */
package io.lakesmith.compaction;

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
 * The AWS DMS S3-target output as a source of changes, for the apply engine.
 *
 * <p>The flow, one idea per package:
 * <ol>
 *   <li>{@link io.lakesmith.cdc.internal.source.DmsLayout#scan} lists the DMS root once and returns a
 *       {@link io.lakesmith.cdc.internal.source.DmsListing}: per table, its {@link io.lakesmith.cdc.internal.source.DmsFile}s in apply
 *       order (full load by hex counter, then CDC by file-name time), the {@code CDC_TXN} files, and what it did not
 *       recognize;</li>
 *   <li>{@link io.lakesmith.cdc.internal.source.read.DmsReaders} streams each file's
 *       {@link io.lakesmith.cdc.internal.source.read.DmsRow}s (package {@code read});</li>
 *   <li>{@link io.lakesmith.cdc.internal.source.convert.RowConverter} types them into Avro records of the table schema
 *       (package {@code convert});</li>
 *   <li>{@link io.lakesmith.cdc.ChangeSequencer} gives each row its ordering value (package
 *       {@code sequence}).</li>
 * </ol>
 * Everything reads through {@link io.lakesmith.core.storage.ObjectStore}, so local files and S3 behave the same.
 */
package io.lakesmith.cdc.internal.source;

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
 * The typed options and values of Lakesmith's Hudi tables: write options ({@link io.lakesmith.core.hudi.HudiWriteOptions}),
 * the table format version readers need ({@link io.lakesmith.core.hudi.TableVersion}) and what a commit wrote
 * ({@link io.lakesmith.core.hudi.HudiCommit}). No Hudi or Hadoop type appears here: the adapter to Hudi's Java
 * client lives in {@code io.lakesmith.core.internal.hudi}, which is not API and may change in any release.
 */
package io.lakesmith.core.hudi;

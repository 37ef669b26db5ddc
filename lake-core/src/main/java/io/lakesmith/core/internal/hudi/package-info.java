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
 * Internal: Lakesmith's adapter to Apache Hudi's Java write client (no Spark). Not API; may change in any release.
 * Hadoop configuration for {@code s3a://} and local tables ({@link HadoopConfigurations}), table creation and
 * validation ({@link HudiTables}), an open table with its write client, timeline and commit metadata
 * ({@link HudiTable}) and a snapshot reader through Hudi's file-group reader ({@link HudiTableReader}).
 *
 * <p>Hudi and Hadoop configuration keys are set only inside this package ({@code HudiConfigs},
 * {@link HadoopConfigurations}); callers choose typed options ({@link io.lakesmith.core.hudi.HudiWriteOptions}).
 */
package io.lakesmith.core.internal.hudi;

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
 * Hudi table services for Lakesmith's tables, in the style of Iceberg's actions:
 * {@code HudiMaintenance.forTable(spec, options, aws).clean().retainCommits(10).execute()}, plus a planner
 * ({@link io.lakesmith.compaction.hudi.HudiMaintenance#runNeeded}) that runs what a table needs in a safe order.
 *
 * <p>Hudi configuration keys stay in lake-core's Hudi adapter ({@link io.lakesmith.core.internal.hudi.HudiTableServices});
 * this package speaks typed options. Every service runs with automatic clean and archive off, so no service
 * triggers another with Hudi's default retention behind the caller's back.
 *
 * <h2>The apply engine's checkpoint and archival</h2>
 * The DMS apply engine stores its source checkpoint in the extra metadata of each data commit under
 * {@value io.lakesmith.compaction.hudi.HudiMaintenance#CHECKPOINT_KEY} and resumes from the newest commit that has
 * it; compaction and clustering commits do not carry it. The engine falls back to the archived timeline when no
 * active commit carries the checkpoint, but reading the archive is slower and other tools may prune it, so archival
 * here still keeps at least as many commits as it takes to keep the newest checkpoint-carrying commit active
 * (widening the requested window and saying so), and refuses to run on a table whose active timeline has no such commit unless
 * told the table is not the apply engine's ({@link io.lakesmith.compaction.hudi.ArchiveTimeline#ignoreCheckpoint()}).
 */
package io.lakesmith.compaction.hudi;

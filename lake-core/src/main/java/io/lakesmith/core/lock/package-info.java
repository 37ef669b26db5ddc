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
 * Leases on objects in an {@link io.lakesmith.core.storage.ObjectStore}, taken and renewed with conditional writes
 * (S3 {@code If-None-Match}/{@code If-Match}; local files with an atomic create and an OS file lock): the
 * {@link io.lakesmith.core.lock.LeaseLock} mechanism, the one-writer-per-table
 * {@link io.lakesmith.core.lock.TableLease} built on it, and the exceptions a loser
 * ({@link io.lakesmith.core.lock.ConcurrentWriterException}) or a holder that overran its lease
 * ({@link io.lakesmith.core.lock.LeaseLostException}) sees.
 */
package io.lakesmith.core.lock;

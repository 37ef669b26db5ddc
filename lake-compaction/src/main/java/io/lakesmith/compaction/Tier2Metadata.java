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

package io.lakesmith.compaction;

/**
 * The S3 user-metadata keys (sent as {@code x-amz-meta-<key>}) Lakesmith writes on Tier-2 objects and reads back
 * by default: the DMS log timestamp, the change sequence and the DMS operation of the object's last change.
 */
public final class Tier2Metadata {

  /** The DMS commit timestamp of the object's newest change, ISO-8601 UTC with microseconds. */
  public static final String TIMESTAMP = "dms-ts";
  /** The DMS change sequence ({@code AR_H_CHANGE_SEQ}) of the object's newest change, when known. */
  public static final String SEQUENCE = "dms-seq";
  /** The DMS operation of the object's newest change: {@code I}, {@code U} or {@code D} (a tombstone). */
  public static final String OPERATION = "dms-op";

  private Tier2Metadata() {}
}

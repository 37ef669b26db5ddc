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

package io.lakesmith.cdc.internal.source.read;

/**
 * What a DMS row does to its record. {@link #LOAD} is a full-load row from a file without an {@code Op} column
 * (the DMS default, {@code IncludeOpForFullLoad=false}); with that option DMS writes {@code I}, read as
 * {@link #INSERT}. CDC rows without an {@code Op} column ({@code CdcInsertsOnly}) are {@link #INSERT}s.
 */
public enum DmsOp {
  INSERT,
  UPDATE,
  /** A delete; from some sources (e.g. PostgreSQL without REPLICA IDENTITY FULL) only the key columns are filled. */
  DELETE,
  LOAD;

  /** {@code I}, {@code U} or {@code D} (case-insensitive) as DMS writes it in {@code Op}; null for anything else. */
  static DmsOp fromCode(String code) {
    if (code == null || code.length() != 1) {
      return null;
    }
    switch (Character.toUpperCase(code.charAt(0))) {
      case 'I': return INSERT;
      case 'U': return UPDATE;
      case 'D': return DELETE;
      default: return null;
    }
  }
}

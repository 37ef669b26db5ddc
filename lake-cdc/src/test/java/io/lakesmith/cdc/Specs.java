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

package io.lakesmith.cdc;

import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;

/** The test table: people(ID long key, NAME, AMT decimal(10,2), DEPT, TS = DMS timestamp column). */
final class Specs {
  static final String HEADER = "ID,NAME,AMT,DEPT,TS";
  static final String CDC_HEADER = "Op," + HEADER;

  private Specs() {}

  static TableSpec.Builder people(String base) {
    return TableSpec.builder().database("app").table("people").recordKey("ID").basePath(base)
        .column("ID", ColumnType.LONG).column("NAME", ColumnType.STRING).column("AMT", ColumnType.decimal(10, 2))
        .column("DEPT", ColumnType.STRING).column("TS", ColumnType.STRING);
  }

  static TableSpec cow(String base) {
    return people(base).build();
  }

  static TableSpec partitioned(String base, TableType type) {
    return people(base).partitionBy("DEPT").type(type).build();
  }

  /** Files have a header row; order by the TS column. */
  static DmsApply apply(DmsFixture dms, TableSpec spec) {
    return DmsApply.from(dms.root.toString()).table(spec).timestampColumn("TS")
        .csv(CsvOptions.builder().header(HeaderMode.PRESENT).build());
  }
}

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

package io.lakesmith.examples.concurrency;

import io.lakesmith.cdc.ApplyListener;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM that applies DMS output like {@code lakesmith apply --type mor} and, when the data of its n-th commit
 * is written but not committed (an instant in flight, the table's writer lease held and renewed), prints
 * {@code HOLDING <instant>} and hangs until it is killed.
 *
 * <p>Arguments: source, target base path, lease seconds, n, max rows per commit.
 */
public final class HangBeforeCommit {

  private HangBeforeCommit() {}

  public static void main(String[] args) throws Exception {
    String source = args[0];
    String base = args[1];
    Duration lease = Duration.ofSeconds(Long.parseLong(args[2]));
    int hangAt = Integer.parseInt(args[3]);
    int maxRows = Integer.parseInt(args[4]);
    AtomicInteger commits = new AtomicInteger();
    TableSpec spec = TableSpec.builder().database("app").table("people").recordKey("ID").type(TableType.MERGE_ON_READ)
        .basePath(base).build();
    DmsApply.from(source).table(spec).timestampColumn("TS").maxRowsPerCommit(maxRows).lockLease(lease)
        .listener(new ApplyListener() {
          @Override
          public void beforeCommit(String table, String instant, long records) {
            if (commits.incrementAndGet() == hangAt) {
              System.out.println("HOLDING " + instant);
              System.out.flush();
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        }).execute();
    System.out.println("FINISHED without hanging");
  }
}

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

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ArrivalOrderProperty} on copy-on-write and merge-on-read: a modest slice by default (10 orders per type,
 * 22 CDC files), 120 orders with {@code -Pstress} (JUnit tag {@code stress}; 60 per type, 30 CDC files, another
 * history); every table built is also read with hudi-rs and compared. Order seeds are {@link ArrivalOrderProperty#BASE_SEED} plus the order number, the same for both types;
 * the history seed is {@code BASE_SEED} (stress: {@code BASE_SEED + 1}). To replay a failure, pass what its message
 * names: {@code -Dlakesmith.test.historySeed=H -Dlakesmith.test.seed=S -Dlakesmith.test.orders=1}.
 */
class ArrivalOrderPropertyTest {

  private static final Logger LOG = LoggerFactory.getLogger(ArrivalOrderPropertyTest.class);

  @TempDir
  Path tmp;

  @Test
  void anyArrivalOrderGivesTheAllAtOnceTable() {
    run(ArrivalOrderProperty.BASE_SEED, Integer.getInteger("lakesmith.test.orders", 10), 22, 3);
  }

  @Test
  @Tag("stress")
  void stressAnyArrivalOrderGivesTheAllAtOnceTable() {
    run(ArrivalOrderProperty.BASE_SEED + 1, Integer.getInteger("lakesmith.test.orders", 60), 30, 6);
  }

  private void run(long historySeed, int ordersPerType, int cdcFiles, int maxApplies) {
    long history = Long.getLong("lakesmith.test.historySeed", historySeed);
    long first = Long.getLong("lakesmith.test.seed", ArrivalOrderProperty.BASE_SEED);
    for (TableType type : TableType.values()) {
      long t0 = System.nanoTime();
      ArrivalOrderProperty p = new ArrivalOrderProperty(tmp.resolve(type.name()), type, history, cdcFiles,
          maxApplies);
      for (int i = 0; i < ordersPerType; i++) {
        p.runOrder(first + i);
      }
      long t1 = System.nanoTime();
      p.checkWithHudiRs();
      LOG.info("hudi-rs read the {} {} tables in {} ms", p.tablesBuilt(), type, (System.nanoTime() - t1) / 1_000_000);
      LOG.info("arrival-order property on {}: history seed {}, {} orders (seeds {}..{}), {} CDC files, {} applies, "
          + "{} commits, {} crashes, {} ms", type, history, ordersPerType, first, first + ordersPerType - 1,
          p.history().cdcFileCount(), p.applies, p.commits, p.crashes, (System.nanoTime() - t0) / 1_000_000);
      assertThat(p.applies).isGreaterThanOrEqualTo(ordersPerType);
    }
  }
}

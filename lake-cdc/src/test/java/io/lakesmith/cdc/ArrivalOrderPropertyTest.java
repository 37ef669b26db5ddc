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
 * {@link ArrivalOrderProperty} on copy-on-write and merge-on-read: a modest slice by default, at least 100 orders
 * with {@code -Pstress} (JUnit tag {@code stress}). Seeds are {@link ArrivalOrderProperty#BASE_SEED} plus the order
 * number; {@code -Dlakesmith.test.seed=S} starts at S, {@code -Dlakesmith.test.orders=N} runs N orders per table type.
 */
class ArrivalOrderPropertyTest {

  private static final Logger LOG = LoggerFactory.getLogger(ArrivalOrderPropertyTest.class);

  @TempDir
  Path tmp;

  @Test
  void anyArrivalOrderGivesTheAllAtOnceTable() {
    run(Integer.getInteger("lakesmith.test.orders", 10), 22, 3);
  }

  @Test
  @Tag("stress")
  void stressAnyArrivalOrderGivesTheAllAtOnceTable() {
    run(Integer.getInteger("lakesmith.test.orders", 60), 30, 6);
  }

  private void run(int ordersPerType, int cdcFiles, int maxApplies) {
    long first = Long.getLong("lakesmith.test.seed", ArrivalOrderProperty.BASE_SEED);
    for (TableType type : TableType.values()) {
      long t0 = System.nanoTime();
      ArrivalOrderProperty p = new ArrivalOrderProperty(tmp.resolve(type.name()), type, first, cdcFiles,
          maxApplies);
      for (int i = 0; i < ordersPerType; i++) {
        p.runOrder(first + i);
      }
      LOG.info("arrival-order property on {}: {} orders (seeds {}..{}), {} CDC files, {} applies, {} commits, "
          + "{} crashes, {} ms", type, ordersPerType, first, first + ordersPerType - 1,
          p.history().cdcFileCount(), p.applies, p.commits, p.crashes, (System.nanoTime() - t0) / 1_000_000);
      assertThat(p.applies).isGreaterThanOrEqualTo(ordersPerType);
    }
  }
}

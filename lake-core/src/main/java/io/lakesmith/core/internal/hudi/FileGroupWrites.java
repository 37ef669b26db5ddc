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

package io.lakesmith.core.internal.hudi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.apache.hudi.client.WriteStatus;
import org.apache.hudi.common.config.TypedProperties;
import org.apache.hudi.common.model.HoodieRecord;
import org.apache.hudi.common.model.HoodieRecordLocation;
import org.apache.hudi.common.util.Option;
import org.apache.hudi.common.util.collection.Pair;
import org.apache.hudi.exception.HoodieUpsertException;
import org.apache.hudi.table.action.commit.Partitioner;

/**
 * Writes the buckets (file groups) of one Hudi commit, each in one thread, up to {@code parallelism} at a time. The
 * Java client writes them one after another in the calling thread; the Hudi handles of distinct file groups share
 * nothing mutable but the table's (thread-safe) file-system view and storage, as the Java engine's own parallel
 * index lookups already rely on. The commit stays one: this only returns when every bucket has finished (or, after
 * a failure, when the buckets already running have stopped), so a rollback never races a writer.
 */
final class FileGroupWrites {

  /** Write option (set by {@link HudiConfigs}) bounding the file groups written at once. */
  static final String PARALLELISM = "lakesmith.write.file-group.parallelism";
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Buckets written in a pool thread in this JVM: lets tests check that a write ran in parallel. */
  private static final LongAdder POOLED = new LongAdder();

  private FileGroupWrites() {}

  static long pooledWrites() {
    return POOLED.sum();
  }

  static int parallelism(TypedProperties props) {
    return Math.max(1, props.getInteger(PARALLELISM, Runtime.getRuntime().availableProcessors()));
  }

  /** {@code records} grouped by the bucket {@code partitioner} assigns them, in ascending bucket order. */
  static <T> Map<Integer, List<HoodieRecord<T>>> buckets(List<HoodieRecord<T>> records, Partitioner partitioner) {
    Map<Integer, List<HoodieRecord<T>>> byBucket = new java.util.TreeMap<>();
    for (HoodieRecord<T> r : records) {
      Pair<org.apache.hudi.common.model.HoodieKey, Option<HoodieRecordLocation>> key =
          Pair.of(r.getKey(), Option.ofNullable(r.getCurrentLocation()));
      byBucket.computeIfAbsent(partitioner.getPartition(key), b -> new ArrayList<>()).add(r);
    }
    return new LinkedHashMap<>(byBucket);
  }

  /**
   * The write statuses of {@code write} applied to every bucket, in bucket order; with one bucket or
   * {@code parallelism} 1 in the calling thread.
   */
  static <R> List<WriteStatus> run(Map<Integer, R> buckets, int parallelism,
      BiFunction<Integer, R, List<WriteStatus>> write) {
    int threads = Math.min(parallelism, buckets.size());
    List<WriteStatus> out = new ArrayList<>();
    if (threads <= 1) {
      buckets.forEach((b, r) -> out.addAll(write.apply(b, r)));
      return out;
    }
    ThreadFactory factory = task -> {
      Thread t = new Thread(task, "lakesmith-file-group-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
    List<Future<List<WriteStatus>>> futures = new ArrayList<>();
    try {
      buckets.forEach((b, r) -> futures.add(pool.submit(() -> {
        POOLED.increment();
        return write.apply(b, r);
      })));
      RuntimeException failure = null;
      for (Future<List<WriteStatus>> f : futures) {
        try {
          if (failure == null) {
            out.addAll(f.get());
          } else {
            f.cancel(false); // not started yet: never starts
          }
        } catch (ExecutionException e) {
          failure = unwrap(e.getCause());
          futures.forEach(x -> x.cancel(false));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = new HoodieUpsertException("interrupted while writing file groups", e);
          futures.forEach(x -> x.cancel(false));
        }
      }
      if (failure != null) {
        throw failure;
      }
      return out;
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new HoodieUpsertException("writing a file group failed: " + t, t);
  }

  /** Waits for running writes to stop, so that the caller's rollback sees every file they wrote. */
  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

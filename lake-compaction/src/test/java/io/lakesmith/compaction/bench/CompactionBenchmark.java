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

package io.lakesmith.compaction.bench;

import io.lakesmith.compaction.ExpireObjectVersionsResult;
import io.lakesmith.compaction.LogPosition;
import io.lakesmith.compaction.LogTimestampSource;
import io.lakesmith.compaction.TableMaintenance;
import io.lakesmith.compaction.Tier2Layout;
import io.lakesmith.compaction.Tier2Writer;
import io.lakesmith.compaction.TombstoneRule;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.testing.AwsEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Object-version compaction on the moto S3 emulator: uploads {@code objects} objects over {@code keys} record keys
 * (1 in 20 keys ends in a tombstone), then times a dry run and a real run and counts the S3 requests each made
 * (ListObjectsV2, HeadObject, DeleteObjects, ...) against the minimum possible.
 *
 * <p>Run: {@code ./mvnw -B -q -pl lake-compaction -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test} then {@code java -cp
 * lake-compaction/target/test-classes:lake-compaction/target/classes:$(cat lake-compaction/target/bench.cp)
 * io.lakesmith.compaction.bench.CompactionBenchmark [objects] [keys] [name|metadata] [parallelism] [s3|local]}.
 * Defaults: 100000 10000 name 16 s3. {@code name}: log positions from DMS-style object names (no per-object
 * request); {@code metadata}: from {@code x-amz-meta-dms-ts} (one HEAD per object). {@code local}: the same on the
 * local file system (a temporary directory), which shows Lakesmith's own cost without the emulator's.
 *
 * <p>moto's ListObjectsV2 scans and sorts every key of the bucket for every page (O(n) per page, O(n^2/1000) per
 * listing), and it serves ~100-300 PUT/s on a shared 2-core machine: at 100,000 objects one listing alone takes
 * tens of minutes. Scale down for S3 runs (e.g. 20000 2000) and use {@code local} for the full size.
 */
public final class CompactionBenchmark {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

  /** Counts SDK calls by request type and HTTP attempts. */
  static final class Counter implements ExecutionInterceptor {
    final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    final AtomicLong attempts = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
      calls.computeIfAbsent(c.request().getClass().getSimpleName().replace("Request", ""), k -> new AtomicLong())
          .incrementAndGet();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
      attempts.incrementAndGet();
    }

    long get(String op) {
      AtomicLong v = calls.get(op);
      return v == null ? 0 : v.get();
    }

    void reset() {
      calls.clear();
      attempts.set(0);
    }
  }

  public static void main(String[] args) throws Exception {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    boolean metadata = args.length > 2 && args[2].equals("metadata");
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    boolean local = args.length > 4 && args[4].equals("local");
    int perKey = Math.max(1, objects / keys);
    objects = perKey * keys;

    Counter counter = new Counter();
    java.nio.file.Path tmp = local ? java.nio.file.Files.createTempDirectory("lakesmith-bench") : null;
    AwsEmulator aws = local ? null : AwsEmulator.get();
    String bucket = local ? null : aws.uniqueBucket("bench");
    var s = local ? null : aws.settings();
    try (S3Client client = local ? null : S3Client.builder().credentialsProvider(s.credentialsProvider())
        .region(s.region().orElseThrow()).endpointOverride(s.endpoint().orElseThrow()).forcePathStyle(true)
        .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder().maxConnections(64))
        .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
        ObjectStore store = local ? ObjectStores.local() : ObjectStores.s3(client, bucket)) {
      String root = local ? io.lakesmith.core.storage.StorageLocation.local(tmp).key() + "/" : "";
      String prefix = root + "tier2/employees/";
      String location = local ? tmp.resolve("tier2/employees").toString() : "s3://" + bucket + "/" + prefix;
      System.out.printf("uploading %,d objects over %,d keys (%d per key, positions from %s) to %s...%n", objects,
          keys, perKey, metadata ? "metadata" : "object names", local ? tmp : "moto");
      long t0 = System.nanoTime();
      upload(store, prefix, keys, perKey, metadata);
      double uploadSec = (System.nanoTime() - t0) / 1e9;
      System.out.printf("uploaded in %.1f s (%.0f PUT/s)%n", uploadSec, objects / uploadSec);

      Tier2Layout layout = Tier2Layout.builder(location).partitionFolders("employee_id")
          .logTimestamp(metadata ? LogTimestampSource.metadata() : LogTimestampSource.dmsFileName())
          .tombstone(metadata ? TombstoneRule.dmsOperationMetadata()
              : TombstoneRule.nameMatches(Pattern.compile("-D\\.csv$")))
          .build();
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

      for (boolean dry : new boolean[] {true, false}) {
        counter.reset();
        Runtime.getRuntime().gc();
        var action = TableMaintenance.on(store).expireOldVersions(layout).clock(clock).olderThan(Duration.ofHours(1))
            .parallelism(parallelism).maxRecordedDeletions(0);
        if (dry) {
          action.dryRun();
        }
        long start = System.nanoTime();
        ExpireObjectVersionsResult r = action.execute();
        double sec = (System.nanoTime() - start) / 1e9;
        long deletes = r.objectsDeleted();
        // a real run's lock object sits under the prefix too: one more listed key
        long listed = r.objectsScanned() + (dry ? 0 : 1);
        long minList = Math.max(1, (listed + 999) / 1000);
        long minDelete = dry ? 0 : (deletes + 999) / 1000;
        System.out.printf("%n== %s ==%n", dry ? "dry run" : "real run");
        System.out.println(r);
        System.out.printf("time %.2f s | %,.0f objects scanned/s | %,.0f objects deleted/s%n", sec,
            r.objectsScanned() / sec, deletes / sec);
        System.out.printf("keys %,d | kept %,d | removed keys %,d | bytes reclaimed %,d | errors %d%n",
            r.keysScanned(), r.objectsKept(), r.removedKeys().size(), r.bytesReclaimed(), r.errors().size());
        if (local) {
          System.out.printf("delete batches (<= 1000 keys) minimum %d; local deletes are per file%n", minDelete);
          continue;
        }
        System.out.printf("ListObjectsV2 %d (minimum %d) | DeleteObjects %d (minimum %d) | HeadObject %d | "
                + "GetObject %d | PutObject %d | DeleteObject %d | HTTP attempts %d%n",
            counter.get("ListObjectsV2"), minList, counter.get("DeleteObjects"), minDelete, counter.get("HeadObject"),
            counter.get("GetObject"), counter.get("PutObject"), counter.get("DeleteObject"), counter.attempts.get());
        System.out.println("all calls: " + new TreeMap<>(counter.calls));
      }
    } finally {
      if (tmp != null) {
        try (var w = java.nio.file.Files.walk(tmp)) {
          w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void upload(ObjectStore store, String prefix, int keys, int perKey, boolean metadata)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        int key = k;
        fs.add(pool.submit(() -> {
          for (int w = 0; w < perKey; w++) {
            Instant ts = NOW.minus(Duration.ofMinutes(90L + 10L * w));
            String op = w == 0 && key % 20 == 0 ? "D" : w == perKey - 1 ? "I" : "U";
            String rel = String.format("employee_id=%06d/%s-%s.csv", key, NAME.format(ts), op);
            byte[] body = (op + "," + key + ",name" + key + "," + ts + "\n").getBytes(StandardCharsets.UTF_8);
            if (metadata) {
              Tier2Writer.of(store).put(prefix + rel, body, LogPosition.of(ts), op);
            } else {
              store.put(prefix + rel, body, Map.of());
            }
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.lakesmith.examples.bench;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTable;
import io.lakesmith.core.internal.hudi.HudiTables;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.lock.TableLease;
import io.lakesmith.core.storage.StorageLocation;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * What one writer per table costs per commit (issue 11): the same upserts into two tables side by side, one written
 * as Lakesmith writes now (optimistic concurrency control with the object-store commit lock, the table's writer
 * lease held and checked before each commit), one with the pre-lock configuration (Hudi's single-writer mode, eager
 * rollback of failed writes, in-process lock, no lease). Commits alternate between the two tables so both see the
 * same machine load; the difference of the medians is the overhead per commit. Also times taking and releasing the
 * writer lease (once per apply run).
 *
 * <p>Arguments: {@code <base: local dir or s3://bucket/prefix> [commits=20] [rows per commit=1000]
 * [--endpoint <url> --region <r> --path-style]} (credentials from the SDK's default chain).
 */
public final class LockOverheadBenchmark {

  private LockOverheadBenchmark() {}

  public static void main(String[] args) {
    List<String> a = new ArrayList<>(List.of(args));
    AwsSettings.Builder aws = AwsSettings.builder();
    for (int i = 0; i < a.size(); i++) {
      switch (a.get(i)) {
        case "--endpoint": aws.endpoint(a.remove(i + 1)); a.remove(i--); break;
        case "--region": aws.region(a.remove(i + 1)); a.remove(i--); break;
        case "--path-style": aws.pathStyle(true); a.remove(i--); break;
        default: break;
      }
    }
    if (a.isEmpty()) {
      System.err.println("usage: LockOverheadBenchmark <base dir|s3://bucket/prefix> [commits] [rows per commit]"
          + " [--endpoint url --region r --path-style]");
      System.exit(2);
    }
    String root = a.get(0) + "/lock-overhead-" + UUID.randomUUID().toString().substring(0, 8);
    int commits = a.size() > 1 ? Integer.parseInt(a.get(1)) : 20;
    int rows = a.size() > 2 ? Integer.parseInt(a.get(2)) : 1000;
    run(root, commits, rows, aws.build());
  }

  static void run(String root, int commits, int rows, AwsSettings aws) {
    HudiWriteOptions locked = HudiWriteOptions.builder().orderingField("seq").build();
    Map<String, String> preLock = new LinkedHashMap<>();
    preLock.put("hoodie.write.concurrency.mode", "SINGLE_WRITER");
    preLock.put("hoodie.clean.failed.writes.policy", "EAGER");
    preLock.put("hoodie.write.lock.provider", "org.apache.hudi.client.transaction.lock.InProcessLockProvider");
    HudiWriteOptions unlocked = locked.toBuilder().extraOptions(preLock).build();

    TableSpec lockedSpec = spec(root + "/locked");
    TableSpec unlockedSpec = spec(root + "/unlocked");
    List<Long> leaseTake = new ArrayList<>();
    List<Long> leaseRelease = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      TableLease l = TableLease.acquire(lockedSpec.basePath(), aws, "bench", LockOptions.defaults());
      leaseTake.add(System.nanoTime() - t);
      t = System.nanoTime();
      l.close();
      leaseRelease.add(System.nanoTime() - t);
    }
    double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<Long> on = new ArrayList<>();
    List<Long> off = new ArrayList<>();
    try (TableLease lease = TableLease.acquire(lockedSpec.basePath(), aws, "bench", LockOptions.defaults());
         HudiTable withLocks = HudiTables.create(lockedSpec, null, locked, aws).holding(lease);
         HudiTable without = HudiTables.create(unlockedSpec, null, unlocked, aws)) {
      // the first commit of each table (creation, class loading) is not measured
      withLocks.bulkInsert(batch(0, rows), Map.of());
      without.bulkInsert(batch(0, rows), Map.of());
      for (int c = 1; c <= commits; c++) {
        List<GenericRecord> b = batch(c, rows);
        boolean lockedFirst = c % 2 == 0;
        for (int k = 0; k < 2; k++) {
          boolean useLocked = (k == 0) == lockedFirst;
          long t = System.nanoTime();
          (useLocked ? withLocks : without).upsert(b, Map.of());
          (useLocked ? on : off).add(System.nanoTime() - t);
        }
      }
    }
    double onMs = median(on);
    double offMs = median(off);
    System.out.printf(Locale.ROOT, "lock overhead on %s: %d commits of %d rows each per table%n",
        StorageLocation.parse(root).isS3() ? "S3 (" + aws.endpoint().map(Object::toString).orElse("AWS") + ")"
            : "the local file system", commits, rows);
    System.out.printf(Locale.ROOT, "  with locks (OCC + commit lock + lease): median %.0f ms, mean %.0f ms per commit%n",
        onMs, mean(on));
    System.out.printf(Locale.ROOT, "  pre-lock (single writer, eager):       median %.0f ms, mean %.0f ms per commit%n",
        offMs, mean(off));
    System.out.printf(Locale.ROOT, "  overhead per commit: %+.0f ms median (%+.0f%%), %+.0f ms mean%n", onMs - offMs,
        100 * (onMs - offMs) / offMs, mean(on) - mean(off));
    System.out.printf(Locale.ROOT, "  writer lease per run: take %.0f ms, release %.0f ms (median of 5)%n",
        median(leaseTake), median(leaseRelease));
    System.out.printf(Locale.ROOT, "  load average %.2f -> %.2f (%d cores)%n", load0,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static TableSpec spec(String base) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("id", ColumnType.LONG);
    columns.put("name", ColumnType.STRING);
    columns.put("seq", ColumnType.LONG);
    return TableSpec.builder().database("bench").table("t").recordKey("id").basePath(base)
        .schema(TableSpec.avroSchema("t", columns)).build();
  }

  private static final Schema SCHEMA = spec("/tmp/x").schema().orElseThrow();

  /** Commit {@code c}: {@code rows} rows, half updates of keys written before, half new keys. */
  private static List<GenericRecord> batch(int c, int rows) {
    List<GenericRecord> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      long id = i % 2 == 0 && c > 0 ? (long) (c - 1) * rows + i : (long) c * rows + i;
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("id", id);
      r.put("name", "n" + id + "-" + c);
      r.put("seq", (long) c);
      out.add(r);
    }
    return out;
  }

  private static double median(List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    int n = s.size();
    return (n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0) / 1e6;
  }

  private static double mean(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
  }
}

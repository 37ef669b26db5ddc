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

package io.lakesmith.examples.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.lakesmith.cdc.ApplyListener;
import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ApplyResult;
import io.lakesmith.cdc.CommitSummary;
import io.lakesmith.cdc.DmsApply;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.internal.hudi.HudiTableReader;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.table.ColumnType;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The issue-3 benchmark: how fast {@link DmsApply} applies a DMS backlog (full load, then CDC) to a Hudi table on
 * local disk, how much heap it needs, and how that compares with writing the same final rows as plain Parquet
 * with parquet-avro.
 *
 * <p>Steps: (1) generate a DMS backlog: {@code LOAD0000000n.csv} full-load files and time-named CDC files with
 * {@code Op} first, header rows and a DMS timestamp column, default 1M + 1M rows, CDC ~10% deletes (full
 * before-image), ~60% updates and ~30% inserts on uniformly chosen live keys; (2) apply the full load with only
 * the LOAD files present, then move the CDC files in and apply again, measuring rows/s, commits and peak heap
 * (exact, from GC notifications) per phase; (3) read the table back with {@link HudiTableReader} and check the row
 * count, that every key is expected and unique, and every column of a sample of keys against the expected state
 * kept in memory (compactly: the version of each key; row values are a function of key and version); (4) write the
 * expected final rows with {@link AvroParquetWriter} (snappy) and print the ratio of the apply's rows/s to it.
 *
 * <p>Run {@code --help} for the options. Every run is a fresh table in a fresh folder (deleted at the end unless
 * {@code --keep}). It throws {@link IllegalStateException} when the apply fails or the table is not as expected.
 */
public final class ApplyBenchmark {

  private ApplyBenchmark() {}

  public static void main(String[] args) throws Exception {
    quietLogging();
    Options o = Options.parse(args);
    if (o.help) {
      System.out.println(Options.USAGE);
      return;
    }
    run(o);
  }

  /** Runs the benchmark with command-line style arguments; for tests and embedding. */
  public static Result run(String... args) throws IOException {
    quietLogging();
    return run(Options.parse(args));
  }

  private static void quietLogging() {
    // Hudi logs several lines per commit at INFO; the benchmark prints its own progress.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
  }

  // ------------------------------------------------------------------------------------------------------------
  // Table shape and row values
  // ------------------------------------------------------------------------------------------------------------

  static final String SCHEMA_NAME = "sales";
  static final String TABLE_NAME = "orders";
  static final String TS_COLUMN = "DMS_TS";
  static final String[] COLUMNS =
      {"ID", "CUSTOMER", "STATUS", "NOTE", "AMOUNT", "CREATED_AT", "QTY", "REGION", TS_COLUMN};
  private static final String[] STATUSES = {"NEW", "PAID", "PICKING", "SHIPPED", "DELIVERED", "RETURNED"};
  private static final String[] REGIONS = {"eu-west", "eu-central", "us-east", "us-west", "ap-south", "ap-east",
      "sa-east", "af-south"};
  private static final String[] WORDS = {"express", "gift", "fragile", "leave", "at", "door", "customer", "called",
      "twice", "bulk", "order", "priority", "backorder", "partial", "refund", "pending"};
  private static final long CREATED_BASE_MICROS =
      LocalDateTime.of(2023, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  private static final long LOAD_TS_MICROS =
      LocalDateTime.of(2025, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  private static final long CDC_BASE_MICROS =
      LocalDateTime.of(2025, 1, 1, 1, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  /** Changes sharing one DMS commit timestamp (a transaction): ties are the normal case for DMS timestamps. */
  static final int CHANGES_PER_TXN = 3;
  static final int DECIMAL_SCALE = 2;

  /** Version of a key that only the full load wrote. */
  static final int LOADED = -1;
  static final int DELETED = -2;
  static final int ABSENT = -3;

  static TableSpec spec(String basePath, boolean partitioned, TableType type) {
    TableSpec.Builder b = TableSpec.builder().database(SCHEMA_NAME).table(TABLE_NAME).recordKey("ID")
        .basePath(basePath).type(type)
        .column("ID", ColumnType.LONG)
        .column("CUSTOMER", ColumnType.STRING)
        .column("STATUS", ColumnType.STRING)
        .column("NOTE", ColumnType.STRING)
        .column("AMOUNT", ColumnType.decimal(12, DECIMAL_SCALE))
        .column("CREATED_AT", ColumnType.TIMESTAMP)
        .column("QTY", ColumnType.INT)
        .column("REGION", ColumnType.STRING)
        .column(TS_COLUMN, ColumnType.STRING);
    if (partitioned) {
      b.partitionBy("REGION");
    }
    return b.build();
  }

  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The values of key {@code key} at version {@code version} ({@link #LOADED} or the index of the CDC change that
   * wrote it): a pure function, so the expected state needs only one int per key.
   */
  static final class Row {
    long id;
    String customer;
    String status;
    String note;
    long amountCents;
    long createdMicros;
    int qty;
    String region;
    long tsMicros;

    Row set(int key, int version) {
      long h = mix(((long) key << 32) ^ (version + 7L));
      id = key;
      customer = "C" + (1_000_000 + Math.floorMod(h, 900_000L));
      status = STATUSES[(int) ((h >>> 3) % STATUSES.length)];
      if ((h >>> 11) % 20 == 0) {
        note = null;
      } else {
        int words = 2 + (int) ((h >>> 16) % 6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
          if (i > 0) {
            sb.append(i == 1 && (h >>> 13) % 25 == 0 ? ", " : " ");
          }
          sb.append(WORDS[(int) ((h >>> (20 + 4 * i)) & 15)]);
        }
        if ((h >>> 14) % 50 == 0) {
          sb.append(" \"rush\"");
        }
        note = sb.toString();
      }
      amountCents = (h >>> 24) % 100_000_000L;
      createdMicros = CREATED_BASE_MICROS + key * 1_000_003L;
      qty = (int) ((h >>> 40) % 1000);
      region = REGIONS[(int) Math.floorMod(mix(key), (long) REGIONS.length)];
      tsMicros = version == LOADED ? LOAD_TS_MICROS : cdcTsMicros(version);
      return this;
    }

    BigDecimal amount() {
      return BigDecimal.valueOf(amountCents, DECIMAL_SCALE);
    }

    void appendCsv(StringBuilder sb) {
      sb.append(id).append(',');
      sb.append(customer).append(',');
      sb.append(status).append(',');
      if (note != null) {
        appendQuoted(sb, note);
      }
      sb.append(',');
      sb.append(amountCents / 100).append('.');
      long cents = amountCents % 100;
      if (cents < 10) {
        sb.append('0');
      }
      sb.append(cents).append(',');
      appendTimestamp(sb, createdMicros);
      sb.append(',').append(qty).append(',').append(region).append(',');
      appendTimestamp(sb, tsMicros);
    }

    /** The record of the benchmark's plain schema (the spec's columns), as parquet-avro writes it. */
    GenericData.Record toRecord(Schema schema, Schema decimalSchema) {
      GenericData.Record r = new GenericData.Record(schema);
      r.put(0, id);
      r.put(1, customer);
      r.put(2, status);
      r.put(3, note);
      r.put(4, decimalSchema.getType() == Schema.Type.FIXED
          ? DECIMALS.toFixed(amount(), decimalSchema, decimalSchema.getLogicalType())
          : DECIMALS.toBytes(amount(), decimalSchema, decimalSchema.getLogicalType()));
      r.put(5, createdMicros);
      r.put(6, qty);
      r.put(7, region);
      r.put(8, timestampText(tsMicros));
      return r;
    }
  }

  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  static long cdcTsMicros(int change) {
    return CDC_BASE_MICROS + (long) (change / CHANGES_PER_TXN) * 1000L;
  }

  static void appendQuoted(StringBuilder sb, String s) {
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    if (!quote) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC, as DMS writes timestamps and its TimestampColumnName column. */
  static void appendTimestamp(StringBuilder sb, long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    pad(sb, t.getYear(), 4).append('-');
    pad(sb, t.getMonthValue(), 2).append('-');
    pad(sb, t.getDayOfMonth(), 2).append(' ');
    pad(sb, t.getHour(), 2).append(':');
    pad(sb, t.getMinute(), 2).append(':');
    pad(sb, t.getSecond(), 2).append('.');
    pad(sb, (int) Math.floorMod(micros, 1_000_000L), 6);
  }

  static String timestampText(long micros) {
    StringBuilder sb = new StringBuilder(26);
    appendTimestamp(sb, micros);
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Generation of the DMS backlog and of the expected state
  // ------------------------------------------------------------------------------------------------------------

  /** What the generator wrote and the table must hold after applying all of it. */
  static final class Backlog {
    int maxKey;
    /** Per key (index = key): {@link #LOADED}, the index of its last CDC change, {@link #DELETED} or {@link #ABSENT}. */
    int[] version;
    /** Per key: the DMS Op of its last change: 'L', 'I' or 'U'. */
    byte[] lastOp;
    long liveRows;
    long inserts;
    long updates;
    long deletes;
    long loadBytes;
    long cdcBytes;
    int loadFiles;
    int cdcFiles;
    final List<Path> cdcStaged = new ArrayList<>();

    boolean isLive(long key) {
      return key >= 1 && key <= maxKey && version[(int) key] >= LOADED;
    }
  }

  static Backlog generate(Options o, Path tableDir, Path stagingTableDir) throws IOException {
    Backlog b = new Backlog();
    int capacity = o.loadRows + o.cdcRows + 1;
    b.version = new int[capacity];
    b.lastOp = new byte[capacity];
    java.util.Arrays.fill(b.version, ABSENT);
    int[] live = new int[capacity];
    int liveSize = 0;
    Files.createDirectories(tableDir);
    Files.createDirectories(stagingTableDir);
    Row row = new Row();
    StringBuilder sb = new StringBuilder(1 << 16);

    // Full load: LOAD00000001.csv ... (hex counter), header row, no Op column (IncludeOpForFullLoad=false).
    b.loadFiles = Math.max(1, Math.min(o.loadFiles, Math.max(1, o.loadRows)));
    int key = 0;
    for (int f = 0; f < b.loadFiles; f++) {
      int rows = o.loadRows / b.loadFiles + (f < o.loadRows % b.loadFiles ? 1 : 0);
      Path file = tableDir.resolve(String.format(Locale.ROOT, "LOAD%08X.csv", f + 1));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write(String.join(",", COLUMNS));
        w.write('\n');
        for (int i = 0; i < rows; i++) {
          key++;
          row.set(key, LOADED).appendCsv(sb);
          sb.append('\n');
          b.version[key] = LOADED;
          b.lastOp[key] = 'L';
          live[liveSize++] = key;
          if (sb.length() > 60_000) {
            w.append(sb);
            sb.setLength(0);
          }
        }
        w.append(sb);
        sb.setLength(0);
      }
      b.loadBytes += Files.size(file);
    }
    b.maxKey = key;

    // CDC: time-named files (name = DMS timestamp of the file's first change), Op first, header row, full
    // after-images for I/U and full before-images for D, DMS_TS = commit time shared by CHANGES_PER_TXN changes.
    SplittableRandom rnd = new SplittableRandom(o.seed);
    b.cdcFiles = o.cdcRows == 0 ? 0 : Math.max(1, Math.min(o.cdcFiles, o.cdcRows / CHANGES_PER_TXN));
    int change = 0;
    for (int f = 0; f < b.cdcFiles; f++) {
      int rows = o.cdcRows / b.cdcFiles + (f < o.cdcRows % b.cdcFiles ? 1 : 0);
      LocalDateTime first = LocalDateTime.ofEpochSecond(Math.floorDiv(cdcTsMicros(change), 1_000_000L),
          (int) Math.floorMod(cdcTsMicros(change), 1_000_000L) * 1000, ZoneOffset.UTC);
      String name = String.format(Locale.ROOT, "%04d%02d%02d-%02d%02d%02d%03d.csv", first.getYear(),
          first.getMonthValue(), first.getDayOfMonth(), first.getHour(), first.getMinute(), first.getSecond(),
          first.getNano() / 1_000_000);
      Path file = stagingTableDir.resolve(name);
      if (Files.exists(file)) {
        throw new IllegalStateException("two CDC files named " + name + ": use fewer CDC files");
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write("Op," + String.join(",", COLUMNS));
        w.write('\n');
        for (int i = 0; i < rows; i++, change++) {
          int p = rnd.nextInt(100);
          if (p < o.deletePct && liveSize > 0) {
            int at = pickLive(rnd, live, liveSize, b, change, o.noTies);
            int k = live[at];
            row.set(k, b.version[k]); // before-image: the row as it is now ...
            row.tsMicros = cdcTsMicros(change); // ... with the delete's commit time
            sb.append("D,");
            row.appendCsv(sb);
            b.version[k] = DELETED;
            live[at] = live[--liveSize];
            b.deletes++;
          } else if (p < o.deletePct + o.updatePct && liveSize > 0) {
            int k = live[pickLive(rnd, live, liveSize, b, change, o.noTies)];
            sb.append("U,");
            row.set(k, change).appendCsv(sb);
            b.version[k] = change;
            b.lastOp[k] = 'U';
            b.updates++;
          } else {
            int k = ++b.maxKey;
            live[liveSize++] = k;
            sb.append("I,");
            row.set(k, change).appendCsv(sb);
            b.version[k] = change;
            b.lastOp[k] = 'I';
            b.inserts++;
          }
          sb.append('\n');
          if (sb.length() > 60_000) {
            w.append(sb);
            sb.setLength(0);
          }
        }
        w.append(sb);
        sb.setLength(0);
      }
      b.cdcBytes += Files.size(file);
      b.cdcStaged.add(file);
    }
    b.liveRows = liveSize;
    return b;
  }

  /**
   * A random index into {@code live}; with {@code noTies}, not a key already changed in the transaction of change
   * {@code change} (its changes share one DMS timestamp, and only Lakesmith breaks such ties by file and row).
   */
  private static int pickLive(SplittableRandom rnd, int[] live, int liveSize, Backlog b, int change, boolean noTies) {
    for (int attempt = 0; ; attempt++) {
      int at = rnd.nextInt(liveSize);
      int v = b.version[live[at]];
      if (!noTies || v < 0 || v / CHANGES_PER_TXN != change / CHANGES_PER_TXN || attempt > 100) {
        return at;
      }
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Heap and GC measurement
  // ------------------------------------------------------------------------------------------------------------

  /**
   * Peak heap per phase, exact: used heap only grows between collections, so its peak is the largest
   * "before GC" usage any collection reports (or the usage at the end of the phase). Also the largest "after GC"
   * usage, an upper bound of the live set that the phase needed, and GC time.
   */
  static final class HeapMonitor implements AutoCloseable {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, handback) -> {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      long before = heapSum(info.getGcInfo().getMemoryUsageBeforeGc());
      long after = heapSum(info.getGcInfo().getMemoryUsageAfterGc());
      peakUsed.accumulateAndGet(before, Math::max);
      peakAfterGc.accumulateAndGet(after, Math::max);
    };
    private long gcMillisAtStart;
    private long gcCountAtStart;
    private long cpuAtStart;
    private final java.util.Set<String> heapPools = new java.util.HashSet<>();

    HeapMonitor() {
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          heapPools.add(p.getName());
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter) {
          NotificationEmitter e = (NotificationEmitter) gc;
          e.addNotificationListener(listener, null, null);
          emitters.add(e);
        }
      }
    }

    private long heapSum(Map<String, MemoryUsage> usage) {
      long sum = 0;
      for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
        if (heapPools.contains(e.getKey())) {
          sum += e.getValue().getUsed();
        }
      }
      return sum;
    }

    /** Collects garbage, then starts a phase's measurement from the heap that is live now. */
    void startPhase() {
      System.gc();
      try {
        Thread.sleep(200); // GC notifications are delivered asynchronously
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long now = usedHeap();
      peakUsed.set(now);
      peakAfterGc.set(now);
      gcMillisAtStart = gcMillis();
      gcCountAtStart = gcCount();
      cpuAtStart = processCpuNanos();
    }

    HeapPhase endPhase() {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long used = usedHeap();
      return new HeapPhase(Math.max(peakUsed.get(), used), peakAfterGc.get(), gcMillis() - gcMillisAtStart,
          gcCount() - gcCountAtStart, (processCpuNanos() - cpuAtStart) / 1e9);
    }

    /** CPU time of the whole JVM (all threads, GC and JIT included): the figure to trust on a busy machine. */
    static long processCpuNanos() {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean
          ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    static long usedHeap() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcMillis() {
      long t = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        t += Math.max(0, gc.getCollectionTime());
      }
      return t;
    }

    private static long gcCount() {
      long c = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        c += Math.max(0, gc.getCollectionCount());
      }
      return c;
    }

    @Override
    public void close() {
      for (NotificationEmitter e : emitters) {
        try {
          e.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // already gone
        }
      }
    }

  }

  /**
   * Heap figures of one phase: peak used heap (bytes, exact), largest used heap after a collection (bytes, an
   * upper bound of what the phase kept live), GC time (ms) and collections.
   */
  public record HeapPhase(long peakUsed, long peakAfterGc, long gcMillis, long gcCount, double cpuSeconds) {}

  // ------------------------------------------------------------------------------------------------------------
  // Apply with progress
  // ------------------------------------------------------------------------------------------------------------

  /** Counts commits and times each: the whole cycle (read, convert, write, commit) and the commit itself. */
  static final class Progress implements ApplyListener {
    private final String phase;
    private final boolean verbose;
    private final long start = System.nanoTime();
    private long lastDone = start;
    private volatile long beforeCommit;
    final List<CommitSummary> commits = new ArrayList<>();
    long commitNanos;

    Progress(String phase, boolean verbose) {
      this.phase = phase;
      this.verbose = verbose;
    }

    @Override
    public void beforeCommit(String table, String instant, long records) {
      beforeCommit = System.nanoTime();
    }

    @Override
    public synchronized void commitDone(String table, CommitSummary commit) {
      long now = System.nanoTime();
      commits.add(commit);
      commitNanos += now - beforeCommit;
      if (verbose) {
        System.out.printf(Locale.ROOT, "  %-9s commit %-3d %s  written=%,d  cycle %.1fs (of which commit %.1fs)%n",
            phase, commits.size(), commit.instant(), commit.recordsWritten(), (now - lastDone) / 1e9,
            (now - beforeCommit) / 1e9);
      }
      lastDone = now;
    }
  }

  /** One apply phase: source rows, wall seconds, commits, seconds inside commits (beforeCommit to done), heap. */
  public record PhaseResult(String name, long rows, double seconds, int commits, double commitSeconds,
      HeapPhase heap) {
    public double rowsPerSecond() {
      return seconds <= 0 ? 0 : rows / seconds;
    }
  }

  private static PhaseResult apply(String name, Options o, Path dmsRoot, TableSpec spec, long rows,
      HeapMonitor heap) {
    HudiWriteOptions writeOptions = HudiWriteOptions.builder()
        .compression(o.compression)
        .metadataTable(o.metadataTable)
        .indexType(o.index)
        .extraOptions(o.hudiOptions)
        .build();
    Progress progress = new Progress(name, !o.quiet);
    heap.startPhase();
    long t0 = System.nanoTime();
    ApplyResult result = DmsApply.from(dmsRoot.toString())
        .table(spec)
        .mode(ApplyMode.STRICT)
        .maxRowsPerCommit(o.maxRowsPerCommit)
        .timestampColumn(TS_COLUMN)
        .writeOptions(writeOptions)
        .listener(progress)
        .execute();
    double seconds = (System.nanoTime() - t0) / 1e9;
    HeapPhase h = heap.endPhase();
    if (!result.succeeded()) {
      throw new IllegalStateException(name + " apply failed: " + result.report().toJson());
    }
    RunReport t = result.table(SCHEMA_NAME + "." + TABLE_NAME);
    if (t.counter(RunReport.ROWS_READ) != rows) {
      throw new IllegalStateException(name + ": read " + t.counter(RunReport.ROWS_READ) + " rows, generated " + rows);
    }
    return new PhaseResult(name, rows, seconds, progress.commits.size(), progress.commitNanos / 1e9, h);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Verification
  // ------------------------------------------------------------------------------------------------------------

  /** The read-back check: rows in the table, keys compared column by column, seconds. */
  public record Verification(long rows, long sampled, double seconds) {}

  static Verification verify(String basePath, Backlog b, int sample) {
    return verify(basePath, b, sample, true);
  }

  /** As above; {@code lakesmithColumns} false skips Lakesmith's own columns (a table another engine wrote). */
  static Verification verify(String basePath, Backlog b, int sample, boolean lakesmithColumns) {
    long t0 = System.nanoTime();
    BitSet seen = new BitSet(b.maxKey + 1);
    long[] counts = new long[2];
    List<String> problems = new ArrayList<>();
    long sampleMod = Math.max(1, b.liveRows / Math.max(1, sample));
    Row expected = new Row();
    HudiTableReader.of(basePath, AwsSettings.defaults()).withoutMetaColumns().forEach(r -> {
      counts[0]++;
      Object idValue = r.get("ID");
      if (!(idValue instanceof Long)) {
        problem(problems, "row without a long ID: " + r);
        return;
      }
      long id = (Long) idValue;
      if (!b.isLive(id)) {
        problem(problems, "key " + id + " is in the table but should not be (" + describe(b, id) + "): " + r);
        return;
      }
      if (seen.get((int) id)) {
        problem(problems, "key " + id + " is in the table twice");
        return;
      }
      seen.set((int) id);
      if (sampleMod == 1 || Math.floorMod(mix(id ^ 0x5EED), sampleMod) == 0) {
        counts[1]++;
        int v = b.version[(int) id];
        compare(problems, expected.set((int) id, v),
            lakesmithColumns ? String.valueOf((char) b.lastOp[(int) id]) : null, r);
      }
    });
    if (counts[0] != b.liveRows) {
      problem(problems, "the table has " + counts[0] + " rows, expected " + b.liveRows);
    }
    if (seen.cardinality() != b.liveRows) {
      for (int k = 1; k <= b.maxKey && problems.size() < 20; k++) {
        if (b.isLive(k) && !seen.get(k)) {
          problem(problems, "key " + k + " is missing (" + describe(b, k) + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the Hudi table at " + basePath + " is not the expected state ("
          + problems.size() + " problem(s)" + (problems.size() >= 20 ? ", first 20" : "") + "):\n  "
          + String.join("\n  ", problems));
    }
    return new Verification(counts[0], counts[1], (System.nanoTime() - t0) / 1e9);
  }

  private static String describe(Backlog b, long key) {
    if (key < 1 || key > b.maxKey) {
      return "never generated";
    }
    int v = b.version[(int) key];
    return v == DELETED ? "deleted" : v == ABSENT ? "never inserted" : v == LOADED ? "full load" : "change " + v;
  }

  private static void problem(List<String> problems, String p) {
    if (problems.size() < 20) {
      problems.add(p);
    }
  }

  private static void compare(List<String> problems, Row e, String op, GenericRecord r) {
    Map<String, Object> want = new LinkedHashMap<>();
    want.put("CUSTOMER", e.customer);
    want.put("STATUS", e.status);
    want.put("NOTE", e.note);
    want.put("AMOUNT", e.amount());
    want.put("CREATED_AT", e.createdMicros);
    want.put("QTY", e.qty);
    want.put("REGION", e.region);
    want.put(TS_COLUMN, timestampText(e.tsMicros));
    if (op != null) {
      want.put("_lake_op", op);
    }
    for (Map.Entry<String, Object> w : want.entrySet()) {
      Object actual = normalize(r, w.getKey());
      if (!Objects.equals(w.getValue(), actual)) {
        problem(problems, "key " + e.id + " column " + w.getKey() + ": expected " + w.getValue() + ", got " + actual);
      }
    }
  }

  private static Object normalize(GenericRecord r, String column) {
    Schema.Field f = r.getSchema().getField(column);
    if (f == null) {
      return "<no column " + column + ">";
    }
    Object v = r.get(column);
    if (v instanceof CharSequence) {
      return v.toString();
    }
    if (v instanceof ByteBuffer || v instanceof org.apache.avro.generic.GenericFixed) {
      return ColumnType.decimalValue(v, f.schema());
    }
    return v;
  }

  // ------------------------------------------------------------------------------------------------------------
  // parquet-avro baseline
  // ------------------------------------------------------------------------------------------------------------

  /** The parquet-avro baseline: rows, seconds, bytes written. */
  public record Baseline(long rows, double seconds, long bytes, double cpuSeconds) {
    public double rowsPerSecond() {
      return seconds <= 0 ? 0 : rows / seconds;
    }
  }

  /**
   * Writes the expected final rows (the spec's columns) with AvroParquetWriter, snappy, one file; twice, keeping the
   * faster run (the first also warms up the JIT for this code path, which the minutes-long apply phases need not).
   */
  static Baseline baseline(Backlog b, Path dir, TableSpec spec) throws IOException {
    Baseline first = baselineOnce(b, dir, spec);
    Baseline second = baselineOnce(b, dir, spec);
    return second.seconds() <= first.seconds() ? second : first;
  }

  private static Baseline baselineOnce(Backlog b, Path dir, TableSpec spec) throws IOException {
    Files.createDirectories(dir);
    Schema schema = spec.schema().orElseThrow();
    Schema decimal = ColumnType.nonNull(schema.getField("AMOUNT").schema());
    Path file = dir.resolve("part-00000.snappy.parquet");
    Row row = new Row();
    long rows = 0;
    long cpu0 = HeapMonitor.processCpuNanos();
    long t0 = System.nanoTime();
    try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
            new org.apache.hadoop.fs.Path(file.toUri()))
        .withSchema(schema)
        .withConf(new Configuration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (int k = 1; k <= b.maxKey; k++) {
        int v = b.version[k];
        if (v >= LOADED) {
          w.write(row.set(k, v).toRecord(schema, decimal));
          rows++;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Baseline(rows, seconds, Files.size(file), (HeapMonitor.processCpuNanos() - cpu0) / 1e9);
  }

  // ------------------------------------------------------------------------------------------------------------
  // The run
  // ------------------------------------------------------------------------------------------------------------

  /** The figures of one run. */
  public record Result(Options options, long generatedLoadRows, long generatedCdcRows, long inserts, long updates,
      long deletes, PhaseResult fullLoad, PhaseResult cdc, Verification verification, Baseline baseline,
      long tableBytes, TableFiles afterLoad, double loadAverageStart, double loadAverageEnd) {

    public double fullLoadRowsPerSecond() {
      return fullLoad.rowsPerSecond();
    }

    public double cdcRowsPerSecond() {
      return cdc.rowsPerSecond();
    }

    public double baselineRowsPerSecond() {
      return baseline.rowsPerSecond();
    }

    public long finalRows() {
      return verification.rows();
    }

    public int commits() {
      return fullLoad.commits() + cdc.commits();
    }
  }

  static Result run(Options o) throws IOException {
    Path work = o.dir != null ? Files.createDirectories(o.dir) : Files.createTempDirectory("lakesmith-bench");
    Path dmsRoot = work.resolve("dms");
    Path tableDir = dmsRoot.resolve(SCHEMA_NAME).resolve(TABLE_NAME);
    Path staging = work.resolve("staging").resolve(SCHEMA_NAME).resolve(TABLE_NAME);
    Path lake = work.resolve("lake").resolve(TABLE_NAME);
    Path parquet = work.resolve("parquet-avro");
    if (Files.exists(dmsRoot) || Files.exists(lake)) {
      throw new IllegalArgumentException(work + " already holds a benchmark (dms/ or lake/): give an empty --dir");
    }
    double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(Locale.ROOT, "Lakesmith apply benchmark in %s%n  %s%n  JVM: %s, max heap %s, GC %s, %d cpus, "
        + "load average %.2f, flags %s%n", work, o.describe(), System.getProperty("java.vm.version"),
        mib(Runtime.getRuntime().maxMemory()), gcNames(), Runtime.getRuntime().availableProcessors(), load0,
        ManagementFactory.getRuntimeMXBean().getInputArguments());

    long t0 = System.nanoTime();
    Backlog b = generate(o, tableDir, staging);
    System.out.printf(Locale.ROOT, "generated %,d full-load rows in %d files (%s) and %,d changes in %d CDC files (%s: "
        + "I=%,d U=%,d D=%,d) in %.1fs; expected final rows: %,d%n", o.loadRows, b.loadFiles, mib(b.loadBytes),
        o.cdcRows, b.cdcFiles, mib(b.cdcBytes), b.inserts, b.updates, b.deletes, (System.nanoTime() - t0) / 1e9,
        b.liveRows);

    TableSpec spec = spec(lake.toString(), o.partitioned, o.tableType);
    PhaseResult full;
    PhaseResult cdc;
    TableFiles afterLoad;
    Verification v;
    Baseline base;
    try (HeapMonitor heap = new HeapMonitor()) {
      full = apply("full-load", o, dmsRoot, spec, o.loadRows, heap);
      afterLoad = TableFiles.of(lake);
      System.out.printf(Locale.ROOT, "full load: %,d rows in %.1fs = %,.0f rows/s, %d commit(s), peak heap %s; %s%n",
          full.rows(), full.seconds(), full.rowsPerSecond(), full.commits(), mib(full.heap().peakUsed()), afterLoad);
      for (Path f : b.cdcStaged) {
        Files.move(f, tableDir.resolve(f.getFileName()));
      }
      cdc = apply("cdc", o, dmsRoot, spec, o.cdcRows, heap);
      System.out.printf(Locale.ROOT, "cdc: %,d changes in %.1fs = %,.0f rows/s, %d commit(s), peak heap %s%n",
          cdc.rows(), cdc.seconds(), cdc.rowsPerSecond(), cdc.commits(), mib(cdc.heap().peakUsed()));
    }
    v = verify(lake.toString(), b, o.sample);
    System.out.printf(Locale.ROOT, "verified: %,d rows, every key expected and unique, %,d sampled keys equal to the "
        + "expected state (read back in %.1fs)%n", v.rows(), v.sampled(), v.seconds());
    base = baseline(b, parquet, spec);
    long tableBytes = TableFiles.of(lake).bytes();
    double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Result r = new Result(o, o.loadRows, o.cdcRows, b.inserts, b.updates, b.deletes, full, cdc, v, base, tableBytes,
        afterLoad, load0, load1);
    System.out.println(table(r));
    if (o.results != null) {
      appendCsv(o.results, r);
    }
    if (!o.keep) {
      deleteRecursively(work, o.dir != null);
    } else {
      System.out.println("kept " + work);
    }
    return r;
  }

  private static String gcNames() {
    List<String> names = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(g -> names.add(g.getName()));
    return String.join("/", names);
  }

  /**
   * The Parquet files in the table folder (every file version the cleaner kept), without .hoodie: a partitioned full
   * load must write files sized by the file-size settings, not one per few rows.
   */
  record TableFiles(long files, long bytes, long partitions) {
    static TableFiles of(Path lake) throws IOException {
      List<Path> parquet;
      try (Stream<Path> s = Files.walk(lake)) {
        parquet = s.filter(p -> !p.toString().contains("/.hoodie") && p.toString().endsWith(".parquet")).toList();
      }
      long bytes = 0;
      for (Path p : parquet) {
        bytes += Files.size(p);
      }
      return new TableFiles(parquet.size(), bytes, parquet.stream().map(Path::getParent).distinct().count());
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d Parquet files (%s) in %,d partition folder(s)", files, mib(bytes),
          partitions);
    }
  }

  static String table(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%n== Lakesmith apply benchmark: %s ==%n", r.options().describe()));
    sb.append(String.format(Locale.ROOT, "%-22s %12s %9s %12s %8s %10s %12s %12s %8s %8s%n", "phase", "rows",
        "seconds", "rows/s", "commits", "commit s", "peak heap", "max postGC", "GC s", "CPU s"));
    for (PhaseResult p : List.of(r.fullLoad(), r.cdc())) {
      sb.append(String.format(Locale.ROOT, "%-22s %,12d %9.1f %,12.0f %8d %10.1f %12s %12s %8.1f %8.1f%n", p.name(),
          p.rows(), p.seconds(), p.rowsPerSecond(), p.commits(), p.commitSeconds(), mib(p.heap().peakUsed()),
          mib(p.heap().peakAfterGc()), p.heap().gcMillis() / 1000.0, p.heap().cpuSeconds()));
    }
    double allSeconds = r.fullLoad().seconds() + r.cdc().seconds();
    sb.append(String.format(Locale.ROOT, "%-22s %,12d %9.1f %,12.0f %8d%n", "full load + cdc",
        r.fullLoad().rows() + r.cdc().rows(), allSeconds, (r.fullLoad().rows() + r.cdc().rows()) / allSeconds,
        r.commits()));
    sb.append(String.format(Locale.ROOT, "%-22s %,12d %9.1f %,12.0f%n", "read back (verify)", r.verification().rows(),
        r.verification().seconds(), r.verification().rows() / Math.max(1e-9, r.verification().seconds())));
    sb.append(String.format(Locale.ROOT, "%-22s %,12d %9.1f %,12.0f %8s %10s %12s %12s %8s %8.1f%n",
        "parquet-avro baseline", r.baseline().rows(), r.baseline().seconds(), r.baseline().rowsPerSecond(), "", "", "",
        "", "", r.baseline().cpuSeconds()));
    sb.append(String.format(Locale.ROOT, "ratio to parquet-avro: full load %.3f, cdc %.3f (Lakesmith rows/s / "
        + "parquet-avro rows/s)%n", r.fullLoad().rowsPerSecond() / r.baseline().rowsPerSecond(),
        r.cdc().rowsPerSecond() / r.baseline().rowsPerSecond()));
    sb.append(String.format(Locale.ROOT, "final rows %,d (verified, %,d keys compared column by column); Hudi parquet "
        + "%s incl. kept versions; parquet-avro %s; load average %.2f -> %.2f%n", r.finalRows(),
        r.verification().sampled(), mib(r.tableBytes()), mib(r.baseline().bytes()), r.loadAverageStart(),
        r.loadAverageEnd()));
    sb.append(String.format(Locale.ROOT, "full load wrote %s%n", r.afterLoad()));
    return sb.toString();
  }

  static final String CSV_HEADER = "label,load_rows,cdc_rows,table_type,partitioned,max_rows_per_commit,compression,"
      + "metadata_table,index,xmx_mib,full_load_s,full_load_rows_s,full_load_commits,full_load_peak_heap_mib,"
      + "full_load_max_post_gc_mib,cdc_s,cdc_rows_s,cdc_commits,cdc_peak_heap_mib,cdc_max_post_gc_mib,"
      + "cdc_commit_s,baseline_rows_s,ratio_full_load,ratio_cdc,final_rows,load_avg_start,load_avg_end,"
      + "full_load_cpu_s,cdc_cpu_s,baseline_s,baseline_cpu_s,full_load_files,full_load_bytes";

  private static void appendCsv(Path file, Result r) throws IOException {
    Options o = r.options();
    String line = String.join(",", o.label, Integer.toString(o.loadRows), Integer.toString(o.cdcRows),
        o.tableType.name(), Boolean.toString(o.partitioned), Integer.toString(o.maxRowsPerCommit),
        o.compression.name(), Boolean.toString(o.metadataTable), o.index.name(),
        Long.toString(Runtime.getRuntime().maxMemory() >> 20),
        f1(r.fullLoad().seconds()), f0(r.fullLoad().rowsPerSecond()), Integer.toString(r.fullLoad().commits()),
        Long.toString(r.fullLoad().heap().peakUsed() >> 20), Long.toString(r.fullLoad().heap().peakAfterGc() >> 20),
        f1(r.cdc().seconds()), f0(r.cdc().rowsPerSecond()), Integer.toString(r.cdc().commits()),
        Long.toString(r.cdc().heap().peakUsed() >> 20), Long.toString(r.cdc().heap().peakAfterGc() >> 20),
        f1(r.cdc().commitSeconds()), f0(r.baselineRowsPerSecond()),
        String.format(Locale.ROOT, "%.4f", r.fullLoadRowsPerSecond() / r.baselineRowsPerSecond()),
        String.format(Locale.ROOT, "%.4f", r.cdcRowsPerSecond() / r.baselineRowsPerSecond()),
        Long.toString(r.finalRows()), String.format(Locale.ROOT, "%.2f", r.loadAverageStart()),
        String.format(Locale.ROOT, "%.2f", r.loadAverageEnd()), f1(r.fullLoad().heap().cpuSeconds()),
        f1(r.cdc().heap().cpuSeconds()), String.format(Locale.ROOT, "%.2f", r.baseline().seconds()),
        String.format(Locale.ROOT, "%.2f", r.baseline().cpuSeconds()), Long.toString(r.afterLoad().files()),
        Long.toString(r.afterLoad().bytes()));
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      if (fresh) {
        w.write(CSV_HEADER);
        w.newLine();
      }
      w.write(line);
      w.newLine();
    }
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
  }

  private static void deleteRecursively(Path dir, boolean keepDir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!(keepDir && p.equals(dir))) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Options
  // ------------------------------------------------------------------------------------------------------------

  /** Command-line options; see {@link #USAGE}. */
  public static final class Options {
    static final String USAGE = String.join("\n",
        "ApplyBenchmark [options]",
        "  --load-rows N             full-load rows (default 1000000)",
        "  --cdc-rows N              CDC changes (default 1000000)",
        "  --load-files N            LOAD files (default 10: LOAD00000001..LOAD0000000A)",
        "  --cdc-files N             CDC files (default 200)",
        "  --delete-pct P            % of changes that delete (default 10)",
        "  --update-pct P            % of changes that update (default 60); the rest insert",
        "  --max-rows-per-commit N   DmsApply.maxRowsPerCommit (default 500000, DmsApply's default)",
        "  --compression C           SNAPPY | ZSTD | GZIP (default SNAPPY)",
        "  --metadata-table B        true | false (default false)",
        "  --index I                 SIMPLE | BLOOM | GLOBAL_SIMPLE | INMEMORY (default SIMPLE; partitioned tables",
        "                            always use GLOBAL_SIMPLE, set by DmsApply)",
        "  --table-type T            COPY_ON_WRITE | MERGE_ON_READ (COW/MOR; default COPY_ON_WRITE)",
        "  --partitioned             partition by REGION (8 values)",
        "  --seed N                  random seed (default 42)",
        "  --sample N                keys compared column by column after the run (default 10000)",
        "  --dir PATH                work folder (default: a new temp folder); must not hold a benchmark",
        "  --keep                    keep the DMS files and tables",
        "  --results FILE            append a CSV line of figures to FILE",
        "  --label TEXT              label of the CSV line",
        "  --hudi KEY=VALUE          a raw Hudi write option (HudiWriteOptions.extraOptions); repeatable",
        "  --quiet                   no per-commit lines",
        "  --no-ties                 never change a key twice in one DMS transaction (equal timestamps)");

    int loadRows = 1_000_000;
    int cdcRows = 1_000_000;
    int loadFiles = 10;
    int cdcFiles = 200;
    int deletePct = 10;
    int updatePct = 60;
    int maxRowsPerCommit = 500_000;
    HudiWriteOptions.Compression compression = HudiWriteOptions.Compression.SNAPPY;
    boolean metadataTable = false;
    HudiWriteOptions.IndexType index = HudiWriteOptions.IndexType.SIMPLE;
    TableType tableType = TableType.COPY_ON_WRITE;
    boolean partitioned;
    long seed = 42;
    int sample = 10_000;
    Path dir;
    boolean keep;
    Path results;
    String label = "run";
    boolean quiet;
    boolean noTies;
    boolean help;
    final Map<String, String> hudiOptions = new LinkedHashMap<>();

    static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--help": case "-h": o.help = true; break;
          case "--partitioned": o.partitioned = true; break;
          case "--keep": o.keep = true; break;
          case "--quiet": o.quiet = true; break;
          case "--no-ties": o.noTies = true; break;
          default: {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
              case "--load-rows": o.loadRows = count(a, v); break;
              case "--cdc-rows": o.cdcRows = count(a, v); break;
              case "--load-files": o.loadFiles = positive(a, v); break;
              case "--cdc-files": o.cdcFiles = positive(a, v); break;
              case "--delete-pct": o.deletePct = percent(a, v); break;
              case "--update-pct": o.updatePct = percent(a, v); break;
              case "--max-rows-per-commit": o.maxRowsPerCommit = positive(a, v); break;
              case "--compression": o.compression = HudiWriteOptions.Compression.valueOf(v.toUpperCase(Locale.ROOT));
                break;
              case "--metadata-table": o.metadataTable = bool(a, v); break;
              case "--index": o.index = HudiWriteOptions.IndexType.valueOf(v.toUpperCase(Locale.ROOT)); break;
              case "--table-type": o.tableType = tableType(v); break;
              case "--seed": o.seed = Long.parseLong(v); break;
              case "--sample": o.sample = positive(a, v); break;
              case "--dir": o.dir = Paths.get(v).toAbsolutePath(); break;
              case "--results": o.results = Paths.get(v).toAbsolutePath(); break;
              case "--label": o.label = v.replace(',', ';'); break;
              case "--hudi": {
                int eq = v.indexOf('=');
                if (eq < 1) {
                  throw new IllegalArgumentException("--hudi takes key=value, got " + v);
                }
                o.hudiOptions.put(v.substring(0, eq), v.substring(eq + 1));
                break;
              }
              default: throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
          }
        }
      }
      if (o.deletePct + o.updatePct > 100) {
        throw new IllegalArgumentException("--delete-pct + --update-pct must not exceed 100");
      }
      if (o.loadRows < 1) {
        throw new IllegalArgumentException("--load-rows must be at least 1");
      }
      return o;
    }

    private static int count(String a, String v) {
      long n = parseCount(v);
      if (n < 0 || n > 500_000_000L) {
        throw new IllegalArgumentException(a + " must be 0..500M, got " + v);
      }
      return (int) n;
    }

    /** 1000000, 1_000_000, 1e6, 1M or 250k. */
    private static long parseCount(String v) {
      String s = v.replace("_", "").trim().toLowerCase(Locale.ROOT);
      if (s.endsWith("m")) {
        return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1_000_000);
      }
      if (s.endsWith("k")) {
        return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1_000);
      }
      return Math.round(Double.parseDouble(s));
    }

    private static int positive(String a, String v) {
      int n = count(a, v);
      if (n < 1) {
        throw new IllegalArgumentException(a + " must be positive, got " + v);
      }
      return n;
    }

    private static int percent(String a, String v) {
      int n = Integer.parseInt(v);
      if (n < 0 || n > 100) {
        throw new IllegalArgumentException(a + " must be 0..100, got " + v);
      }
      return n;
    }

    private static boolean bool(String a, String v) {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on")) {
        return true;
      }
      if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off")) {
        return false;
      }
      throw new IllegalArgumentException(a + " must be true or false, got " + v);
    }

    private static TableType tableType(String v) {
      switch (v.toUpperCase(Locale.ROOT)) {
        case "COW": case "COPY_ON_WRITE": return TableType.COPY_ON_WRITE;
        case "MOR": case "MERGE_ON_READ": return TableType.MERGE_ON_READ;
        default: throw new IllegalArgumentException("--table-type must be COPY_ON_WRITE or MERGE_ON_READ, got " + v);
      }
    }

    String describe() {
      return String.format(Locale.ROOT, "load=%,d cdc=%,d (D%d%%/U%d%%/I%d%%) %s%s maxRowsPerCommit=%,d %s "
          + "metadataTable=%s index=%s", loadRows, cdcRows, deletePct, updatePct, 100 - deletePct - updatePct,
          tableType == TableType.COPY_ON_WRITE ? "COW" : "MOR", partitioned ? " partitioned(REGION)" : "",
          maxRowsPerCommit, compression, metadataTable ? "on" : "off", partitioned ? "GLOBAL_SIMPLE(forced)" : index)
          + (hudiOptions.isEmpty() ? "" : " hudi" + hudiOptions);
    }
  }
}

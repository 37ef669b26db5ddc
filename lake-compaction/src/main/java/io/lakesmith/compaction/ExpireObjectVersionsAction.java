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

import com.google.common.base.Preconditions;
import io.lakesmith.compaction.ExpireObjectVersionsResult.Deletion;
import io.lakesmith.compaction.ExpireObjectVersionsResult.PositionTie;
import io.lakesmith.compaction.ExpireObjectVersionsResult.Reason;
import io.lakesmith.compaction.ExpireObjectVersionsResult.RemovedKey;
import io.lakesmith.compaction.ExpireObjectVersionsResult.SkippedKey;
import io.lakesmith.compaction.RecordKeyExtractor.KeyGroup;
import io.lakesmith.core.report.RunReport;
import io.lakesmith.core.storage.DeleteResult;
import io.lakesmith.core.lock.ConcurrentWriterException;
import io.lakesmith.core.lock.LeaseLock;
import io.lakesmith.core.lock.LeaseLostException;
import io.lakesmith.core.lock.LockOptions;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.ObjectStores;
import io.lakesmith.core.storage.StorageException;
import io.lakesmith.core.storage.StorageLocation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The implementation of {@link ExpireObjectVersions}; see there for the contract. */
final class ExpireObjectVersionsAction implements ExpireObjectVersions {

  private static final Logger LOG = LoggerFactory.getLogger(ExpireObjectVersionsAction.class);

  /** S3 DeleteObjects takes at most 1000 keys. */
  static final int MAX_BATCH = 1000;
  /** Objects larger than this are not downloaded to read a position column (the key is skipped). */
  static final long MAX_CONTENT_BYTES = 256L * 1024 * 1024;

  private final Tier2Layout layout;
  private final Function<StorageLocation, ObjectStore> opener;
  private final boolean ownsStore;
  private Duration grace = Duration.ofHours(24);
  private Instant cutoff;
  private Duration tombstoneRetention = Duration.ZERO;
  private boolean versioned;
  private boolean dryRun;
  private Duration lockTtl = Duration.ofMinutes(15);
  private String lockOwner;
  private int parallelism = 16;
  private int maxRecordedDeletions = 100_000;
  private Clock clock = Clock.systemUTC();
  private boolean executed;

  ExpireObjectVersionsAction(Tier2Layout layout, Function<StorageLocation, ObjectStore> opener, boolean ownsStore) {
    this.layout = layout;
    this.opener = opener;
    this.ownsStore = ownsStore;
  }

  @Override
  public ExpireObjectVersions olderThan(Duration value) {
    Preconditions.checkArgument(value != null && !value.isNegative(), "grace window must be >= 0: %s", value);
    this.grace = value;
    this.cutoff = null;
    return this;
  }

  @Override
  public ExpireObjectVersions cutoff(Instant value) {
    this.cutoff = Preconditions.checkNotNull(value, "cutoff");
    return this;
  }

  @Override
  public ExpireObjectVersions tombstoneRetention(Duration value) {
    Preconditions.checkArgument(value != null && !value.isNegative(), "tombstone retention must be >= 0: %s", value);
    this.tombstoneRetention = value;
    return this;
  }

  @Override
  public ExpireObjectVersions versionedBucket(boolean value) {
    this.versioned = value;
    return this;
  }

  @Override
  public ExpireObjectVersions dryRun() {
    this.dryRun = true;
    return this;
  }

  @Override
  public ExpireObjectVersions lockTtl(Duration value) {
    Preconditions.checkArgument(value != null && value.toMillis() >= 1000, "lock TTL must be >= 1 s: %s", value);
    this.lockTtl = value;
    return this;
  }

  @Override
  public ExpireObjectVersions lockOwner(String value) {
    Preconditions.checkArgument(value != null && !value.isBlank(), "lock owner must not be blank");
    this.lockOwner = value;
    return this;
  }

  @Override
  public ExpireObjectVersions parallelism(int value) {
    Preconditions.checkArgument(value >= 1 && value <= 256, "parallelism must be in 1..256: %s", value);
    this.parallelism = value;
    return this;
  }

  @Override
  public ExpireObjectVersions maxRecordedDeletions(int value) {
    Preconditions.checkArgument(value >= 0, "maxRecordedDeletions must be >= 0");
    this.maxRecordedDeletions = value;
    return this;
  }

  @Override
  public ExpireObjectVersions clock(Clock value) {
    this.clock = Preconditions.checkNotNull(value, "clock");
    return this;
  }

  @Override
  public ExpireObjectVersionsResult execute() {
    Preconditions.checkState(!executed, "an ExpireObjectVersions action runs once");
    executed = true;
    ObjectStore store = opener.apply(layout.location());
    try {
      return new Run(store).go();
    } finally {
      if (ownsStore) {
        store.close();
      }
    }
  }

  private static String defaultOwner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** One object or version of a key group and what was read about it. */
  private static final class Member {
    final ObjectInfo info;
    final int order;
    LogPosition position;
    boolean tombstone;
    String error;

    Member(ObjectInfo info, int order) {
      this.info = info;
      this.order = order;
    }

    String label() {
      return info.versionId().map(v -> info.key() + "@" + v).orElse(info.key());
    }
  }

  /** Newest last: log position, then object key, then (versions of one key) storage order. */
  private static final Comparator<Member> NEWEST_LAST = Comparator.<Member, LogPosition>comparing(m -> m.position)
      .thenComparing(m -> m.info.key())
      .thenComparing(m -> m.order, Comparator.reverseOrder());

  private static final class Group {
    final KeyGroup key;
    final List<ObjectInfo> objects = new ArrayList<>();

    Group(KeyGroup key) {
      this.key = key;
    }
  }

  /** What to do with one key group. */
  private static final class Decision {
    final Group group;
    String skipReason;
    long kept;
    final List<Member> supersededOrOlder = new ArrayList<>();
    Member tombstone;
    Reason reason = Reason.SUPERSEDED;
    PositionTie tie;

    Decision(Group group) {
      this.group = group;
    }
  }

  /** A key being removed: its tombstone is deleted once every older object is confirmed deleted. */
  private static final class Removal {
    final Decision decision;
    final RemovedKey removedKey;
    int remaining;
    boolean failed;

    Removal(Decision decision, RemovedKey removedKey) {
      this.decision = decision;
      this.removedKey = removedKey;
    }
  }

  private static final class Pending {
    final Member member;
    final Deletion deletion;
    final Removal removal;
    final boolean isTombstone;

    Pending(Member member, Deletion deletion, Removal removal, boolean isTombstone) {
      this.member = member;
      this.deletion = deletion;
      this.removal = removal;
      this.isTombstone = isTombstone;
    }
  }

  /** The state of one execution. */
  private final class Run {
    private final ObjectStore store;
    private final String prefix = layout.prefix();
    private Instant started;
    private Instant effectiveCutoff;
    private Instant tombstoneCutoff;
    private LeaseLock lock;
    private long scanned;
    private long keys;
    private long kept;
    private long ignored;
    private long deleted;
    private long bytes;
    private long requests;
    private boolean truncated;
    private final List<Deletion> recorded = new ArrayList<>();
    private final List<RemovedKey> removed = new ArrayList<>();
    private final List<SkippedKey> skipped = new ArrayList<>();
    private final List<PositionTie> ties = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final ArrayDeque<Future<Decision>> inFlight = new ArrayDeque<>();

    Run(ObjectStore store) {
      this.store = store;
    }

    ExpireObjectVersionsResult go() {
      started = clock.instant();
      long t0 = System.nanoTime();
      effectiveCutoff = cutoff != null ? cutoff : started.minus(grace);
      tombstoneCutoff = effectiveCutoff.minus(tombstoneRetention);
      if (!dryRun) {
        checkKillSwitch();
        lock = acquireLock();
      }
      AtomicInteger threadNo = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
        Thread t = new Thread(r, "lakesmith-compaction-" + threadNo.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      try {
        scan(pool);
        while (!pending.isEmpty()) {
          flush();
        }
      } catch (StorageException | MaintenanceBlockedException | IllegalStateException | IllegalArgumentException e) {
        LOG.error("compaction of {} stopped: {}", layout.location(), e.getMessage());
        errors.add("stopped: " + e.getMessage());
      } finally {
        pool.shutdownNow();
        if (lock != null) {
          lock.close();
        }
      }
      return result(Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The prefix's lease (the shared {@link LeaseLock}), renewed in the background and before every delete. */
    private LeaseLock acquireLock() {
      LockOptions options = LockOptions.builder().lease(lockTtl).clock(clock)
          .owner(lockOwner != null ? lockOwner : defaultOwner()).build();
      try {
        return LeaseLock.acquire(store, layout.location().withKey(layout.lockKey()),
            "object-version compaction of " + layout.location(), options);
      } catch (ConcurrentWriterException e) {
        throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCKED, e.getMessage(),
            e.holder().owner(), e.leaseExpiresAt());
      }
    }

    private void ensureLockHeld() {
      try {
        lock.ensureHeld();
      } catch (LeaseLostException e) {
        throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.LOCK_LOST, e.getMessage() + ": stopping",
            null, null);
      }
    }

    private void checkKillSwitch() {
      if (Boolean.getBoolean(KILL_SWITCH_PROPERTY)) {
        throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.KILL_SWITCH,
            "object-version compaction is disabled by system property " + KILL_SWITCH_PROPERTY, null, null);
      }
      if (store.head(layout.killSwitchKey()).isPresent()) {
        throw new MaintenanceBlockedException(MaintenanceBlockedException.Reason.KILL_SWITCH,
            "object-version compaction of " + layout.location() + " is disabled by kill switch object "
                + layout.killSwitchKey(), null, null);
      }
    }

    private void scan(ExecutorService pool) {
      int window = parallelism * 4;
      try (Stream<ObjectInfo> listing = versioned ? store.listVersions(prefix) : store.list(prefix)) {
        Group current = null;
        for (var it = listing.iterator(); it.hasNext(); ) {
          ObjectInfo o = it.next();
          if (layout.isControlObject(o.key())) {
            continue; // our own lock and kill switch: not data, not counted
          }
          scanned++;
          if (layout.ignores(o.key())) {
            ignored++;
            continue;
          }
          Optional<KeyGroup> g = layout.recordKey().groupOf(o.key().substring(prefix.length()));
          if (g.isEmpty()) {
            ignored++;
            continue;
          }
          if (current == null || !current.key.prefix.equals(g.get().prefix)) {
            if (current != null) {
              checkNotNested(current.key.prefix, g.get().prefix);
              submit(pool, current, window);
            }
            current = new Group(g.get());
          }
          current.objects.add(o);
        }
        if (current != null) {
          submit(pool, current, window);
        }
      }
      while (!inFlight.isEmpty()) {
        handle(await(inFlight.poll()));
      }
    }

    private void checkNotNested(String previous, String next) {
      if (next.startsWith(previous) || previous.startsWith(next)) {
        throw new IllegalStateException("the record-key extractor " + layout.recordKey() + " yields nested key groups '"
            + previous + "' and '" + next + "': their objects interleave in the listing, so keys cannot be decided "
            + "in one pass; make the pattern end at a delimiter");
      }
    }

    private void submit(ExecutorService pool, Group g, int window) {
      keys++;
      if (trivial(g)) {
        inFlight.add(CompletableFuture.completedFuture(keepAll(g)));
      } else {
        inFlight.add(pool.submit(() -> decide(g)));
      }
      while (inFlight.size() > window) {
        handle(await(inFlight.poll()));
      }
    }

    /** One object and no way for it to be a tombstone: nothing to read, nothing to delete. */
    private boolean trivial(Group g) {
      if (g.objects.size() != 1) {
        return false;
      }
      TombstoneRule rule = layout.tombstone();
      return rule.kind() == TombstoneRule.Kind.NONE
          || rule.kind() == TombstoneRule.Kind.NAME && !rule.nameIsTombstone(g.objects.get(0).name());
    }

    private Decision keepAll(Group g) {
      Decision d = new Decision(g);
      d.kept = g.objects.size();
      return d;
    }

    private Decision await(Future<Decision> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        if (e.getCause() instanceof Error) {
          throw (Error) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    // ---- deciding (on worker threads: reads only) ----

    private Decision decide(Group g) {
      List<Member> members = new ArrayList<>(g.objects.size());
      for (int i = 0; i < g.objects.size(); i++) {
        Member m = new Member(g.objects.get(i), i);
        resolve(m);
        members.add(m);
      }
      Decision d = new Decision(g);
      for (Member m : members) {
        if (m.error != null) {
          d.skipReason = "cannot read the log position of " + m.label() + ": " + m.error;
          d.kept = members.size();
          return d;
        }
      }
      Set<String> visibleKeys = new HashSet<>();
      for (Member m : members) {
        if (!versioned || m.info.isLatest()) {
          visibleKeys.add(m.info.key());
        }
      }
      List<Member> settled = members.stream().filter(m -> !m.position.timestamp().isAfter(effectiveCutoff)).toList();
      boolean hasUnsettled = settled.size() < members.size();
      Optional<Member> winner = settled.stream().filter(m -> visibleKeys.contains(m.info.key())).max(NEWEST_LAST);
      if (winner.isEmpty()) {
        d.kept = members.size();
        return d;
      }
      Member w = winner.get();
      List<Member> tied = new ArrayList<>();
      for (Member m : settled) {
        if (m != w && NEWEST_LAST.compare(m, w) < 0) {
          d.supersededOrOlder.add(m);
          if (m.position.compareTo(w.position) == 0) {
            tied.add(m);
          }
        }
      }
      if (!tied.isEmpty()) {
        tied.sort(NEWEST_LAST.reversed());
        d.tie = new PositionTie(g.key.recordKey, w.position, w.label(), tied.stream().map(Member::label).toList());
      }
      boolean remove = w.tombstone && !hasUnsettled && !w.position.timestamp().isAfter(tombstoneCutoff);
      if (remove) {
        d.tombstone = w;
        d.reason = Reason.TOMBSTONED;
      }
      d.kept = members.size() - d.supersededOrOlder.size() - (remove ? 1 : 0);
      return d;
    }

    private void resolve(Member m) {
      try {
        LogTimestampSource source = layout.logTimestamp();
        TombstoneRule rule = layout.tombstone();
        ObjectInfo head = null;
        switch (source.kind()) {
          case METADATA: {
            head = head(m);
            String ts = head.metadata().get(source.timestampName().orElseThrow());
            if (ts == null) {
              m.error = "no metadata x-amz-meta-" + source.timestampName().orElseThrow();
              return;
            }
            String seq = source.sequenceName().map(head.metadata()::get).orElse(null);
            m.position = LogPosition.of(LogPosition.parseTimestamp(ts), seq);
            break;
          }
          case COLUMN: {
            if (m.info.size() > MAX_CONTENT_BYTES) {
              m.error = "object of " + m.info.size() + " bytes is too large to read its position column";
              return;
            }
            byte[] content;
            try (InputStream in = m.info.versionId().isPresent()
                ? ObjectStores.versioned(store).openVersion(m.info.key(), m.info.versionId().get()) : store.open(m.info.key())) {
              content = in.readAllBytes();
            }
            ContentColumns.Newest newest = ContentColumns.read(content, layout.contentFormat().orElseThrow(),
                source.timestampName().orElseThrow(), source.sequenceName().orElse(null),
                rule.kind() == TombstoneRule.Kind.COLUMN ? rule.name() : null);
            m.position = newest.position;
            m.tombstone = rule.kind() == TombstoneRule.Kind.COLUMN && rule.isTombstoneValue(newest.operation);
            break;
          }
          case OBJECT_NAME: {
            Optional<LogPosition> p = source.fromName(m.info.name());
            if (p.isEmpty()) {
              m.error = "the object name does not carry a timestamp matching " + source;
              return;
            }
            m.position = p.get();
            break;
          }
          default:
            m.position = LogPosition.of(m.info.lastModified());
        }
        if (rule.kind() == TombstoneRule.Kind.NAME) {
          m.tombstone = rule.nameIsTombstone(m.info.name());
        } else if (rule.kind() == TombstoneRule.Kind.METADATA) {
          if (head == null) {
            head = head(m);
          }
          m.tombstone = rule.isTombstoneValue(head.metadata().get(rule.name()));
        }
      } catch (MissingObject e) {
        m.error = "the object disappeared while compacting (another writer or compaction?)";
      } catch (IOException | RuntimeException e) {
        m.error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }

    private ObjectInfo head(Member m) {
      Optional<ObjectInfo> h = m.info.versionId().isPresent()
          ? ObjectStores.versioned(store).headVersion(m.info.key(), m.info.versionId().get()) : store.head(m.info.key());
      return h.orElseThrow(MissingObject::new);
    }

    // ---- acting (on the calling thread) ----

    private void handle(Decision d) {
      kept += d.kept;
      Group g = d.group;
      if (d.skipReason != null) {
        skipped.add(new SkippedKey(g.key.recordKey, d.skipReason));
        return;
      }
      if (d.tie != null) {
        ties.add(d.tie);
        LOG.warn("{}: {} objects of key {} share the newest log position {}: keeping {} (greater object key, then newer "
            + "version), {} {}", layout.location(), d.tie.others().size() + 1, d.tie.recordKey(), d.tie.position(),
            d.tie.kept(), dryRun ? "would delete" : "deleting", d.tie.others());
      }
      Removal removal = null;
      if (d.tombstone != null) {
        removal = new Removal(d, new RemovedKey(g.key.recordKey, prefix + g.key.prefix, g.key.partitionValues,
            d.tombstone.position));
        removal.remaining = d.supersededOrOlder.size();
      }
      for (Member m : d.supersededOrOlder) {
        add(new Pending(m, deletion(m, g, d.reason), removal, false));
      }
      // with older objects, the tombstone is queued by the flush that confirms the last of them (possibly one
      // triggered inside the loop above); without any, it is queued now
      if (removal != null && d.supersededOrOlder.isEmpty()) {
        add(tombstonePending(removal));
      }
    }

    private Deletion deletion(Member m, Group g, Reason reason) {
      return new Deletion(m.info.key(), m.info.versionId().orElse(null), m.info.size(), g.key.recordKey, reason);
    }

    private Pending tombstonePending(Removal r) {
      Member t = r.decision.tombstone;
      return new Pending(t, deletion(t, r.decision.group, Reason.TOMBSTONED), r, true);
    }

    private void add(Pending p) {
      pending.add(p);
      if (pending.size() >= MAX_BATCH) {
        flush();
      }
    }

    /** Sends one batch of at most {@link #MAX_BATCH} deletes and books its outcome. */
    private void flush() {
      if (pending.isEmpty()) {
        return;
      }
      int n = Math.min(MAX_BATCH, pending.size());
      List<Pending> batch = new ArrayList<>(pending.subList(0, n));
      pending.subList(0, n).clear();
      Map<String, String> failures = Map.of();
      if (!dryRun) {
        checkKillSwitch();
        ensureLockHeld();
        failures = deleteOnce(batch);
      }
      List<Removal> released = new ArrayList<>();
      for (Pending p : batch) {
        String error = failures.get(p.deletion.label());
        if (error == null) {
          confirmed(p.deletion);
          if (p.isTombstone) {
            removed.add(p.removal.removedKey);
          } else if (p.removal != null && --p.removal.remaining == 0 && !p.removal.failed) {
            released.add(p.removal);
          }
          continue;
        }
        errors.add("cannot delete " + p.deletion.label() + ": " + error);
        if (p.removal != null && !p.removal.failed) {
          p.removal.failed = true;
          skipped.add(new SkippedKey(p.removal.removedKey.recordKey(), p.isTombstone
              ? "its tombstone " + p.deletion.label() + " could not be deleted: " + error
              : "tombstone kept because the older object " + p.deletion.label() + " could not be deleted"));
        }
      }
      for (Removal r : released) {
        add(tombstonePending(r));
      }
    }

    private void confirmed(Deletion d) {
      deleted++;
      bytes += d.size();
      if (recorded.size() < maxRecordedDeletions) {
        recorded.add(d);
      } else {
        truncated = true;
      }
    }

    /**
     * Deletes the batch once; returns label to error of what stayed. There is no retry layer here: the SDK retries
     * failed requests (AwsSettings' retry strategy) and the store retries keys S3 reports as throttled; what still
     * fails is reported, and the next run deletes it (the action is idempotent).
     */
    private Map<String, String> deleteOnce(List<Pending> batch) {
      DeleteResult r = versioned
          ? store.deleteVersions(batch.stream().map(p -> p.member.info).toList())
          : store.delete(batch.stream().map(p -> p.member.info.key()).toList());
      requests += r.requests();
      Map<String, String> failed = new LinkedHashMap<>();
      for (Pending p : batch) {
        r.failure(p.deletion.label()).ifPresent(f -> failed.put(p.deletion.label(), f.code() + ": " + f.message()));
      }
      return failed;
    }

    private ExpireObjectVersionsResult result(Duration duration) {
      removed.sort(Comparator.comparing(RemovedKey::keyPrefix)); // confirmation order is batch order: sort for readers
      ties.sort(Comparator.comparing(PositionTie::recordKey));
      RunReport.Builder report = RunReport.builder("expireOldVersions", layout.location().toUri());
      report.add("objectsScanned", scanned).add("keysScanned", keys).add("objectsKept", kept)
          .add("objectsDeleted", deleted).add("bytesReclaimed", bytes).add("objectsIgnored", ignored)
          .add("keysRemoved", removed.size()).add("keysSkipped", skipped.size()).add("deleteRequests", requests)
          .add("positionTies", ties.size());
      report.detail("cutoff", effectiveCutoff.toString()).detail("dryRun", Boolean.toString(dryRun))
          .detail("versionedBucket", Boolean.toString(versioned)).detail("layout", layout.toString());
      removed.forEach(k -> report.detail("removed:" + k.keyPrefix(), k.recordKey()));
      skipped.forEach(s -> report.detail("skipped:" + s.recordKey(), s.reason()));
      ties.forEach(t -> report.detail("tie:" + t.recordKey(), t.position() + ": kept " + t.kept() + ", "
          + (dryRun ? "would delete " : "deleted ") + String.join(", ", t.others())));
      errors.forEach(report::error);
      return new ExpireObjectVersionsResult(dryRun, layout.location().toUri(), effectiveCutoff, scanned, keys, kept,
          deleted, bytes, ignored, requests, recorded, truncated, removed, skipped, ties, errors, duration,
          report.finish());
    }
  }

  /** A listed object is gone when we look at it. */
  private static final class MissingObject extends RuntimeException {
    MissingObject() {
      super(null, null, false, false);
    }
  }
}

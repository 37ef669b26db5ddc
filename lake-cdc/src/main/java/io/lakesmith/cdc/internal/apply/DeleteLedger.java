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

package io.lakesmith.cdc.internal.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.ObjectStore;
import io.lakesmith.core.storage.StorageLocation;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.generic.GenericFixed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delete ledger of one table: for recently deleted record keys, the change sequence ({@code _lake_seq}) of
 * their newest delete. Hudi keeps no tombstone (a delete removes the row), so without it a change older than a
 * delete that arrives after the delete was applied would insert the row again; with it, such a change is dropped
 * before it reaches Hudi. Changes newer than the key's delete pass (insert, delete, insert of one key).
 *
 * <p><b>Storage.</b> Immutable gzip segments under {@code <table>/.lakesmith/deletes/}, one per commit that
 * deletes, named {@code del-<recorded-at millis>-<newest sequence>-<hash>.gz}; lines are
 * {@code <sequence> TAB <recorded-at millis> TAB <key as JSON array>}. The names carry what planning needs, so a
 * batch whose changes are all newer than every recorded delete (in-order delivery, the common case) reads no
 * segment at all; otherwise only the segments holding a delete newer than the batch's oldest suspect change are
 * streamed, keeping only the suspect keys in memory. Segments are written through the {@link ObjectStore} (S3 or
 * local disk, no Hadoop), like the checkpoint sidecars.
 *
 * <p><b>Crash safety.</b> A segment is written before the Hudi commit whose deletes it lists. A crash in between
 * leaves entries for deletes not yet committed; they are real source deletes that the re-run commits, so they can
 * only drop changes that are older than a delete anyway: redundant, never wrong.
 *
 * <p><b>Retention.</b> An entry expires {@code retention} after it was recorded (apply time, not source time):
 * a change arriving later than that after the delete of its key was applied inserts the row again, as plain Hudi
 * would. Segments whose entries have all expired are deleted when a ledger is opened; more than
 * {@value #MAX_SEGMENTS} live segments are merged into one (newest delete per key), written before the merged ones
 * are deleted. Not thread-safe: one applier per table.
 */
public final class DeleteLedger {

  private static final Logger LOG = LoggerFactory.getLogger(DeleteLedger.class);
  public static final int MAX_SEGMENTS = 32;
  public static final String FOLDER = ".lakesmith/deletes";
  private static final Pattern NAME = Pattern.compile("del-(\\d{13})-([0-9A-Za-z.]+)-([0-9a-f]{16})\\.gz");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectStore store;
  private final StorageLocation folder;
  private final long expiredBefore;
  private final List<Segment> segments = new ArrayList<>();

  private record Segment(String key, long recordedAt, String maxSeq) {}

  /** A delete to record: the key (canonical form, see {@link #keyOf}) and the delete's sequence. */
  public record Entry(String key, String seq) {}

  private DeleteLedger(ObjectStore store, StorageLocation tableBase, long expiredBefore) {
    this.store = store;
    this.folder = tableBase.resolve(FOLDER);
    this.expiredBefore = expiredBefore;
  }

  /**
   * Lists the ledger of the table at {@code tableBase}, deleting expired segments and merging when there are too
   * many.
   */
  public static DeleteLedger open(ObjectStore store, StorageLocation tableBase, Duration retention, Instant now) {
    DeleteLedger l = new DeleteLedger(store, tableBase, now.minus(retention).toEpochMilli());
    List<String> expired = new ArrayList<>();
    try (Stream<ObjectInfo> listing = store.list(l.folder.key() + "/")) {
      listing.forEach(o -> {
        Matcher m = NAME.matcher(o.name());
        if (!m.matches()) {
          return;
        }
        long at = Long.parseLong(m.group(1));
        if (at < l.expiredBefore) {
          expired.add(o.key());
        } else {
          l.segments.add(new Segment(o.key(), at, m.group(2)));
        }
      });
    }
    if (!expired.isEmpty()) {
      store.delete(expired);
      LOG.info("{}: {} expired delete-ledger segments removed", l.folder, expired.size());
    }
    if (l.segments.size() > MAX_SEGMENTS) {
      l.merge(now.toEpochMilli());
    }
    return l;
  }

  /** The newest delete sequence recorded, or empty when the ledger is empty. */
  public Optional<String> maxSeq() {
    return segments.stream().map(Segment::maxSeq).max(String::compareTo);
  }

  public int segmentCount() {
    return segments.size();
  }

  /**
   * The newest live recorded delete of each of {@code keys} that has one. Reads only the segments holding a delete
   * newer than {@code minSeq} (the oldest sequence among the changes being checked): older deletes cannot drop
   * any of them.
   */
  public Map<String, String> newestDeletes(Set<String> keys, String minSeq) {
    Map<String, String> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    for (Segment s : segments) {
      if (s.maxSeq.compareTo(minSeq) <= 0) {
        continue;
      }
      read(s, (seq, at, key) -> {
        if (at >= expiredBefore && keys.contains(key)) {
          out.merge(key, seq, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      });
    }
    return out;
  }

  /** Writes a segment with {@code entries} recorded at {@code now}; call before the commit that deletes them. */
  public void record(Collection<Entry> entries, Instant now) {
    if (entries.isEmpty()) {
      return;
    }
    long at = now.toEpochMilli();
    TreeMap<String, String> byKey = new TreeMap<>();
    for (Entry e : entries) {
      byKey.merge(e.key(), e.seq(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Map<String, Long> recorded = new HashMap<>();
    byKey.keySet().forEach(k -> recorded.put(k, at));
    write(byKey, recorded, at);
  }

  private void write(TreeMap<String, String> seqs, Map<String, Long> recordedAt, long newest) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String max = "";
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> e : seqs.entrySet()) {
        w.write(e.getValue());
        w.write('\t');
        w.write(Long.toString(recordedAt.get(e.getKey())));
        w.write('\t');
        w.write(e.getKey());
        w.write('\n');
        if (e.getValue().compareTo(max) > 0) {
          max = e.getValue();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] content = bytes.toByteArray();
    String name = String.format("del-%013d-%s-%s.gz", newest, max,
        Hashing.sha256().hashBytes(content).toString().substring(0, 16));
    String key = folder.resolve(name).key();
    store.put(key, content, Map.of());
    segments.add(new Segment(key, newest, max));
  }

  /** Merges every live segment into one: the newest delete per key, kept while any of its deletes is live. */
  private void merge(long now) {
    TreeMap<String, String> seqs = new TreeMap<>();
    Map<String, Long> at = new HashMap<>();
    long newest = 0;
    List<Segment> old = new ArrayList<>(segments);
    for (Segment s : old) {
      newest = Math.max(newest, s.recordedAt);
      read(s, (seq, recorded, key) -> {
        if (recorded >= expiredBefore) {
          seqs.merge(key, seq, (a, b) -> a.compareTo(b) >= 0 ? a : b);
          at.merge(key, recorded, Math::max);
        }
      });
    }
    segments.clear();
    if (!seqs.isEmpty()) {
      write(seqs, at, newest);
    }
    List<String> keep = segments.stream().map(Segment::key).toList();
    store.delete(old.stream().map(Segment::key).filter(k -> !keep.contains(k)).toList());
    LOG.info("{}: merged {} delete-ledger segments into one of {} keys", folder, old.size(), seqs.size());
  }

  private interface Line {
    void accept(String seq, long recordedAt, String key);
  }

  private void read(Segment s, Line consumer) {
    try (InputStream in = store.open(s.key);
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        int a = line.indexOf('\t');
        int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
        if (b < 0) {
          throw new IllegalStateException("delete ledger " + s.key + " line " + n + ": not <seq> TAB <millis> TAB <key>");
        }
        consumer.accept(line.substring(0, a), Long.parseLong(line.substring(a + 1, b)), line.substring(b + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read delete ledger " + s.key + ": " + e.getMessage(), e);
    }
  }

  /**
   * The canonical text of a record key (the Avro values of the key columns, tenant column first if any): a JSON
   * array of strings, bytes (decimals) as hex. Stable across runs and Avro representations (Utf8 and String alike).
   */
  public static String keyOf(List<Object> values) {
    List<String> parts = new ArrayList<>(values.size());
    for (Object v : values) {
      if (v == null) {
        parts.add(null);
      } else if (v instanceof ByteBuffer) {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        parts.add(HexFormat.of().formatHex(a));
      } else if (v instanceof GenericFixed) {
        parts.add(HexFormat.of().formatHex(((GenericFixed) v).bytes()));
      } else {
        parts.add(v.toString());
      }
    }
    try {
      return JSON.writeValueAsString(parts);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

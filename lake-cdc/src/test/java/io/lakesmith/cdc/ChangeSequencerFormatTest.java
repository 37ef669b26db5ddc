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

import static io.lakesmith.cdc.internal.source.DmsFixtures.readAll;
import static io.lakesmith.cdc.internal.source.DmsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.cdc.internal.source.DmsTableId;
import io.lakesmith.cdc.internal.source.LocalStoreTest;
import io.lakesmith.cdc.internal.source.convert.DmsTimestamps;
import io.lakesmith.cdc.internal.source.read.DmsRow;
import io.lakesmith.cdc.internal.source.read.DmsRowException;
import io.lakesmith.cdc.internal.source.read.ExpectedColumns;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The allocation-light {@link ChangeSequencer} and {@link DmsTimestamps#parse} against the String.format and
 * regular-expression implementations they replaced (kept here as the reference), on many random inputs: same
 * sequences byte for byte, same instants, and errors exactly where the reference failed.
 */
class ChangeSequencerFormatTest extends LocalStoreTest {
  private static final DmsTableId T = DmsTableId.of("app", "orders");
  private static final DmsFormat HEADER = DmsFormat.builder()
      .csv(CsvOptions.builder().header(HeaderMode.PRESENT).build()).build();

  @Test
  void sequencesEqualTheFormattedReferenceOnRandomRows() {
    SplittableRandom rnd = new SplittableRandom(12);
    StringBuilder cdc = new StringBuilder("Op,ID,AR_H_CHANGE_SEQ,TS\n");
    for (int i = 0; i < 3000; i++) {
      cdc.append("U,").append(i).append(',').append(randomChangeSeq(rnd)).append(',').append(randomTimestamp(rnd))
          .append('\n');
    }
    write(store, root, "app/orders/20250101-120000000.csv", cdc.toString());
    write(store, root, "app/orders/20250101-120100000.csv", "Op,ID,TS\nI,x,2025-01-01 00:00:00\nD,y,2025-01-01\n");
    write(store, root, "app/orders/20250101-120200000.csv", "Op,ID\nI,z\n");
    write(store, root, "app/orders/LOAD00000001.csv", "ID,TS\n1,2030-01-01 00:00:00\n");
    List<DmsRow> rows = new ArrayList<>();
    for (DmsFile f : DmsLayout.scan(store, root).files(T)) {
      rows.addAll(readAll(store, f, HEADER, ExpectedColumns.none()));
    }
    List<ChangeSequencer> sequencers = List.of(
        ChangeSequencer.builder().timestampColumn("TS").build(),
        ChangeSequencer.builder().build(),
        ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.CHANGE_SEQ).build(),
        ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.TIMESTAMP).timestampColumn("TS").build(),
        ChangeSequencer.builder().strategy(ChangeSequencer.Strategy.FILE_ORDER).build());

    int compared = 0;
    int failed = 0;
    for (ChangeSequencer seq : sequencers) {
      for (DmsRow row : rows) {
        String expected = reference(seq, row);
        String actual;
        try {
          actual = seq.sequence(row);
        } catch (DmsRowException e) {
          actual = null;
          failed++;
        }
        assertThat(actual).as("%s on %s", seq, row).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(5 * 3004);
    assertThat(failed).isBetween(100, 5000); // some random values are malformed: both reject those
  }

  @Test
  void timestampsParseAsTheRegularExpressionParsedThem() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<String> texts = new ArrayList<>(List.of("2025-01-01", "2025-01-01 12:34", "2025-01-01T12:34:56",
        "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-01 24:00",
        "2025-01-01 12:60", "2025-01-01 12:00:60", "2025-01-01 12:00:00.", "2025-01-01 12:00:00.1234567890",
        "2025-01-01 12:00:00Z", "2025-01-01 12:00:00.5+01", "2025-01-01 12:00-0130", "2025-01-01x12:00", "0000-01-01",
        "9999-12-31 23:59:59.999999999", "２０２５-01-01", "2025-1-01", ""));
    for (int i = 0; i < 20_000; i++) {
      String t = randomTimestamp(rnd);
      texts.add(t);
      if (t.length() > 2) {
        int at = rnd.nextInt(t.length());
        texts.add(t.substring(0, at) + (char) ('0' + rnd.nextInt(11)) + t.substring(at + 1)); // ':' as a digit too
      }
    }
    for (String text : texts) {
      Instant expected;
      try {
        expected = referenceParse(text);
      } catch (IllegalArgumentException e) {
        expected = null;
      }
      Instant actual;
      try {
        actual = DmsTimestamps.parse(text);
      } catch (IllegalArgumentException e) {
        actual = null;
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
  }

  private static String randomChangeSeq(SplittableRandom rnd) {
    int kind = rnd.nextInt(40);
    if (kind == 0) {
      return "";
    }
    if (kind == 1) {
      return "12x";
    }
    if (kind == 2) {
      return "1".repeat(36);
    }
    int len = 1 + rnd.nextInt(35);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return kind == 3 ? " " + sb + " " : sb.toString();
  }

  private static String randomTimestamp(SplittableRandom rnd) {
    if (rnd.nextInt(50) == 0) {
      return rnd.nextBoolean() ? "" : "not a time";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02d", rnd.nextInt(10_000),
        1 + rnd.nextInt(12), 1 + rnd.nextInt(rnd.nextInt(20) == 0 ? 31 : 28)));
    int shape = rnd.nextInt(10);
    if (shape > 0) {
      sb.append(rnd.nextInt(4) == 0 ? 'T' : ' ').append(String.format(Locale.ROOT, "%02d:%02d", rnd.nextInt(24),
          rnd.nextInt(60)));
    }
    if (shape > 1) {
      sb.append(String.format(Locale.ROOT, ":%02d", rnd.nextInt(60)));
    }
    if (shape > 2) {
      int digits = 1 + rnd.nextInt(9);
      sb.append('.');
      for (int i = 0; i < digits; i++) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
    }
    if (shape > 0 && rnd.nextInt(8) == 0) {
      sb.append(rnd.nextBoolean() ? "Z" : String.format(Locale.ROOT, "%s%02d:%02d", rnd.nextBoolean() ? "+" : "-",
          rnd.nextInt(15), rnd.nextInt(4) * 15));
    }
    return sb.toString();
  }

  // ---- the replaced implementation, verbatim in behaviour ----

  private static final Pattern DIGITS = Pattern.compile("\\d{1,35}");
  private static final String ZEROS = "0".repeat(35);
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  /** The sequence as the String.format implementation made it, or null where it failed. */
  private static String reference(ChangeSequencer seq, DmsRow row) {
    if (row.error().isPresent()) {
      return null;
    }
    boolean fullLoad = row.file().kind() == DmsFile.Kind.FULL_LOAD;
    String primary;
    if (fullLoad) {
      primary = ZEROS;
    } else {
      ChangeSequencer.Strategy s = seq.strategy();
      String seqColumn = "AR_H_CHANGE_SEQ";
      String tsColumn = seq.toString().contains("timestamp=TS") ? "TS" : null;
      if (s == ChangeSequencer.Strategy.AUTO) {
        s = row.columns().indexOf(seqColumn) >= 0 ? ChangeSequencer.Strategy.CHANGE_SEQ
            : tsColumn != null && row.columns().indexOf(tsColumn) >= 0 ? ChangeSequencer.Strategy.TIMESTAMP
            : ChangeSequencer.Strategy.FILE_ORDER;
      }
      switch (s) {
        case CHANGE_SEQ: {
          int c = row.columns().indexOf(seqColumn);
          Object v = c < 0 ? null : row.value(c);
          String text = v instanceof String ? ((String) v).strip() : null;
          if (text == null || !DIGITS.matcher(text).matches()) {
            return null;
          }
          primary = ZEROS.substring(text.length()) + text;
          break;
        }
        case TIMESTAMP: {
          int c = row.columns().indexOf(tsColumn);
          Object v = c < 0 ? null : row.value(c);
          if (!(v instanceof String)) {
            return null;
          }
          Instant t;
          try {
            t = referenceParse(((String) v).strip());
          } catch (IllegalArgumentException e) {
            return null;
          }
          LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
          if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return null;
          }
          String digits = String.format("%04d%02d%02d%02d%02d%02d%09d", utc.getYear(), utc.getMonthValue(),
              utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano());
          primary = ZEROS.substring(digits.length()) + digits;
          break;
        }
        default:
          primary = ZEROS;
      }
    }
    return (fullLoad ? "0" : "1") + "." + primary + "." + row.file().ordinal() + "."
        + String.format("%012d", row.line());
  }

  private static Instant referenceParse(String text) {
    Matcher m = TIMESTAMP.matcher(Objects.requireNonNull(text));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a timestamp");
    }
    try {
      LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
      ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
      return t.toInstant(offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid timestamp", e);
    }
  }
}

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

package io.lakesmith.cdc.internal.source;

import com.google.common.collect.ImmutableList;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the folders DMS writes CDC files under with {@code DatePartitionEnabled}: every
 * {@code DatePartitionSequence} (YYYYMMDD, YYYYMMDDHH, YYYYMM, MMYYYYDD, DDMMYYYY) joined by every
 * {@code DatePartitionDelimiter} (SLASH, DASH, UNDERSCORE, NONE), e.g. {@code 2025/01/31},
 * {@code 2025-01-31-13}, {@code 01_2025_31}, {@code 31012025}. Only used to tell date folders from
 * unexpected ones: the CDC file name carries the full timestamp that orders the file.
 */
final class DatePartitions {
  private DatePartitions() {}

  private static final String[] SEQUENCES = {"yMd", "yMdH", "yM", "Myd", "dMy"};
  private static final String[] DELIMITERS = {"/", "-", "_", ""};
  private static final ImmutableList<Layout> LAYOUTS;

  static {
    ImmutableList.Builder<Layout> b = ImmutableList.builder();
    for (String seq : SEQUENCES) {
      for (String delim : DELIMITERS) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < seq.length(); i++) {
          if (i > 0) {
            re.append(Pattern.quote(delim));
          }
          re.append(seq.charAt(i) == 'y' ? "(\\d{4})" : "(\\d{2})");
        }
        b.add(new Layout(seq, Pattern.compile(re.toString())));
      }
    }
    LAYOUTS = b.build();
  }

  private static final class Layout {
    final String fields;
    final Pattern pattern;

    Layout(String fields, Pattern pattern) {
      this.fields = fields;
      this.pattern = pattern;
    }

    boolean matches(String path) {
      Matcher m = pattern.matcher(path);
      if (!m.matches()) {
        return false;
      }
      int year = 0;
      int month = 0;
      int day = 1;
      int hour = 0;
      for (int i = 0; i < fields.length(); i++) {
        int v = Integer.parseInt(m.group(i + 1));
        switch (fields.charAt(i)) {
          case 'y': year = v; break;
          case 'M': month = v; break;
          case 'd': day = v; break;
          default: hour = v; break;
        }
      }
      if (hour > 23) {
        return false;
      }
      try {
        LocalDate.of(year, month, day);
        return true;
      } catch (DateTimeException e) {
        return false;
      }
    }
  }

  /** Whether {@code folders} (relative to the table folder, '/'-separated, no trailing '/') is one DMS date partition. */
  static boolean isDatePartition(String folders) {
    for (Layout l : LAYOUTS) {
      if (l.matches(folders)) {
        return true;
      }
    }
    return false;
  }
}

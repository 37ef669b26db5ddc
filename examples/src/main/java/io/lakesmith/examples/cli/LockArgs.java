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

package io.lakesmith.examples.cli;

import io.lakesmith.core.lock.LockOptions;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The writer-lease options of commands that write tables: {@code --lock-wait} and {@code --lock-lease}. */
final class LockArgs {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--lock-wait", paramLabel = "<duration>", defaultValue = "0s",
      description = "How long to wait while another writer holds a table's lock (default: ${DEFAULT-VALUE}: fail at "
          + "once with a message naming the holder)")
  String lockWait;

  @Option(names = "--lock-lease", paramLabel = "<duration>", defaultValue = "60s",
      description = "Lease of the table lock, renewed while running: how long a crashed run blocks the next "
          + "(default: ${DEFAULT-VALUE})")
  String lockLease;

  LockOptions options() {
    Duration wait = duration("--lock-wait", lockWait);
    Duration lease = duration("--lock-lease", lockLease);
    if (lease.toMillis() < 1000) {
      throw usage("Invalid value for option '--lock-lease': must be at least 1s, got '" + lockLease + "'");
    }
    return LockOptions.builder().waitTimeout(wait).lease(lease).build();
  }

  private Duration duration(String option, String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '" + option + "': expected a duration like 30s, 5m, 500ms or PT1M, got '"
          + text + "'");
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 90m}, {@code 24h}, {@code 7d}, {@code 0} or ISO-8601 ({@code PT1H}). */
  static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return nonNegative(Duration.parse(t.toUpperCase(Locale.ROOT)));
      }
      if (t.equals("0")) {
        return Duration.ZERO;
      }
      if (t.endsWith("ms")) {
        return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's': return nonNegative(Duration.ofSeconds(n));
        case 'm': return nonNegative(Duration.ofMinutes(n));
        case 'h': return nonNegative(Duration.ofHours(n));
        case 'd': return nonNegative(Duration.ofDays(n));
        default: break;
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration: " + text, e);
    }
    throw new IllegalArgumentException("not a duration: " + text);
  }

  private static Duration nonNegative(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration " + d);
    }
    return d;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the peer benchmark's workers measure, identically for both engines, with the JDK only (the Spark worker has
 * no Lakesmith classes): wall seconds, CPU seconds of the process and of the child processes it waited for (JOL,
 * which Hudi uses, runs a helper JVM once), the peak heap (sum of the heap pools' peaks since the phase started) and
 * the peak resident set size of the process so far. Prints one {@code PEER phase ...} line per phase.
 */
final class PeerMeter {

  private final long ticksPerSecond = 100; // USER_HZ on Linux
  private long wall0;
  private double cpu0;

  void start() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    wall0 = System.nanoTime();
    cpu0 = cpuSeconds();
  }

  /** Ends the phase started last and prints its line. */
  void end(String phase, long rows) {
    end(phase, rows, -1);
  }

  /** As above, with the number of commits the phase made (when known, else -1). */
  void end(String phase, long rows, long commits) {
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = cpuSeconds() - cpu0;
    long heap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        heap += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "PEER %s rows=%d wall=%.3f cpu=%.3f heap=%d rss=%d%s%n", phase, rows, wall, cpu,
        heap, peakRss(), commits < 0 ? "" : " commits=" + commits);
    System.out.flush();
  }

  /** CPU seconds since the JVM started, its waited-for children included when /proc tells (Linux). */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14-17 of proc(5): utime stime cutime cstime; f[0] is field 3
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return ticks / (double) ticksPerSecond;
    } catch (IOException | RuntimeException e) {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean
          ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9 : 0;
    }
  }

  /** Peak resident set size (VmHWM) in bytes, 0 where /proc is missing. */
  static long peakRss() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
      for (String l : lines) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return 0;
  }

  /** The JVM's whole CPU (start-up and JIT included) as a {@code PEER total} line. */
  void total() {
    System.out.printf(Locale.ROOT, "PEER total cpu=%.3f uptime=%.3f%n", cpuSeconds(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
  }
}

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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initializes JOL (the object-size library Hudi sizes record keys with) once, before the first Hudi write, without
 * its console output. Left to itself JOL prints {@code # WARNING: Unable to get Instrumentation ...} and
 * {@code # WARNING: Unable to attach Serviceability Agent ...} on {@code System.out} (a CLI's result stream) the first
 * time Hudi sizes an object, after trying to attach an agent to the JVM and starting a helper JVM for the
 * serviceability agent. Here: JOL's own switches {@code jol.skipHotspotSAAttach} and {@code jol.skipDynamicAttach}
 * are set unless the application set them (no helper JVM, no self-attach; JOL then sizes objects from field offsets,
 * as it does after both attempts failed), and the lines JOL prints on this thread while it initializes go to the
 * debug log instead. Output of other threads meanwhile passes through unchanged. A no-op when JOL is not on the class
 * path or was initialized already.
 */
public final class QuietJol {
  private static final Logger LOG = LoggerFactory.getLogger(QuietJol.class);
  private static volatile boolean done;

  private QuietJol() {}

  /** Initializes JOL quietly, once per JVM. */
  public static void init() {
    if (done) {
      return;
    }
    synchronized (QuietJol.class) {
      if (done) {
        return;
      }
      done = true;
      Class<?> vm;
      try {
        vm = Class.forName("org.openjdk.jol.vm.VM", false, QuietJol.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError absent) {
        return;
      }
      setIfAbsent("jol.skipHotspotSAAttach");
      setIfAbsent("jol.skipDynamicAttach");
      PrintStream original = System.out;
      Thread self = Thread.currentThread();
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      PrintStream filter = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
          if (Thread.currentThread() == self) {
            captured.write(b);
          } else {
            original.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) {
          if (Thread.currentThread() == self) {
            captured.write(b, off, len);
          } else {
            original.write(b, off, len);
          }
        }

        @Override
        public void flush() {
          original.flush();
        }
      }, true, StandardCharsets.UTF_8);
      System.setOut(filter);
      try {
        vm.getMethod("current").invoke(null);
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        LOG.debug("JOL did not initialize; Hudi will when it first sizes an object", e);
      } finally {
        if (System.out == filter) {
          System.setOut(original);
        }
      }
      String text = captured.toString(StandardCharsets.UTF_8).trim();
      if (!text.isEmpty()) {
        LOG.debug("JOL initialized: {}", text.replace('\n', ' '));
      }
    }
  }

  private static void setIfAbsent(String property) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, "true");
    }
  }
}

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

package io.lakesmith.examples.concurrency;

import io.lakesmith.examples.cli.LakesmithCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the {@code lakesmith} command line: in a separate JVM ({@link ChildJvm}), or on its own thread of this
 * JVM with its own write clients, table handles and lease (cheaper: no JVM start, classes loaded once).
 */
interface Run {

  String name();

  /** Waits for the exit code. */
  int waitFor(long seconds);

  String err();

  String out();

  /** Where runs execute. */
  enum Mode { PROCESS, THREAD }

  static Run start(Mode mode, Path logs, String name, Map<String, String> env, List<String> args) {
    if (mode == Mode.PROCESS) {
      ChildJvm child = ChildJvm.start(logs, name, LakesmithCli.class, env, args);
      return new Run() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public int waitFor(long seconds) {
          return child.waitFor(seconds);
        }

        @Override
        public String err() {
          return child.err();
        }

        @Override
        public String out() {
          return child.out();
        }

        @Override
        public String toString() {
          return child.toString();
        }
      };
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> LakesmithCli.run(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        args.toArray(String[]::new)), r -> {
          Thread t = new Thread(r, "cli-" + name);
          t.setDaemon(true);
          t.start();
        });
    return new Run() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int waitFor(long seconds) {
        try {
          return code.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          throw new AssertionError(name + " did not finish within " + seconds + " s\n" + this);
        } catch (Exception e) {
          throw new AssertionError(name + " failed: " + e, e);
        }
      }

      @Override
      public String err() {
        return err.toString(StandardCharsets.UTF_8);
      }

      @Override
      public String out() {
        return out.toString(StandardCharsets.UTF_8);
      }

      @Override
      public String toString() {
        return "--- " + name + " stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- " + name + " stderr\n" + err();
      }
    };
  }
}

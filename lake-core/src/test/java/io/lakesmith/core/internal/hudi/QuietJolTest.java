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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JOL (which Hudi sizes record keys with) prints warnings on {@code System.out} when it initializes; after
 * {@link QuietJol#init()} it is initialized and nothing reached {@code System.out}. Each case loads JOL afresh in its
 * own class loader (JOL keeps its state in statics).
 */
class QuietJolTest {

  private static URLClassLoader freshLoader() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private interface Call {
    void run(ClassLoader loader) throws Exception;
  }

  private static String stdoutOf(Call call) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (URLClassLoader loader = freshLoader()) {
      call.run(loader);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static Object jolVm(ClassLoader loader) throws Exception {
    return Class.forName("org.openjdk.jol.vm.VM", true, loader).getMethod("current").invoke(null);
  }

  @Test
  void jolAloneWarnsOnStdoutQuietJolKeepsItOff() throws Exception {
    String alone = stdoutOf(QuietJolTest::jolVm);
    assertThat(alone).contains("# WARNING: Unable to get Instrumentation");

    String quiet = stdoutOf(loader -> {
      Class.forName(QuietJol.class.getName(), true, loader).getMethod("init").invoke(null);
      assertThat(jolVm(loader)).isNotNull(); // initialized, and later uses print nothing either
    });
    assertThat(quiet).isEmpty();
  }
}

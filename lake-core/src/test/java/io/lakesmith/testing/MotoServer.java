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

package io.lakesmith.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A moto server process (S3, Glue, STS over the real AWS wire protocols) for tests. On first use it creates a
 * virtualenv under {@code lake.test.moto.home} (default {@code target/moto}) and installs the pinned requirement set
 * ({@link PythonVenv}); later runs reuse it while the requirements are unchanged.
 * Every failure (no python3, pip error, server not answering) throws with the reason and the log tail:
 * a missing emulator fails the build, it never skips tests.
 */
final class MotoServer {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  URI endpoint() {
    return endpoint;
  }

  static MotoServer start() {
    Path home = Paths.get(System.getProperty("lake.test.moto.home", "target/moto")).toAbsolutePath();
    try {
      Files.createDirectories(home);
      Path motoServer = PythonVenv.ensure(home,
          PythonVenv.requirements("lake.test.moto.requirements", "/moto-requirements.txt"), "the moto emulator")
          .bin("moto_server");
      int port = freePort();
      Path log = home.resolve("moto-" + port + ".log");
      ProcessBuilder pb = new ProcessBuilder(motoServer.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("MOTO_ALLOW_NONEXISTENT_REGION", "true");
      Process p = pb.start();
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      MotoServer server = new MotoServer(p, endpoint);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "moto-stop"));
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the moto test emulator under " + home + ": " + e, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitReady(Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("moto_server exited with code " + process.exitValue() + ":\n" + tail(log));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/data.json").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for moto", e);
      }
    }
    stop();
    throw new IOException("moto_server did not answer on " + endpoint + " within " + START_TIMEOUT + ":\n" + tail(log));
  }

  /** Clears every emulated resource (buckets, databases, ...). */
  void reset() {
    try {
      HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.getOutputStream().close();
      if (c.getResponseCode() != 200) {
        throw new IllegalStateException("moto reset answered HTTP " + c.getResponseCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto reset failed: " + e.getMessage(), e);
    }
  }

  void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static String tail(Path log) {
    return PythonVenv.tail(log, 30);
  }

}

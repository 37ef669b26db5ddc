package io.lakesmith.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A moto server process (S3, Glue, STS over the real AWS wire protocols) for tests. On first use it creates a
 * virtualenv under {@code lake.test.moto.home} (default {@code target/moto}) with {@code python3 -m venv} and
 * installs the pinned requirement set with pip; later runs reuse it while the requirements are unchanged.
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
      Path motoServer = install(home);
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

  private static Path install(Path home) throws IOException {
    String requirements = requirements();
    Path venv = home.resolve("venv");
    Path motoServer = venv.resolve("bin/moto_server");
    Path marker = venv.resolve("lakesmith-requirements.txt");
    try (FileChannel ch = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      if (Files.isExecutable(motoServer) && Files.exists(marker)
          && Files.readString(marker).equals(requirements)) {
        return motoServer;
      }
      Path req = home.resolve("requirements.txt");
      Files.writeString(req, requirements);
      String python = System.getenv().getOrDefault("LAKE_TEST_PYTHON", "python3");
      run(home, "creating the moto virtualenv (needs python3 with the venv module)",
          python, "-m", "venv", "--clear", venv.toString());
      run(home, "installing moto with pip (needs PyPI)", venv.resolve("bin/python").toString(), "-m", "pip",
          "install", "--disable-pip-version-check", "--no-input", "-q", "-r", req.toString());
      Files.writeString(marker, requirements);
      return motoServer;
    }
  }

  private static String requirements() throws IOException {
    String file = System.getProperty("lake.test.moto.requirements");
    if (file != null && Files.exists(Paths.get(file))) {
      return Files.readString(Paths.get(file));
    }
    try (InputStream in = MotoServer.class.getResourceAsStream("/moto-requirements.txt")) {
      if (in == null) {
        throw new IOException("moto-requirements.txt is neither at -Dlake.test.moto.requirements nor on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void run(Path dir, String what, String... command) throws IOException {
    Path log = dir.resolve("install.log");
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IOException(what + " failed: cannot run " + command[0] + " (" + e.getMessage() + ")", e);
    }
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(what + " timed out after 10 minutes; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + " interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(what + " failed with exit code " + p.exitValue() + ":\n" + tail(log));
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
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

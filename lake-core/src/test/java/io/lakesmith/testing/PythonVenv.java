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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python virtualenv for test tools (the moto emulator, the independent table readers): {@code <home>/venv},
 * created with {@code python3 -m venv} (or {@code $LAKE_TEST_PYTHON}) and filled with a pinned requirements file by
 * pip. Idempotent: a stamp file in the venv holds the SHA-256 of the requirements it was built from, and a venv whose
 * stamp matches is reused as is; any other is rebuilt from scratch. Concurrent JVMs serialize on a lock file in
 * {@code home}, threads of one JVM on a monitor. Every failure (no python3, no venv module, pip error) is an
 * {@link IllegalStateException} whose first line says what is missing; pip's output is in {@code <home>/install.log}.
 * Nothing is ever skipped.
 */
public final class PythonVenv {

  private static final String STAMP = "lakesmith-requirements.sha256";

  private final Path home;
  private final Path venv;

  private PythonVenv(Path home) {
    this.home = home;
    this.venv = home.resolve("venv");
  }

  /**
   * The venv under {@code home} with exactly {@code requirements} installed, creating it if needed.
   *
   * @param purpose what it is for, in error messages (e.g. "the moto emulator")
   */
  public static PythonVenv ensure(Path home, String requirements, String purpose) {
    PythonVenv env = new PythonVenv(home.toAbsolutePath());
    try {
      Files.createDirectories(env.home);
      // the file lock serializes JVMs; a JVM may hold it only once, so its threads take turns first
      synchronized (PythonVenv.class) {
        try (FileChannel ch = FileChannel.open(env.home.resolve(".install.lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
          env.install(requirements, purpose);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up the Python venv for " + purpose + " under " + env.home + ": "
          + e.getMessage(), e);
    }
    return env;
  }

  /**
   * A requirements text: the file named by system property {@code fileProperty} when it exists (the build points it
   * at the source tree), else the classpath resource {@code resource} (from this test-jar).
   */
  public static String requirements(String fileProperty, String resource) {
    try {
      String file = System.getProperty(fileProperty);
      if (file != null && Files.exists(Paths.get(file))) {
        return Files.readString(Paths.get(file));
      }
      return resource(resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classpath resource of the test harness as text. */
  static String resource(String resource) throws IOException {
    try (InputStream in = PythonVenv.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the classpath (lake-core's test-jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public Path home() {
    return home;
  }

  /** The venv's python interpreter. */
  public Path python() {
    return venv.resolve("bin/python");
  }

  /** A console script the requirements installed into the venv's bin/. */
  public Path bin(String tool) {
    return venv.resolve("bin").resolve(tool);
  }

  private void install(String requirements, String purpose) throws IOException {
    String hash = sha256(requirements);
    Path stamp = venv.resolve(STAMP);
    if (Files.isExecutable(python()) && Files.exists(stamp) && Files.readString(stamp).strip().equals(hash)) {
      return;
    }
    Path req = home.resolve("requirements.txt");
    Files.writeString(req, requirements);
    String python = System.getenv().getOrDefault("LAKE_TEST_PYTHON", "python3");
    checkPython(python, purpose);
    run(home, "creating the venv for " + purpose, python, "-m", "venv", "--clear", venv.toString());
    run(home, "installing " + purpose + " with pip (needs PyPI)", python().toString(), "-m", "pip", "install",
        "--disable-pip-version-check", "--no-input", "-q", "-r", req.toString());
    Files.writeString(stamp, hash + "\n");
  }

  private void checkPython(String python, String purpose) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(python, "-c", "import venv, ensurepip").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IOException(python + " not found: the tests need python3 with the venv module for " + purpose
          + " (e.g. apt-get install python3 python3-venv)");
    }
    if (waitFor(p, 1, "checking " + python, home.resolve("install.log")) != 0) {
      throw new IOException(python + " has no venv/ensurepip module: the tests need it for " + purpose
          + " (e.g. apt-get install python3-venv)");
    }
  }

  /** Runs {@code command} in {@code dir}, appending its output to {@code dir/install.log}; fails on a non-zero exit. */
  static void run(Path dir, String what, String... command) throws IOException {
    Path log = dir.resolve("install.log");
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IOException(what + " failed: cannot run " + command[0] + " (" + e.getMessage() + ")", e);
    }
    int rc = waitFor(p, 15, what, log);
    if (rc != 0) {
      throw new IOException(what + " failed with exit code " + rc + " (log " + log + "):\n" + tail(log, 30));
    }
  }

  private static int waitFor(Process p, int minutes, String what, Path log) throws IOException {
    try {
      if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(what + " timed out after " + minutes + " minutes; see " + log);
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(what + " interrupted", e);
    }
  }

  /** The last {@code lines} lines of a log file, for error messages. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

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

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code lakesmith} command-line tool: {@code apply}, {@code register}, {@code compact} and {@code maintain}.
 *
 * <p>Exit codes: 0 success, 1 failure (the error is printed on stderr), 2 bad usage (a message naming the bad or
 * missing option, then the usage text, on stderr). Results go to stdout, progress of long work to stderr, and a JSON
 * run report to a file with {@code --report}.
 *
 * <p>Embed or test it in-process with {@link #run(PrintStream, PrintStream, String...)}; {@link #main} calls
 * {@link System#exit} with the exit code.
 */
@Command(name = "lakesmith", mixinStandardHelpOptions = true, versionProvider = LakesmithCli.Version.class,
    description = "Applies AWS DMS output to Apache Hudi tables, keeps them healthy and registers them in the AWS "
        + "Glue Data Catalog.",
    subcommands = {ApplyCommand.class, RegisterCommand.class, CompactCommand.class, MaintainCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success (also with warnings), 1 failure, 2 bad usage, 3 rows quarantined with "
        + "apply --fail-on-quarantine.",
        "AWS credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, "
            + "instance or container roles)."})
public final class LakesmithCli implements Runnable {

  /** Exit code of a run that failed (an error, or a table that could not be applied). */
  public static final int FAILURE = 1;
  /** Exit code of bad usage: an unknown, missing or invalid option. */
  public static final int USAGE = 2;
  /** Exit code of an apply that succeeded but quarantined rows, when run with {@code --fail-on-quarantine}. */
  public static final int QUARANTINED = 3;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    // The tool prints its own progress; library logging only for warnings (override with -Dorg.slf4j.simpleLogger...)
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.log.io.lakesmith",
        System.getProperty("org.slf4j.simpleLogger.log.io.lakesmith", "warn"));
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
    // Hudi warns at every table creation that a version 6 table ignores 1.x-only configs and prints the whole
    // hoodie.properties: expected for the versions Lakesmith writes, noise for a person reading the output
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.hudi.common.table.HoodieTableConfig",
        System.getProperty("org.slf4j.simpleLogger.log.org.apache.hudi.common.table.HoodieTableConfig", "error"));
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the tool with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return commandLine(o, e).execute(args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  /** Runs the tool printing to {@link System#out} and {@link System#err}; returns the exit code. */
  public static int run(String... args) {
    return run(System.out, System.err, args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new LakesmithCli());
    cl.setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          w.println(commandLine.getCommandName() + ": error: " + describe(ex));
          if (parseResult.matchedOptionValue("--stacktrace", false)
              || parseResult.subcommand() != null && parseResult.subcommand().matchedOptionValue("--stacktrace", false)) {
            ex.printStackTrace(w);
          }
          w.flush();
          return FAILURE;
        });
    cl.setExitCodeExceptionMapper(ex -> ex instanceof ParameterException ? USAGE : FAILURE);
    return cl;
  }

  /** The message of an exception and its causes, without repeating a cause already contained in it. */
  static String describe(Throwable ex) {
    StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage() == null ? ex.getClass().getSimpleName()
        : ex.getMessage()));
    Throwable c = ex.getCause();
    while (c != null && c != ex) {
      String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
      if (!sb.toString().contains(m)) {
        sb.append(": ").append(m);
      }
      ex = c;
      c = c.getCause();
    }
    return sb.toString();
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing required subcommand: one of apply, register, compact, maintain");
  }

  /** The version from the jar manifest (or "development build"). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LakesmithCli.class.getPackage().getImplementationVersion();
      return new String[] {"lakesmith " + (v == null ? "(development build)" : v)};
    }
  }
}

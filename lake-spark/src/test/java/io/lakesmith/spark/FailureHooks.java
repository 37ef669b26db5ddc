package io.lakesmith.spark;

/** The failure hooks of lake-spark's internals that tests arm with system properties (local mode: one JVM). */
final class FailureHooks {
  /** An executor task of the Hudi write job throws at this record number of its partition. */
  static final String FAIL_IN_WRITE = "lakesmith.spark.test.failInWrite";

  private FailureHooks() {}
}

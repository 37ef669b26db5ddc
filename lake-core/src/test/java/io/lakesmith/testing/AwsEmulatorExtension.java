package io.lakesmith.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for tests that talk to the AWS emulator: starts it (once per JVM) and resets its state
 * before each test class, so classes never see each other's buckets, databases or tables.
 */
public final class AwsEmulatorExtension implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    AwsEmulator.get().reset();
  }
}

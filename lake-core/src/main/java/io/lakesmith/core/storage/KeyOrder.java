package io.lakesmith.core.storage;

import java.nio.charset.StandardCharsets;

/** S3's key order: UTF-8 bytes compared as unsigned. */
final class KeyOrder {
  private KeyOrder() {}

  static int compare(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }
}

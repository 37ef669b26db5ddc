package io.lakesmith.compaction;

import io.lakesmith.testing.AwsEmulator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 clients against the emulator with request interceptors (fault injection, request counting). */
final class S3Faults {

  private S3Faults() {}

  /** A new client (close it) talking to the emulator through {@code interceptors}. */
  static S3Client client(ExecutionInterceptor... interceptors) {
    var settings = AwsEmulator.get().settings();
    return S3Client.builder().credentialsProvider(settings.credentialsProvider())
        .region(settings.region().orElseThrow()).endpointOverride(settings.endpoint().orElseThrow())
        .forcePathStyle(true)
        .overrideConfiguration(c -> {
          c.retryStrategy(b -> b.maxAttempts(settings.maxAttempts()));
          for (ExecutionInterceptor i : interceptors) {
            c.addExecutionInterceptor(i);
          }
        })
        .build();
  }

  /** Runs {@code tasks} on 8 threads (uploading thousands of small objects one by one is slow). */
  static void parallel(List<Runnable> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> fs = tasks.stream().<Future<?>>map(pool::submit).toList();
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}

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

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

package io.lakesmith.catalog;

import com.google.common.base.Preconditions;
import java.time.Duration;

/**
 * How the catalog's Glue client retries: at most {@link #maxAttempts()} attempts per call on throttling
 * ({@code ThrottlingException} "Rate exceeded"), 5xx and connection errors, waiting an exponentially growing,
 * fully jittered delay ({@code random(0, min(maxDelay, base * 2^attempt))}); throttling uses its own, longer base.
 * Immutable. {@code ConcurrentModificationException} is not retried here: the catalog re-reads the table and
 * re-applies its change instead (see {@link GlueCatalog}).
 */
public final class RetryPolicy {

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration throttlingBaseDelay;
  private final Duration maxDelay;

  private RetryPolicy(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxDelay) {
    Preconditions.checkArgument(maxAttempts >= 1, "maxAttempts must be >= 1, got %s", maxAttempts);
    Preconditions.checkArgument(!baseDelay.isNegative() && !throttlingBaseDelay.isNegative() && !maxDelay.isNegative(),
        "delays must not be negative");
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.throttlingBaseDelay = throttlingBaseDelay;
    this.maxDelay = maxDelay;
  }

  /** 8 attempts, 100 ms base, 500 ms throttling base, 20 s cap. */
  public static RetryPolicy defaults() {
    return of(8, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(20));
  }

  public static RetryPolicy of(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxDelay) {
    return new RetryPolicy(maxAttempts, baseDelay, throttlingBaseDelay, maxDelay);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration throttlingBaseDelay() {
    return throttlingBaseDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", base=" + baseDelay + ", throttlingBase=" + throttlingBaseDelay
        + ", max=" + maxDelay + "}";
  }
}

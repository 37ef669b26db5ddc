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

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Glue calls of one action: logical calls (counted by {@link GlueOps}) and HTTP attempts (counted by
 * {@link AttemptCounter} through an execution attribute that every request of the action carries). Thread-safe.
 */
final class CallStats {

  static final ExecutionAttribute<CallStats> ATTRIBUTE = new ExecutionAttribute<>("lakesmith.glue.callStats");

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

  void call(String operation) {
    calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void attempt(String operation) {
    attempts.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  Map<String, Long> calls() {
    return snapshot(calls);
  }

  Map<String, Long> attempts() {
    return snapshot(attempts);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
    Map<String, Long> r = new TreeMap<>();
    m.forEach((k, v) -> r.put(k, v.sum()));
    return r;
  }

  /** Counts each HTTP attempt (first try and retries) of requests that carry a {@link CallStats}. */
  static final class AttemptCounter implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      CallStats stats = attributes.getAttribute(ATTRIBUTE);
      if (stats != null) {
        stats.attempt(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      }
    }
  }
}

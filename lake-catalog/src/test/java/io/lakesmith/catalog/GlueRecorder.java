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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;

/**
 * Test interceptor on the catalog's Glue client that adds to moto what moto lacks: it records every request
 * (operation and modeled request) and every HTTP attempt, injects faults (throttling or 5xx before the request is
 * sent, or a throttling answer replacing a response whose request was executed), emulates GetPartitions paging
 * ({@code MaxResults}/{@code NextToken}) and segments, and enforces UpdateTable's {@code VersionId} optimistic lock
 * (ConcurrentModificationException when stale), optionally running a concurrent writer first.
 */
final class GlueRecorder implements ExecutionInterceptor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExecutionAttribute<Boolean> LOSE_RESPONSE = new ExecutionAttribute<>("test.loseResponse");

  /** One executed call (first attempt). */
  static final class Call {
    final String operation;
    final SdkRequest request;

    Call(String operation, SdkRequest request) {
      this.operation = operation;
      this.request = request;
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> preFaults = new ConcurrentHashMap<>();
  private final Map<String, Integer> preFaultStatus = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> lostResponses = new ConcurrentHashMap<>();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile boolean emulatePaging;
  private volatile GlueClient versionChecker;
  private volatile Runnable beforeFirstUpdate;
  private final AtomicInteger concurrentModifications = new AtomicInteger();

  List<Call> calls() {
    return calls;
  }

  List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation.equals(operation)).collect(Collectors.toList());
  }

  long writeCalls() {
    return calls.stream().filter(c -> SyncResult.WRITE_OPERATIONS.contains(c.operation)).count();
  }

  int attempts(String operation) {
    AtomicInteger a = attempts.get(operation);
    return a == null ? 0 : a.get();
  }

  int injectedFaults() {
    return injected.get();
  }

  int concurrentModifications() {
    return concurrentModifications.get();
  }

  void reset() {
    calls.clear();
    attempts.clear();
  }

  /** The next {@code n} attempts of {@code operation} fail before being sent: 400 ThrottlingException or a 5xx. */
  GlueRecorder failBeforeSending(String operation, int n, int status) {
    preFaults.put(operation, new AtomicInteger(n));
    preFaultStatus.put(operation, status);
    return this;
  }

  /** The next {@code n} attempts of {@code operation} are executed by the server, but answer ThrottlingException. */
  GlueRecorder loseResponses(String operation, int n) {
    lostResponses.put(operation, new AtomicInteger(n));
    return this;
  }

  GlueRecorder emulatePaging(boolean value) {
    this.emulatePaging = value;
    return this;
  }

  /** Rejects UpdateTable with a stale VersionId, checking the current version with {@code raw}. */
  GlueRecorder enforceVersionIds(GlueClient raw) {
    this.versionChecker = raw;
    return this;
  }

  /** Runs {@code writer} once, just before the next UpdateTable is sent (a concurrent writer). */
  GlueRecorder beforeNextUpdate(Runnable writer) {
    this.beforeFirstUpdate = writer;
    return this;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    attempts.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
    AtomicInteger pre = preFaults.get(op);
    if (pre != null && pre.getAndDecrement() > 0) {
      injected.incrementAndGet();
      int status = preFaultStatus.get(op);
      throw GlueException.builder().statusCode(status).message(status == 400 ? "Rate exceeded" : "Internal failure")
          .awsErrorDetails(AwsErrorDetails.builder().serviceName("Glue")
              .errorCode(status == 400 ? "ThrottlingException" : "InternalServiceException")
              .errorMessage(status == 400 ? "Rate exceeded" : "Internal failure")
              .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
          .build();
    }
    if (context.request() instanceof UpdateTableRequest) {
      UpdateTableRequest u = (UpdateTableRequest) context.request();
      Runnable writer = beforeFirstUpdate;
      if (writer != null) {
        beforeFirstUpdate = null;
        writer.run();
      }
      GlueClient raw = versionChecker;
      if (raw != null) {
        String current = raw.getTable(r -> r.databaseName(u.databaseName()).name(u.tableInput().name())).table().versionId();
        if (u.versionId() == null || !u.versionId().equals(current)) {
          concurrentModifications.incrementAndGet();
          throw ConcurrentModificationException.builder().statusCode(400)
              .message("Update table failed due to concurrent modifications.")
              .awsErrorDetails(AwsErrorDetails.builder().serviceName("Glue").errorCode("ConcurrentModificationException")
                  .errorMessage("VersionId " + u.versionId() + " is not the current version " + current)
                  .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build())
              .build();
        }
      }
    }
    AtomicInteger lose = lostResponses.get(op);
    attributes.putAttribute(LOSE_RESPONSE, lose != null && lose.getAndDecrement() > 0);
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(LOSE_RESPONSE))) {
      injected.incrementAndGet();
      return context.httpResponse().toBuilder().statusCode(400).statusText("Bad Request")
          .putHeader("x-amzn-ErrorType", "ThrottlingException").removeHeader("Content-Length").build();
    }
    return context.httpResponse();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(LOSE_RESPONSE))) {
      return Optional.of(bytes("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
    }
    if (emulatePaging && context.request() instanceof GetPartitionsRequest && context.httpResponse().isSuccessful()
        && context.responseBody().isPresent()) {
      return Optional.of(page((GetPartitionsRequest) context.request(), context.responseBody().get()));
    }
    return context.responseBody();
  }

  private static InputStream page(GetPartitionsRequest request, InputStream body) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(body);
      ArrayNode all = (ArrayNode) root.get("Partitions");
      List<com.fasterxml.jackson.databind.JsonNode> mine = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (request.segment() == null || i % request.segment().totalSegments() == request.segment().segmentNumber()) {
          mine.add(all.get(i));
        }
      }
      int offset = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken().substring("emu:".length()));
      int max = request.maxResults() == null ? 1000 : request.maxResults();
      ArrayNode page = JSON.createArrayNode();
      for (int i = offset; i < Math.min(mine.size(), offset + max); i++) {
        page.add(mine.get(i));
      }
      root.set("Partitions", page);
      if (offset + max < mine.size()) {
        root.put("NextToken", "emu:" + (offset + max));
      } else {
        root.remove("NextToken");
      }
      return bytes(JSON.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static Predicate<Call> op(String operation) {
    return c -> c.operation.equals(operation);
  }

  static boolean notFound(Runnable r) {
    try {
      r.run();
      return false;
    } catch (EntityNotFoundException e) {
      return true;
    }
  }
}

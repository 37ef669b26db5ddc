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

package io.lakesmith.core.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a lease and until when: the JSON body of a lock object. Fields: {@code owner} (a label, by default
 * {@code host/pid}), {@code host}, {@code pid}, {@code processStart} (when the holding process started, so a reused
 * pid is told apart), {@code acquiredAt}, {@code expiresAt} (the holder's clock) and {@code token} (unique per
 * acquisition). Bodies written by other tools may lack fields: {@link #parse} fills what is missing with unknowns,
 * and an unreadable body parses as a lease that expired at the epoch (garbage, safe to take over).
 */
public final class LockHolder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOST = hostName();
  private static final long PID = ProcessHandle.current().pid();
  private static final Instant PROCESS_START = ProcessHandle.current().info().startInstant()
      .map(i -> i.truncatedTo(ChronoUnit.MILLIS)).orElse(null);

  private final String owner;
  private final String host;
  private final Long pid;
  private final Instant processStart;
  private final Instant acquiredAt;
  private final Instant expiresAt;
  private final String token;

  private LockHolder(String owner, String host, Long pid, Instant processStart, Instant acquiredAt, Instant expiresAt,
      String token) {
    this.owner = owner;
    this.host = host;
    this.pid = pid;
    this.processStart = processStart;
    this.acquiredAt = acquiredAt;
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.token = token;
  }

  /** This process as a holder: its host, pid and start time, with a new token. */
  static LockHolder self(String owner, Instant now, Duration lease) {
    Instant ms = now.truncatedTo(ChronoUnit.MILLIS);
    return new LockHolder(owner != null ? owner : HOST + "/" + PID, HOST, PID, PROCESS_START, ms, ms.plus(lease),
        UUID.randomUUID().toString());
  }

  /** The same holder with its lease renewed to {@code now + lease}. */
  LockHolder renewed(Instant now, Duration lease) {
    return new LockHolder(owner, host, pid, processStart, acquiredAt, now.truncatedTo(ChronoUnit.MILLIS).plus(lease),
        token);
  }

  /** The label of the holder: {@code host/pid} unless the holder chose another. */
  public String owner() {
    return owner;
  }

  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  public Optional<Long> pid() {
    return Optional.ofNullable(pid);
  }

  /** When the holding process started (tells a reused pid apart). */
  public Optional<Instant> processStart() {
    return Optional.ofNullable(processStart);
  }

  public Optional<Instant> acquiredAt() {
    return Optional.ofNullable(acquiredAt);
  }

  /** When the lease runs out unless renewed, on the holder's clock. */
  public Instant expiresAt() {
    return expiresAt;
  }

  String token() {
    return token;
  }

  /** {@code host h pid p (started t)}, or {@code owner o} for a body without host and pid. */
  public String describe() {
    if (host == null && pid == null) {
      return "owner " + owner;
    }
    return "host " + (host == null ? "?" : host) + " pid " + (pid == null ? "?" : pid)
        + (processStart == null ? "" : " (started " + processStart + ")");
  }

  byte[] toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("owner", owner);
    n.put("host", host);
    if (pid != null) {
      n.put("pid", pid);
    }
    if (processStart != null) {
      n.put("processStart", processStart.toString());
    }
    if (acquiredAt != null) {
      n.put("acquiredAt", acquiredAt.toString());
    }
    n.put("expiresAt", expiresAt.toString());
    n.put("token", token);
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a lock body; anything unreadable is a lease that expired at the epoch. */
  static LockHolder parse(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        return garbage();
      }
      String host = text(n, "host");
      Long pid = n.hasNonNull("pid") && n.get("pid").canConvertToLong() ? n.get("pid").asLong() : null;
      String owner = text(n, "owner");
      if (owner == null) {
        owner = host != null ? host + "/" + (pid == null ? "?" : pid) : "?";
      }
      Instant expires = instant(n, "expiresAt");
      return new LockHolder(owner, host, pid, instant(n, "processStart"), instant(n, "acquiredAt"),
          expires == null ? Instant.EPOCH : expires, text(n, "token"));
    } catch (IOException | DateTimeParseException e) {
      return garbage();
    }
  }

  private static LockHolder garbage() {
    return new LockHolder("?", null, null, null, null, Instant.EPOCH, null);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String field) {
    String v = text(n, field);
    return v == null ? null : Instant.parse(v);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }

  @Override
  public String toString() {
    return describe() + ", lease expires " + expiresAt;
  }
}

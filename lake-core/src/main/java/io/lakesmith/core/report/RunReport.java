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

package io.lakesmith.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.lakesmith.core.LakesmithVersion;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run did: counters (rows read, written, skipped, quarantined, commits, ...), the inputs it read, the
 * commits it made, errors, warnings, free-form details, timings and, for runs over many tables, one child report
 * per table. Immutable; serializes to and from JSON (schema version {@value #SCHEMA_VERSION}, documented in the
 * README's "Run report" section).
 *
 * <p><b>JSON schema v1.</b> Every report object has {@code schemaVersion} (1), {@code operation} (e.g.
 * {@code apply}), {@code status}, {@code versions} ({@code lakesmith}, {@code hudi}), {@code startedAt} and
 * {@code finishedAt} (ISO-8601 UTC) and {@code durationMillis}; and, when known, {@code name} (what the report is
 * about, e.g. the DMS table {@code hr.employees}), {@code source} (where input was read: a URI such as
 * {@code s3://bucket/dms/hr/employees} or {@code file:/data/dms}), {@code target} (what was written: e.g. the Hudi
 * table's base path), {@code counters} (name to count), {@code commitInstants} (Hudi instants committed, in order),
 * {@code checkpointBefore}/{@code checkpointAfter} (JSON objects: where in its source the target stood before and
 * after the run), {@code inputs} (URIs read, in order), {@code errors}, {@code warnings}, {@code details} (string
 * to string) and {@code children}. Readers must ignore fields they do not know; a change that removes or redefines a
 * field raises the schema version.
 *
 * <p><b>Status.</b> {@link Status#FAILED} when the run recorded an error (or every child failed),
 * {@link Status#PARTIAL} when some children failed, {@link Status#SUCCEEDED_WITH_WARNINGS} when it did its work but
 * something needs a person's look (a warning: quarantined rows, a late or changed file, an object that is not a DMS
 * file, a table without files; or a child with warnings), {@link Status#SUCCEEDED} otherwise.
 *
 * <p>Counter names are free, but the ones in this class's constants mean the same in every module.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(value = "durationMillis", allowGetters = true, ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "operation", "name", "source", "target", "status", "versions", "startedAt",
    "finishedAt", "durationMillis", "counters", "commitInstants", "checkpointBefore", "checkpointAfter", "inputs",
    "errors", "warnings", "details", "children"})
public final class RunReport {

  /** The version of the JSON form this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public static final String ROWS_READ = "rowsRead";
  public static final String ROWS_WRITTEN = "rowsWritten";
  public static final String ROWS_SKIPPED = "rowsSkipped";
  public static final String ROWS_QUARANTINED = "rowsQuarantined";
  public static final String FILES_READ = "filesRead";
  public static final String FILES_SKIPPED = "filesSkipped";
  public static final String COMMITS = "commits";

  /** Outcome of a run; see the class comment for when each applies. */
  public enum Status {
    SUCCEEDED, SUCCEEDED_WITH_WARNINGS, PARTIAL, FAILED;

    /** Whether the run did all its work ({@link #SUCCEEDED} or {@link #SUCCEEDED_WITH_WARNINGS}). */
    public boolean isSuccess() {
      return this == SUCCEEDED || this == SUCCEEDED_WITH_WARNINGS;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  private final int schemaVersion;
  private final String operation;
  private final String name;
  private final String source;
  private final String target;
  private final Status status;
  private final ImmutableMap<String, String> versions;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final ImmutableMap<String, Long> counters;
  private final ImmutableList<String> commitInstants;
  private final Map<String, Object> checkpointBefore;
  private final Map<String, Object> checkpointAfter;
  private final ImmutableList<String> inputs;
  private final ImmutableList<String> errors;
  private final ImmutableList<String> warnings;
  private final ImmutableMap<String, String> details;
  private final ImmutableList<RunReport> children;

  @JsonCreator
  RunReport(@JsonProperty("schemaVersion") Integer schemaVersion, @JsonProperty("operation") String operation,
      @JsonProperty("name") String name, @JsonProperty("source") String source,
      @JsonProperty("target") String target, @JsonProperty("status") Status status,
      @JsonProperty("versions") Map<String, String> versions, @JsonProperty("startedAt") Instant startedAt,
      @JsonProperty("finishedAt") Instant finishedAt, @JsonProperty("counters") Map<String, Long> counters,
      @JsonProperty("commitInstants") List<String> commitInstants,
      @JsonProperty("checkpointBefore") Map<String, Object> checkpointBefore,
      @JsonProperty("checkpointAfter") Map<String, Object> checkpointAfter,
      @JsonProperty("inputs") List<String> inputs, @JsonProperty("errors") List<String> errors,
      @JsonProperty("warnings") List<String> warnings, @JsonProperty("details") Map<String, String> details,
      @JsonProperty("children") List<RunReport> children) {
    // a report without a version predates v1 (its fields are a subset of v1's)
    this.schemaVersion = schemaVersion == null ? 0 : schemaVersion;
    this.operation = operation;
    this.name = name;
    this.source = source;
    this.target = target;
    this.status = status;
    this.versions = versions == null ? ImmutableMap.of() : ImmutableMap.copyOf(versions);
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.counters = counters == null ? ImmutableMap.of() : ImmutableMap.copyOf(counters);
    this.commitInstants = commitInstants == null ? ImmutableList.of() : ImmutableList.copyOf(commitInstants);
    this.checkpointBefore = jsonObject(checkpointBefore);
    this.checkpointAfter = jsonObject(checkpointAfter);
    this.inputs = inputs == null ? ImmutableList.of() : ImmutableList.copyOf(inputs);
    this.errors = errors == null ? ImmutableList.of() : ImmutableList.copyOf(errors);
    this.warnings = warnings == null ? ImmutableList.of() : ImmutableList.copyOf(warnings);
    this.details = details == null ? ImmutableMap.of() : ImmutableMap.copyOf(details);
    this.children = children == null ? ImmutableList.of() : ImmutableList.copyOf(children);
  }

  /** A builder whose run starts now, for a run that writes to {@code target}. */
  public static Builder builder(String operation, String target) {
    return new Builder(operation).target(Preconditions.checkNotNull(target, "target"));
  }

  /** A builder whose run starts now, with no single target (e.g. a run over many tables). */
  public static Builder builder(String operation) {
    return new Builder(operation);
  }

  /** Reads a report from its JSON form; unknown fields are ignored (a newer minor form). */
  public static RunReport fromJson(String json) {
    try {
      return JSON.readValue(json, RunReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run report: " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON form (indented), schema {@value #SCHEMA_VERSION}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema version of this report's JSON form: {@value #SCHEMA_VERSION}; 0 for reports read from older JSON. */
  @JsonProperty public int schemaVersion() { return schemaVersion; }
  @JsonProperty public String operation() { return operation; }

  /** What the report is about (a table's {@code schema.table}, a table identifier); the target when not set. */
  public String name() {
    return name != null ? name : target;
  }

  @JsonProperty("name") String nameField() { return name; }

  /** Where the run read its input (a URI), or null when it has none of its own. */
  @JsonProperty public String source() { return source; }

  /** What the run wrote to (a table's base path, a URI), or null for a run over many targets. */
  @JsonProperty public String target() { return target; }
  @JsonProperty public Status status() { return status; }

  /** {@code lakesmith} and {@code hudi}: the versions that made the run. */
  @JsonProperty public Map<String, String> versions() { return versions; }
  @JsonProperty public Instant startedAt() { return startedAt; }
  @JsonProperty public Instant finishedAt() { return finishedAt; }
  @JsonProperty public Map<String, Long> counters() { return counters; }

  /** The Hudi instants this run committed, in commit order. */
  @JsonProperty public List<String> commitInstants() { return commitInstants; }

  /** Where in its source the target stood before the run (a JSON object; empty when not recorded). */
  @JsonProperty public Map<String, Object> checkpointBefore() { return checkpointBefore; }

  /** Where in its source the target stands after the run (a JSON object; empty when not recorded). */
  @JsonProperty public Map<String, Object> checkpointAfter() { return checkpointAfter; }

  /** Inputs read (file or object URIs), in the order they were processed. */
  @JsonProperty public List<String> inputs() { return inputs; }
  @JsonProperty public List<String> errors() { return errors; }
  /** Things to look at that did not fail the run; see the class comment. */
  @JsonProperty public List<String> warnings() { return warnings; }
  @JsonProperty public Map<String, String> details() { return details; }
  @JsonProperty public List<RunReport> children() { return children; }

  /** The run's wall-clock duration. */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  @JsonProperty("durationMillis")
  public long durationMillis() {
    return duration().toMillis();
  }

  /** A counter's value; 0 when never counted. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RunReport)) {
      return false;
    }
    RunReport r = (RunReport) o;
    return schemaVersion == r.schemaVersion && Objects.equals(operation, r.operation) && Objects.equals(name, r.name)
        && Objects.equals(source, r.source) && Objects.equals(target, r.target) && status == r.status
        && versions.equals(r.versions) && Objects.equals(startedAt, r.startedAt)
        && Objects.equals(finishedAt, r.finishedAt) && counters.equals(r.counters)
        && commitInstants.equals(r.commitInstants) && checkpointBefore.equals(r.checkpointBefore)
        && checkpointAfter.equals(r.checkpointAfter) && inputs.equals(r.inputs) && errors.equals(r.errors)
        && warnings.equals(r.warnings) && details.equals(r.details) && children.equals(r.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, name, target, status, startedAt, counters);
  }

  @Override
  public String toString() {
    return operation + " " + (name() != null ? name() : source) + ": " + status + " in " + durationMillis() + " ms " + counters
        + (errors.isEmpty() ? "" : " errors=" + errors) + (warnings.isEmpty() ? "" : " warnings=" + warnings);
  }

  /** An unmodifiable copy in which JSON integers are longs, so a report equals itself read back from JSON. */
  private static Map<String, Object> jsonObject(Map<String, ?> m) {
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(k, jsonValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object jsonValue(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) v;
      return jsonObject(m);
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      ((List<?>) v).forEach(e -> l.add(jsonValue(e)));
      return Collections.unmodifiableList(l);
    }
    Preconditions.checkArgument(v == null || v instanceof String || v instanceof Number || v instanceof Boolean,
        "not a JSON value: %s", v);
    return v;
  }

  /**
   * Accumulates a report while a run goes on. Thread-safe, so listeners on worker threads may count.
   */
  public static final class Builder {
    private final String operation;
    private final Instant startedAt = Instant.now();
    private String name;
    private String source;
    private String target;
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final List<String> commitInstants = new ArrayList<>();
    private Map<String, Object> checkpointBefore;
    private Map<String, Object> checkpointAfter;
    private final List<String> inputs = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<RunReport> children = new ArrayList<>();

    private Builder(String operation) {
      this.operation = Preconditions.checkNotNull(operation, "operation");
    }

    /** What the report is about when that is not the target (e.g. the DMS table {@code hr.employees}). */
    public synchronized Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Where the run reads its input (a URI). */
    public synchronized Builder source(String value) {
      this.source = value;
      return this;
    }

    /** What the run writes to (a base path, a URI). */
    public synchronized Builder target(String value) {
      this.target = value;
      return this;
    }

    public synchronized Builder add(String counter, long delta) {
      counters.merge(counter, delta, Long::sum);
      return this;
    }

    public synchronized long counter(String counter) {
      return counters.getOrDefault(counter, 0L);
    }

    /** Records a committed Hudi instant. */
    public synchronized Builder commitInstant(String instant) {
      commitInstants.add(Preconditions.checkNotNull(instant, "instant"));
      return this;
    }

    /** Where the target stood in its source before the run: a JSON object of strings, numbers, booleans. */
    public synchronized Builder checkpointBefore(Map<String, ?> value) {
      this.checkpointBefore = jsonObject(value);
      return this;
    }

    /** Where the target stands in its source after the run: a JSON object of strings, numbers, booleans. */
    public synchronized Builder checkpointAfter(Map<String, ?> value) {
      this.checkpointAfter = jsonObject(value);
      return this;
    }

    /** Records an input read (a URI, e.g. {@code s3://bucket/dms/hr/employees/LOAD00000001.csv}). */
    public synchronized Builder input(String input) {
      inputs.add(input);
      return this;
    }

    public synchronized Builder error(String error) {
      errors.add(error);
      return this;
    }

    /** Records a warning (see the class comment): the run then ends {@link Status#SUCCEEDED_WITH_WARNINGS}. */
    public synchronized Builder warning(String warning) {
      warnings.add(warning);
      return this;
    }

    public synchronized Builder detail(String key, String value) {
      details.put(key, value);
      return this;
    }

    public synchronized Builder child(RunReport child) {
      children.add(child);
      return this;
    }

    public synchronized boolean hasErrors() {
      return !errors.isEmpty();
    }

    public synchronized boolean hasWarnings() {
      return !warnings.isEmpty();
    }

    /** The finished report; its status follows the rules of the class comment. */
    public synchronized RunReport finish() {
      Status status;
      if (!errors.isEmpty()) {
        status = Status.FAILED;
      } else if (children.stream().anyMatch(c -> !c.status().isSuccess())) {
        status = children.stream().allMatch(c -> c.status() == Status.FAILED) ? Status.FAILED : Status.PARTIAL;
      } else if (!warnings.isEmpty() || counter(ROWS_QUARANTINED) > 0
          || children.stream().anyMatch(c -> c.status() == Status.SUCCEEDED_WITH_WARNINGS)) {
        status = Status.SUCCEEDED_WITH_WARNINGS;
      } else {
        status = Status.SUCCEEDED;
      }
      Map<String, String> versions = new LinkedHashMap<>();
      versions.put("lakesmith", LakesmithVersion.lakesmith());
      versions.put("hudi", LakesmithVersion.hudi());
      return new RunReport(SCHEMA_VERSION, operation, name, source, target, status, versions, startedAt,
          Instant.now(), counters, commitInstants, checkpointBefore, checkpointAfter, inputs, errors, warnings,
          details, children);
    }
  }
}

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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run did to one target (a table, a prefix): counters (rows read, written, skipped, quarantined,
 * commits, ...), the inputs it read, errors, warnings, free-form details (e.g. the checkpoint), timings and, for
 * runs over many targets, one child report per target. Immutable; serializes to and from JSON.
 *
 * <p>A warning is something a person should look at that did not stop the run (an object that is not a DMS file,
 * a table without files, a part of a file set aside): it does not change the {@link #status()}.
 *
 * <p>Counter names are free, but the ones in this class's constants mean the same in every module.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(value = "durationMillis", allowGetters = true)
@JsonPropertyOrder({"operation", "target", "status", "startedAt", "finishedAt", "durationMillis", "counters",
    "inputs", "errors", "warnings", "details", "children"})
public final class RunReport {

  public static final String ROWS_READ = "rowsRead";
  public static final String ROWS_WRITTEN = "rowsWritten";
  public static final String ROWS_SKIPPED = "rowsSkipped";
  public static final String ROWS_QUARANTINED = "rowsQuarantined";
  public static final String FILES_READ = "filesRead";
  public static final String FILES_SKIPPED = "filesSkipped";
  public static final String COMMITS = "commits";

  /** Outcome of a run. */
  public enum Status { SUCCEEDED, PARTIAL, FAILED }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  private final String operation;
  private final String target;
  private final Status status;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final ImmutableMap<String, Long> counters;
  private final ImmutableList<String> inputs;
  private final ImmutableList<String> errors;
  private final ImmutableList<String> warnings;
  private final ImmutableMap<String, String> details;
  private final ImmutableList<RunReport> children;

  @JsonCreator
  RunReport(@JsonProperty("operation") String operation, @JsonProperty("target") String target,
      @JsonProperty("status") Status status, @JsonProperty("startedAt") Instant startedAt,
      @JsonProperty("finishedAt") Instant finishedAt, @JsonProperty("counters") Map<String, Long> counters,
      @JsonProperty("inputs") List<String> inputs, @JsonProperty("errors") List<String> errors,
      @JsonProperty("warnings") List<String> warnings, @JsonProperty("details") Map<String, String> details,
      @JsonProperty("children") List<RunReport> children) {
    this.operation = operation;
    this.target = target;
    this.status = status;
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.counters = counters == null ? ImmutableMap.of() : ImmutableMap.copyOf(counters);
    this.inputs = inputs == null ? ImmutableList.of() : ImmutableList.copyOf(inputs);
    this.errors = errors == null ? ImmutableList.of() : ImmutableList.copyOf(errors);
    this.warnings = warnings == null ? ImmutableList.of() : ImmutableList.copyOf(warnings);
    this.details = details == null ? ImmutableMap.of() : ImmutableMap.copyOf(details);
    this.children = children == null ? ImmutableList.of() : ImmutableList.copyOf(children);
  }

  /** A builder whose run starts now. */
  public static Builder builder(String operation, String target) {
    return new Builder(operation, target);
  }

  public static RunReport fromJson(String json) {
    try {
      return JSON.readValue(json, RunReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run report: " + e.getOriginalMessage(), e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @JsonProperty public String operation() { return operation; }
  @JsonProperty public String target() { return target; }
  @JsonProperty public Status status() { return status; }
  @JsonProperty public Instant startedAt() { return startedAt; }
  @JsonProperty public Instant finishedAt() { return finishedAt; }
  @JsonProperty public Map<String, Long> counters() { return counters; }
  /** Inputs read (files, objects), in the order they were processed. */
  @JsonProperty public List<String> inputs() { return inputs; }
  @JsonProperty public List<String> errors() { return errors; }
  /** Things to look at that did not fail the run; see the class comment. */
  @JsonProperty public List<String> warnings() { return warnings; }
  @JsonProperty public Map<String, String> details() { return details; }
  @JsonProperty public List<RunReport> children() { return children; }

  @JsonProperty("durationMillis")
  public long durationMillis() {
    return Duration.between(startedAt, finishedAt).toMillis();
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
    return Objects.equals(operation, r.operation) && Objects.equals(target, r.target) && status == r.status
        && Objects.equals(startedAt, r.startedAt) && Objects.equals(finishedAt, r.finishedAt)
        && counters.equals(r.counters) && inputs.equals(r.inputs) && errors.equals(r.errors)
        && warnings.equals(r.warnings) && details.equals(r.details) && children.equals(r.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, target, status, startedAt, counters);
  }

  @Override
  public String toString() {
    return operation + " " + target + ": " + status + " in " + durationMillis() + " ms " + counters
        + (errors.isEmpty() ? "" : " errors=" + errors) + (warnings.isEmpty() ? "" : " warnings=" + warnings);
  }

  /**
   * Accumulates a report while a run goes on. Thread-safe, so listeners on worker threads may count.
   */
  public static final class Builder {
    private final String operation;
    private final String target;
    private final Instant startedAt = Instant.now();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<RunReport> children = new ArrayList<>();

    private Builder(String operation, String target) {
      this.operation = Preconditions.checkNotNull(operation, "operation");
      this.target = Preconditions.checkNotNull(target, "target");
    }

    public synchronized Builder add(String counter, long delta) {
      counters.merge(counter, delta, Long::sum);
      return this;
    }

    public synchronized long counter(String counter) {
      return counters.getOrDefault(counter, 0L);
    }

    public synchronized Builder input(String input) {
      inputs.add(input);
      return this;
    }

    public synchronized Builder error(String error) {
      errors.add(error);
      return this;
    }

    /** Records a warning (see the class comment); it does not change the status. */
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

    /**
     * The finished report: FAILED when this run recorded errors, PARTIAL when only some children
     * failed, SUCCEEDED otherwise.
     */
    public synchronized RunReport finish() {
      Status status;
      if (!errors.isEmpty()) {
        status = Status.FAILED;
      } else if (children.stream().anyMatch(c -> c.status() != Status.SUCCEEDED)) {
        status = children.stream().allMatch(c -> c.status() == Status.FAILED) ? Status.FAILED : Status.PARTIAL;
      } else {
        status = Status.SUCCEEDED;
      }
      return new RunReport(operation, target, status, startedAt, Instant.now(), counters, inputs, errors, warnings, details,
          children);
    }
  }
}

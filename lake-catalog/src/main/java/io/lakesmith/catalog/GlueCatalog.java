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
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Lakesmith's tables in the AWS Glue Data Catalog, replacing Glue crawlers and Hudi's Glue sync. One instance
 * holds one {@link GlueClient} built from {@link AwsSettings} (region, endpoint override, credentials, API call
 * timeout) with this catalog's {@link RetryPolicy}; it is thread-safe and should be closed.
 *
 * <pre>{@code
 * try (GlueCatalog catalog = GlueCatalog.builder().aws(settings).catalogId("123456789012").build()) {
 *   SyncResult r = catalog.syncHudiTable(spec).execute();               // after each Hudi commit
 *   catalog.registerTable(bronzeDefinition).execute();                  // DMS raw CSV, Tier-2 Parquet
 * }
 * }</pre>
 *
 * <h2>Glue table shapes</h2>
 * Every table: {@code TableType=EXTERNAL_TABLE}, parameters {@code EXTERNAL=TRUE} and
 * {@code lakesmith.table.kind=<kind>}, data columns in the storage descriptor, partition keys apart.
 * <ul>
 *   <li>{@link TableKind#HUDI_COW} (table {@code <name>}) and {@link TableKind#HUDI_MOR} ({@code <name>_ro} and
 *       {@code <name>_rt}), as Hudi's own sync writes them: input format
 *       {@code org.apache.hudi.hadoop.HoodieParquetInputFormat} ({@code _rt}:
 *       {@code org.apache.hudi.hadoop.realtime.HoodieParquetRealtimeInputFormat}), output format
 *       {@code org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat}, serde
 *       {@code org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe} with {@code serialization.format=1},
 *       {@code path=<s3:// base path>}, {@code hoodie.query.as.ro.table=true} for {@code _ro} (false otherwise);
 *       parameters {@code spark.sql.sources.provider=hudi}, {@code spark.sql.sources.schema.numParts},
 *       {@code spark.sql.sources.schema.part.N} (Spark schema JSON, data then partition columns, 4000-character
 *       parts), {@code spark.sql.sources.schema.numPartCols}, {@code spark.sql.sources.schema.partCol.N},
 *       {@code hudi.metadata-listing-enabled=FALSE}, {@code last_commit_time_sync},
 *       {@code last_commit_completion_time_sync}; location {@code s3://} (never s3a).</li>
 *   <li>{@link TableKind#PARQUET}: {@code MapredParquetInputFormat} / {@code MapredParquetOutputFormat} /
 *       {@code ParquetHiveSerDe} ({@code serialization.format=1}), {@code classification=parquet}.</li>
 *   <li>{@link TableKind#DMS_CSV}: {@code org.apache.hadoop.mapred.TextInputFormat} /
 *       {@code org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat}; quoted files (DMS default) with
 *       {@code org.apache.hadoop.hive.serde2.OpenCSVSerde} ({@code separatorChar, quoteChar, escapeChar}), unquoted
 *       with {@code org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe} ({@code field.delim},
 *       {@code serialization.format}, {@code serialization.null.format}); parameters {@code classification=csv},
 *       {@code delimiter}, {@code areColumnsQuoted}, {@code skip.header.line.count=1} with a header row; the DMS
 *       {@code Op} column first when enabled; date-partition folders as partition keys
 *       ({@link PartitionLayout#VALUES_ONLY}). Files at the table root (DMS full-load files) are in no partition:
 *       register them as a separate table or give full load its own folder.</li>
 * </ul>
 * Partitions copy the table's storage descriptor with their own location ({@code <table location>/<folders>}).
 *
 * <h2>Schema evolution</h2>
 * Existing columns keep their position, name and comment (a new comment replaces it only when one is given); new
 * columns are appended; types are widened in place ({@code int->bigint}, {@code float->double},
 * {@code decimal(p,s)} to more precision, struct fields appended, array/map element types widened); any narrowing
 * or incompatible change throws {@link SchemaEvolutionException} naming table, column, old and new type, before any
 * write. Columns that disappeared from the data stay in Glue (readers get nulls). Partition keys never change.
 *
 * <h2>Concurrency, limits, idempotence</h2>
 * UpdateTable always carries the {@code VersionId} that was read and {@code SkipArchive} ({@code true} by default:
 * no table version is archived, so the 100,000-versions limit is never reached); on
 * {@code ConcurrentModificationException} the table is re-read and the change re-applied on top of the other
 * writer's. Throttling and 5xx are retried by the client ({@link RetryPolicy}). Partition calls stay within Glue's
 * limits (BatchCreatePartition/BatchUpdatePartition 100, BatchDeletePartition 25, BatchGetPartition 1000);
 * GetPartitions follows {@code NextToken} and can run in parallel segments. Every call carries the configured
 * catalog id (no STS call is made). A table is written only when something Lakesmith owns in it differs, so a
 * repeated sync makes no write call and creates no table version; foreign table and serde parameters are kept.
 */
public final class GlueCatalog implements AutoCloseable {

  private final AwsSettings aws;
  private final String catalogId;
  private final boolean skipArchive;
  private final int concurrentModificationRetries;
  private final Duration concurrentModificationBackoff;
  private final int partitionPageSize;
  private final int partitionSegments;
  private final GlueClient glue;

  private GlueCatalog(Builder b) {
    this.aws = b.aws;
    this.catalogId = b.catalogId;
    this.skipArchive = b.skipArchive;
    this.concurrentModificationRetries = b.concurrentModificationRetries;
    this.concurrentModificationBackoff = b.concurrentModificationBackoff;
    this.partitionPageSize = b.partitionPageSize;
    this.partitionSegments = b.partitionSegments;
    RetryPolicy retry = b.retryPolicy != null ? b.retryPolicy
        : RetryPolicy.of(aws.maxAttempts(), RetryPolicy.defaults().baseDelay(), RetryPolicy.defaults().throttlingBaseDelay(),
            RetryPolicy.defaults().maxDelay());
    ClientOverrideConfiguration.Builder oc = aws.overrideConfiguration().toBuilder()
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(retry.maxAttempts())
            .backoffStrategy(BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay()))
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retry.throttlingBaseDelay(), retry.maxDelay()))
            .circuitBreakerEnabled(false)
            .build())
        .addExecutionInterceptor(new CallStats.AttemptCounter());
    b.interceptors.forEach(oc::addExecutionInterceptor);
    var gb = GlueClient.builder()
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(16, partitionSegments * 2)))
        .credentialsProvider(aws.credentialsProvider())
        .overrideConfiguration(oc.build());
    aws.region().ifPresent(gb::region);
    aws.endpoint().ifPresent(gb::endpointOverride);
    this.glue = gb.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers (creates or updates) the Glue table(s) of a definition and syncs their partitions with the folders
   * found under its location. See {@link RegisterTableAction}.
   */
  public RegisterTableAction registerTable(TableDefinition definition) {
    return new RegisterTableAction(this, definition);
  }

  /** Registers a table of a {@link TableSpec}: {@code registerTable(TableDefinition.fromSpec(spec))}. */
  public RegisterTableAction registerTable(TableSpec spec) {
    return registerTable(TableDefinition.fromSpec(spec));
  }

  /**
   * Registers a Hudi table (read from its base path) and syncs what changed since the last synced commit. See
   * {@link HudiSyncAction}.
   */
  public HudiSyncAction syncHudiTable(TableSpec spec) {
    return new HudiSyncAction(this, spec);
  }

  /** The catalog id sent with every call; empty means the caller's account. */
  public Optional<String> catalogId() {
    return Optional.ofNullable(catalogId);
  }

  AwsSettings aws() {
    return aws;
  }

  boolean skipArchive() {
    return skipArchive;
  }

  int concurrentModificationRetries() {
    return concurrentModificationRetries;
  }

  Duration concurrentModificationBackoff() {
    return concurrentModificationBackoff;
  }

  GlueOps newOps(CallStats stats) {
    return new GlueOps(glue, catalogId, stats, partitionPageSize, partitionSegments);
  }

  @Override
  public void close() {
    glue.close();
  }

  @Override
  public String toString() {
    return "GlueCatalog{catalogId=" + catalogId + ", " + aws + "}";
  }

  /** Builder of {@link GlueCatalog}. */
  public static final class Builder {
    private AwsSettings aws;
    private String catalogId;
    private boolean skipArchive = true;
    private RetryPolicy retryPolicy;
    private int concurrentModificationRetries = 8;
    private Duration concurrentModificationBackoff = Duration.ofMillis(200);
    private int partitionPageSize = 1000;
    private int partitionSegments = 1;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();

    private Builder() {}

    /** Where Glue is (region, endpoint override, credentials); required. */
    public Builder aws(AwsSettings value) {
      this.aws = Preconditions.checkNotNull(value, "aws");
      return this;
    }

    /** The AWS account id of the catalog (another account's catalog, or to avoid any account lookup). */
    public Builder catalogId(String value) {
      Preconditions.checkArgument(value == null || value.matches("[0-9]{12}|[A-Za-z0-9:_/-]+"), "bad catalog id %s", value);
      this.catalogId = value;
      return this;
    }

    /** Whether UpdateTable skips archiving the previous table version (default true). */
    public Builder skipArchive(boolean value) {
      this.skipArchive = value;
      return this;
    }

    /** Retries on throttling and 5xx (default: {@link AwsSettings#maxAttempts()} attempts, 100 ms/500 ms base, 20 s cap). */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Preconditions.checkNotNull(value, "retryPolicy");
      return this;
    }

    /** How often a table update is re-applied after ConcurrentModificationException (default 8). */
    public Builder concurrentModificationRetries(int value) {
      Preconditions.checkArgument(value >= 0, "concurrentModificationRetries must be >= 0, got %s", value);
      this.concurrentModificationRetries = value;
      return this;
    }

    /** Base of the jittered wait before re-applying after a concurrent modification (default 200 ms). */
    public Builder concurrentModificationBackoff(Duration value) {
      Preconditions.checkArgument(!value.isNegative(), "backoff must not be negative");
      this.concurrentModificationBackoff = value;
      return this;
    }

    /** GetPartitions page size, {@code MaxResults} 1..1000 (default 1000). */
    public Builder partitionPageSize(int value) {
      Preconditions.checkArgument(value >= 1 && value <= 1000, "partitionPageSize must be 1..1000, got %s", value);
      this.partitionPageSize = value;
      return this;
    }

    /** Parallel GetPartitions segments, 1..10 (default 1: no segments). */
    public Builder partitionSegments(int value) {
      Preconditions.checkArgument(value >= 1 && value <= 10, "partitionSegments must be 1..10, got %s", value);
      this.partitionSegments = value;
      return this;
    }

    /** An SDK interceptor on the catalog's Glue client (metrics, auditing, tests). */
    public Builder addInterceptor(ExecutionInterceptor value) {
      interceptors.add(Preconditions.checkNotNull(value, "interceptor"));
      return this;
    }

    public GlueCatalog build() {
      Preconditions.checkState(aws != null, "aws settings are required");
      return new GlueCatalog(this);
    }
  }
}

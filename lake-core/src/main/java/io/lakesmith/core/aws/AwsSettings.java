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

package io.lakesmith.core.aws;

import com.google.common.base.Preconditions;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * How to reach AWS (or an S3/Glue-compatible endpoint): region, optional endpoint override, credentials,
 * path-style addressing, checksum mode and retries. Immutable; one instance is shared by the S3 object
 * store, the Hadoop/Hudi adapter ({@code s3a://}) and the Glue catalog client so they all talk to the same place.
 *
 * <p>{@link #defaults()} uses the SDK's default region and credential chains against real AWS.
 */
public final class AwsSettings {

  private final Region region;
  private final URI endpoint;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;
  private final boolean pathStyle;
  private final boolean checksumsWhenRequired;
  private final int maxAttempts;
  private final Duration apiCallTimeout;

  private AwsSettings(Builder b) {
    this.region = b.region;
    this.endpoint = b.endpoint;
    this.accessKeyId = b.accessKeyId;
    this.secretAccessKey = b.secretAccessKey;
    this.sessionToken = b.sessionToken;
    this.pathStyle = b.pathStyle;
    this.checksumsWhenRequired = b.checksumsWhenRequired;
    this.maxAttempts = b.maxAttempts;
    this.apiCallTimeout = b.apiCallTimeout;
  }

  public static AwsSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.region = region;
    b.endpoint = endpoint;
    b.accessKeyId = accessKeyId;
    b.secretAccessKey = secretAccessKey;
    b.sessionToken = sessionToken;
    b.pathStyle = pathStyle;
    b.checksumsWhenRequired = checksumsWhenRequired;
    b.maxAttempts = maxAttempts;
    b.apiCallTimeout = apiCallTimeout;
    return b;
  }

  /** The region, when set; otherwise the SDK's default region chain decides. */
  public Optional<Region> region() {
    return Optional.ofNullable(region);
  }

  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Static credentials, when given; otherwise the SDK default chain is used. */
  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  public Optional<String> secretAccessKey() {
    return Optional.ofNullable(secretAccessKey);
  }

  public Optional<String> sessionToken() {
    return Optional.ofNullable(sessionToken);
  }

  public boolean pathStyle() {
    return pathStyle;
  }

  /** Send and validate checksums only when an operation requires them (for S3-compatible stores). */
  public boolean checksumsWhenRequired() {
    return checksumsWhenRequired;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public AwsCredentialsProvider credentialsProvider() {
    if (accessKeyId == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(sessionToken == null
        ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
        : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
  }

  /**
   * Client configuration shared by every SDK client Lakesmith builds: standard retry mode (exponential
   * backoff with jitter on throttling, 5xx and S3 503 SlowDown) with {@link #maxAttempts()} attempts.
   */
  public ClientOverrideConfiguration overrideConfiguration() {
    ClientOverrideConfiguration.Builder c = ClientOverrideConfiguration.builder()
        .retryStrategy(RetryMode.STANDARD)
        .retryStrategy(b -> b.maxAttempts(maxAttempts));
    if (apiCallTimeout != null) {
      c.apiCallTimeout(apiCallTimeout);
    }
    return c.build();
  }

  /** A new S3 client for these settings; the caller owns (closes) it. */
  public S3Client newS3Client() {
    var b = S3Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
        .credentialsProvider(credentialsProvider())
        .overrideConfiguration(overrideConfiguration())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    if (region != null) {
      b.region(region);
    }
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    if (checksumsWhenRequired) {
      b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AwsSettings)) {
      return false;
    }
    AwsSettings s = (AwsSettings) o;
    return Objects.equals(region, s.region) && Objects.equals(endpoint, s.endpoint)
        && Objects.equals(accessKeyId, s.accessKeyId) && Objects.equals(secretAccessKey, s.secretAccessKey)
        && Objects.equals(sessionToken, s.sessionToken) && pathStyle == s.pathStyle
        && checksumsWhenRequired == s.checksumsWhenRequired && maxAttempts == s.maxAttempts
        && Objects.equals(apiCallTimeout, s.apiCallTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, endpoint, accessKeyId, pathStyle, checksumsWhenRequired, maxAttempts);
  }

  @Override
  public String toString() {
    return "AwsSettings{region=" + region + ", endpoint=" + endpoint + ", staticCredentials=" + (accessKeyId != null)
        + ", pathStyle=" + pathStyle + ", checksumsWhenRequired=" + checksumsWhenRequired
        + ", maxAttempts=" + maxAttempts + "}";
  }

  /** Builder of {@link AwsSettings}. */
  public static final class Builder {
    private Region region;
    private URI endpoint;
    private String accessKeyId;
    private String secretAccessKey;
    private String sessionToken;
    private boolean pathStyle;
    private boolean checksumsWhenRequired;
    private int maxAttempts = 8;
    private Duration apiCallTimeout;

    private Builder() {}

    public Builder region(String value) {
      this.region = value == null ? null : Region.of(value);
      return this;
    }

    /** Endpoint override for S3/Glue-compatible services (emulators, VPC endpoints, other S3 stores). */
    public Builder endpoint(URI value) {
      this.endpoint = value;
      return this;
    }

    public Builder endpoint(String value) {
      return endpoint(value == null ? null : URI.create(value));
    }

    public Builder staticCredentials(String accessKey, String secretKey) {
      Preconditions.checkArgument(accessKey != null && secretKey != null, "access key and secret key are both required");
      this.accessKeyId = accessKey;
      this.secretAccessKey = secretKey;
      return this;
    }

    public Builder sessionToken(String value) {
      this.sessionToken = value;
      return this;
    }

    public Builder pathStyle(boolean value) {
      this.pathStyle = value;
      return this;
    }

    public Builder checksumsWhenRequired(boolean value) {
      this.checksumsWhenRequired = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      Preconditions.checkArgument(value >= 1, "maxAttempts must be >= 1, got %s", value);
      this.maxAttempts = value;
      return this;
    }

    public Builder apiCallTimeout(Duration value) {
      this.apiCallTimeout = value;
      return this;
    }

    public AwsSettings build() {
      Preconditions.checkArgument(sessionToken == null || accessKeyId != null, "sessionToken needs static credentials");
      return new AwsSettings(this);
    }
  }
}

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

package io.lakesmith.testing;

import io.lakesmith.core.aws.AwsSettings;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS endpoint tests talk to, shared by every test in the JVM: a moto server started on first use on a
 * free loopback port, or, when the environment variable {@code LAKE_TEST_AWS_ENDPOINT} is set, that endpoint
 * (LocalStack Pro, real AWS: then credentials and region come from the usual AWS variables).
 *
 * <p>Tests get ready SDK clients ({@link #s3()}, {@link #glue()}) and the {@link AwsSettings} that Lakesmith
 * components take. Use {@link AwsEmulatorExtension} to reset emulator state between test classes, and unique
 * bucket names ({@link #uniqueBucket}) within a class.
 */
public final class AwsEmulator {

  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "testing";
  public static final String SECRET_KEY = "testing";

  private static AwsEmulator instance;

  private final MotoServer moto;
  private final AwsSettings settings;
  private final S3Client s3;
  private final GlueClient glue;

  private AwsEmulator(MotoServer moto, AwsSettings settings) {
    this.moto = moto;
    this.settings = settings;
    this.s3 = settings.newS3Client();
    var g = GlueClient.builder().credentialsProvider(settings.credentialsProvider())
        .overrideConfiguration(settings.overrideConfiguration());
    settings.region().ifPresent(g::region);
    settings.endpoint().ifPresent(g::endpointOverride);
    this.glue = g.build();
  }

  /** The shared emulator, started on first call. Throws when it cannot be started (never skips). */
  public static synchronized AwsEmulator get() {
    if (instance == null) {
      String external = System.getenv("LAKE_TEST_AWS_ENDPOINT");
      if (external != null && !external.isBlank()) {
        String access = System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        String secret = System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        AwsSettings.Builder b = AwsSettings.builder().endpoint(URI.create(external)).pathStyle(true)
            .region(System.getenv().getOrDefault("AWS_REGION", REGION)).staticCredentials(access, secret);
        if (System.getenv("AWS_SESSION_TOKEN") != null) {
          b.sessionToken(System.getenv("AWS_SESSION_TOKEN"));
        }
        instance = new AwsEmulator(null, b.build());
      } else {
        MotoServer moto = MotoServer.start();
        instance = new AwsEmulator(moto, AwsSettings.builder().endpoint(moto.endpoint()).pathStyle(true)
            .region(REGION).staticCredentials(ACCESS_KEY, SECRET_KEY).maxAttempts(3).build());
      }
    }
    return instance;
  }

  public URI endpoint() {
    return settings.endpoint().orElseThrow();
  }

  /** Settings pointing at the emulator: endpoint override, path-style, static test credentials, region. */
  public AwsSettings settings() {
    return settings;
  }

  /** A shared S3 client (do not close). */
  public S3Client s3() {
    return s3;
  }

  /** A shared Glue client (do not close). */
  public GlueClient glue() {
    return glue;
  }

  /** Whether this is the local moto server (so emulator-only facilities like reset exist). */
  public boolean isMoto() {
    return moto != null;
  }

  /** Creates a bucket (no-op if it already exists and is ours) and returns its name. */
  public String createBucket(String name) {
    try {
      s3.createBucket(r -> r.bucket(name));
    } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException e) {
      // fine: same test class asked twice
    }
    return name;
  }

  /** A new bucket with a unique name starting with {@code prefix}. */
  public String uniqueBucket(String prefix) {
    return createBucket((prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase());
  }

  /** Clears all emulator state; a no-op against an external endpoint (tests use unique names there). */
  public void reset() {
    if (moto != null) {
      moto.reset();
    }
  }
}

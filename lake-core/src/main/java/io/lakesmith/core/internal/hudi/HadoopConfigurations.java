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

package io.lakesmith.core.internal.hudi;

import com.google.common.base.Preconditions;
import io.lakesmith.core.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Hadoop {@link Configuration}s for the file systems Lakesmith's Hudi tables live on: the local file system
 * ({@code file:}) and S3 through {@code s3a://}, configured from the same {@link AwsSettings} as Lakesmith's own
 * SDK clients so that Hudi and Lakesmith talk to the same endpoint with the same credentials.
 *
 * <p>The returned configuration holds Hadoop's built-in defaults ({@code core-default.xml}) but does not read
 * {@code core-site.xml} from the class path (a stray site file must not silently redirect a table), and each call
 * returns a new, mutable copy
 * that the caller owns. Hadoop caches one file system per scheme, bucket and user: Hudi opens file systems
 * many times per commit and a new S3A instance per call would cost a client and thread pools each time. The
 * flip side is that within one JVM the first configuration used for a bucket wins; use one {@code AwsSettings}
 * per bucket.
 *
 * <p>What {@link #forSettings(AwsSettings)} sets for {@code s3a}:
 * <ul>
 *   <li>endpoint override, path-style access and TLS on/off from the endpoint's scheme;
 *   <li>region ({@code fs.s3a.endpoint.region}); when none is set, us-east-1 is used if an endpoint override is
 *       given (emulators and S3-compatible stores ignore it), otherwise the SDK's region chain decides;
 *   <li>credentials: static keys through {@code SimpleAWSCredentialsProvider} (or
 *       {@code TemporaryAWSCredentialsProvider} with a session token), otherwise the SDK v2 default chain
 *       (environment, system properties, profile, web identity, container and instance roles);
 *   <li>checksums: with {@link AwsSettings#checksumsWhenRequired()} s3a neither generates nor validates
 *       checksums beyond what an operation requires (what S3-compatible stores accept); otherwise it generates
 *       them on upload and validates them on download, as SDK 2.30+ clients do by default;
 *   <li>retries: the SDK makes {@link AwsSettings#maxAttempts()} attempts, s3a's own retry layer 3 more rounds
 *       for failures the SDK gives up on, and up to 20 for 503 SlowDown throttling; connect and socket timeouts
 *       (10 s, 60 s) fail fast on an unreachable endpoint instead of hanging for minutes.
 * </ul>
 */
public final class HadoopConfigurations {

  // Timeouts: s3a defaults are 30 s to connect and 200 s idle; fail faster on an unreachable endpoint while
  // leaving room for slow multi-MB uploads.
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
  static final int THROTTLE_RETRY_LIMIT = 20;
  static final int S3A_RETRY_LIMIT = 3;

  private HadoopConfigurations() {}

  /**
   * A configuration for local tables only ({@code file:} paths); no Hadoop resources are loaded.
   */
  public static Configuration local() {
    Configuration conf = new Configuration(false);
    // Hadoop's built-in defaults (hadoop.tmp.dir, s3a buffer dirs, ...) but no site files from the class path
    conf.addResource("core-default.xml");
    conf.set("fs.defaultFS", "file:///");
    conf.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    return conf;
  }

  /**
   * A configuration for local tables and {@code s3a://} tables reached with {@code aws}.
   */
  public static Configuration forSettings(AwsSettings aws) {
    Preconditions.checkNotNull(aws, "aws settings");
    Configuration conf = local();
    conf.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");

    aws.endpoint().ifPresent(endpoint -> {
      conf.set("fs.s3a.endpoint", endpoint.toString());
      conf.setBoolean("fs.s3a.connection.ssl.enabled", isHttps(endpoint));
    });
    conf.setBoolean("fs.s3a.path.style.access", aws.pathStyle());
    if (aws.region().isPresent()) {
      conf.set("fs.s3a.endpoint.region", aws.region().get().id());
    } else if (aws.endpoint().isPresent()) {
      // s3a needs a region to sign with when an endpoint override is given; S3-compatible stores ignore it
      conf.set("fs.s3a.endpoint.region", "us-east-1");
    }

    if (aws.accessKeyId().isPresent()) {
      conf.set("fs.s3a.access.key", aws.accessKeyId().get());
      conf.set("fs.s3a.secret.key", aws.secretAccessKey().orElseThrow());
      if (aws.sessionToken().isPresent()) {
        conf.set("fs.s3a.session.token", aws.sessionToken().get());
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
      } else {
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
      }
    } else {
      conf.set("fs.s3a.aws.credentials.provider",
          "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
    }

    boolean checksums = !aws.checksumsWhenRequired();
    conf.setBoolean("fs.s3a.checksum.generation", checksums);
    conf.setBoolean("fs.s3a.checksum.validation", checksums);

    // Two retry layers multiply: the SDK's (fs.s3a.attempts.maximum counts retries, not attempts) gets the same
    // number of attempts as Lakesmith's own clients; s3a's own layer, for failures the SDK gives up on (e.g. a
    // connection reset mid-stream), only a few more tries.
    conf.setInt("fs.s3a.attempts.maximum", aws.maxAttempts() - 1);
    conf.setInt("fs.s3a.retry.limit", S3A_RETRY_LIMIT);
    conf.set("fs.s3a.retry.interval", "500ms");
    conf.setInt("fs.s3a.retry.throttle.limit", THROTTLE_RETRY_LIMIT);
    conf.set("fs.s3a.retry.throttle.interval", "1000ms");
    conf.set("fs.s3a.connection.establish.timeout", CONNECT_TIMEOUT.toMillis() + "ms");
    conf.set("fs.s3a.connection.timeout", SOCKET_TIMEOUT.toMillis() + "ms");
    // no bucket existence probe when a file system is created: the first real request reports a missing bucket
    conf.setInt("fs.s3a.bucket.probe", 0);
    return conf;
  }

  /**
   * The {@link AwsSettings} a configuration made by {@link #forSettings} describes (endpoint, path style, region,
   * static credentials, checksum mode, attempts): for components Hudi builds from its configuration alone, such as
   * {@link ObjectStoreLockProvider}, so they reach the same S3 endpoint with the same credentials.
   */
  static AwsSettings settingsOf(Configuration conf) {
    AwsSettings.Builder b = AwsSettings.builder();
    String endpoint = conf.getTrimmed("fs.s3a.endpoint");
    if (endpoint != null && !endpoint.isEmpty()) {
      b.endpoint(endpoint.contains("://") ? endpoint
          : (conf.getBoolean("fs.s3a.connection.ssl.enabled", true) ? "https://" : "http://") + endpoint);
    }
    b.pathStyle(conf.getBoolean("fs.s3a.path.style.access", false));
    String region = conf.getTrimmed("fs.s3a.endpoint.region");
    if (region != null && !region.isEmpty()) {
      b.region(region);
    }
    String access = conf.get("fs.s3a.access.key");
    String secret = conf.get("fs.s3a.secret.key");
    if (access != null && secret != null) {
      b.staticCredentials(access, secret);
      String token = conf.get("fs.s3a.session.token");
      if (token != null) {
        b.sessionToken(token);
      }
    }
    b.checksumsWhenRequired(!conf.getBoolean("fs.s3a.checksum.validation", true));
    b.maxAttempts(Math.max(1, conf.getInt("fs.s3a.attempts.maximum", 7) + 1));
    return b.build();
  }

  private static boolean isHttps(URI endpoint) {
    String scheme = endpoint.getScheme();
    return scheme == null || scheme.toLowerCase(Locale.ROOT).equals("https");
  }
}

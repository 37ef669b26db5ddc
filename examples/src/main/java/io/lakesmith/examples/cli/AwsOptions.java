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

package io.lakesmith.examples.cli;

import io.lakesmith.core.aws.AwsSettings;
import picocli.CommandLine.Option;

/** Where S3 and Glue are: the options every command shares, turned into {@link AwsSettings}. */
final class AwsOptions {

  @Option(names = "--endpoint", paramLabel = "<url>",
      description = "S3/Glue-compatible endpoint (emulator, VPC endpoint, other S3 store); default: AWS")
  java.net.URI endpoint;

  @Option(names = "--region", paramLabel = "<region>", description = "AWS region; default: the SDK's region chain")
  String region;

  @Option(names = "--path-style", description = "Path-style S3 addressing (http://host/bucket/key)")
  boolean pathStyle;

  @Option(names = "--checksums-when-required",
      description = "Send/validate S3 checksums only when required (for S3-compatible stores that reject SDK 2.30+ "
          + "trailing checksums)")
  boolean checksumsWhenRequired;

  @Option(names = "--stacktrace", description = "Print the stack trace of an error")
  boolean stacktrace;

  AwsSettings settings() {
    AwsSettings.Builder b = AwsSettings.builder().pathStyle(pathStyle).checksumsWhenRequired(checksumsWhenRequired);
    if (region != null) {
      b.region(region);
    }
    if (endpoint != null) {
      b.endpoint(endpoint);
    }
    return b.build();
  }
}

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

package io.lakesmith.spark.internal;

import io.lakesmith.cdc.ApplyMode;
import io.lakesmith.cdc.ChangeSequencer;
import io.lakesmith.cdc.DmsFormat;
import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.hudi.HudiWriteOptions;
import io.lakesmith.core.lock.LockOptions;
import java.time.Clock;
import java.time.Duration;

/** The settings of one Spark apply run, as SparkDmsApply's builder collected them. */
public record Settings(AwsSettings aws, DmsFormat format, ApplyMode mode, long maxBytesPerCommit,
    ChangeSequencer sequencer, HudiWriteOptions writeOptions, LockOptions lockOptions, Duration deleteRetention,
    Clock clock) {}

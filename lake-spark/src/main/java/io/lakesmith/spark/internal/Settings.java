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

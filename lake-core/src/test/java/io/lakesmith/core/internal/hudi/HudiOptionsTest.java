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

import io.lakesmith.core.hudi.HudiWriteOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.aws.AwsSettings;
import io.lakesmith.core.table.TableSpec;
import io.lakesmith.core.table.TableType;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hudi.config.HoodieWriteConfig;
import org.junit.jupiter.api.Test;

/** Typed options and the Hadoop/Hudi configurations derived from them. */
class HudiOptionsTest {

  @Test
  void writeOptionDefaultsAndValidation() {
    HudiWriteOptions d = HudiWriteOptions.defaults();
    assertThat(d.indexType()).isEqualTo(HudiWriteOptions.IndexType.SIMPLE);
    assertThat(d.metadataTable()).isFalse();
    assertThat(d.compression()).isEqualTo(HudiWriteOptions.Compression.SNAPPY);
    assertThat(d.mergeMode()).isEqualTo(HudiWriteOptions.MergeMode.COMMIT_TIME_ORDERING);
    assertThat(d.updatePartitionPath()).isTrue();

    HudiWriteOptions ordered = HudiWriteOptions.builder().orderingField("seq").build();
    assertThat(ordered.mergeMode()).isEqualTo(HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING);
    assertThat(ordered.toBuilder().build()).isEqualTo(ordered);

    assertThatThrownBy(() -> HudiWriteOptions.builder().mergeMode(HudiWriteOptions.MergeMode.EVENT_TIME_ORDERING)
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an orderingField");
    assertThatThrownBy(() -> HudiWriteOptions.builder().maxFileSizeBytes(10).smallFileLimitBytes(20).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed");
  }

  @Test
  void writeConfigCarriesTheTypedOptions(@org.junit.jupiter.api.io.TempDir Path dir) {
    TableSpec cow = HudiTestTables.spec(dir, TableType.COPY_ON_WRITE, "region");
    HudiWriteOptions o = HudiWriteOptions.builder().orderingField("seq")
        .indexType(HudiWriteOptions.IndexType.GLOBAL_SIMPLE).compression(HudiWriteOptions.Compression.ZSTD)
        .smallFileLimitBytes(1000).extraOptions(Map.of("hoodie.cleaner.commits.retained", "3")).build();
    HoodieWriteConfig c = HudiConfigs.writeConfig(cow, "file:" + dir, HudiTestTables.SCHEMA, o);
    assertThat(c.getString("hoodie.index.type")).isEqualTo("GLOBAL_SIMPLE");
    assertThat(c.getString("hoodie.parquet.compression.codec")).isEqualTo("zstd");
    assertThat(c.getString("hoodie.parquet.small.file.limit")).isEqualTo("1000");
    assertThat(c.getString("hoodie.embed.timeline.server")).isEqualTo("false");
    assertThat(c.getString("hoodie.write.markers.type")).isEqualTo("DIRECT");
    assertThat(c.getString("hoodie.metadata.enable")).isEqualTo("false");
    assertThat(c.getString("hoodie.write.record.merge.mode")).isEqualTo("EVENT_TIME_ORDERING");
    assertThat(c.getString("hoodie.table.ordering.fields")).isEqualTo("seq");
    assertThat(c.getString("hoodie.datasource.write.hive_style_partitioning")).isEqualTo("true");
    assertThat(c.getString("hoodie.datasource.write.keygenerator.type")).isEqualTo("SIMPLE");
    assertThat(c.getString("hoodie.cleaner.commits.retained")).isEqualTo("3");

    TableSpec mor = cow.toBuilder().type(TableType.MERGE_ON_READ).recordKey("id", "name").build();
    HoodieWriteConfig m = HudiConfigs.writeConfig(mor, "file:" + dir, HudiTestTables.SCHEMA, o);
    assertThat(m.getString("hoodie.parquet.small.file.limit")).isEqualTo("0");
    assertThat(m.getString("hoodie.datasource.write.keygenerator.type")).isEqualTo("COMPLEX");
    TableSpec flat = cow.toBuilder().partitionBy().build();
    assertThat(HudiConfigs.keyGeneratorType(flat).name()).isEqualTo("NON_PARTITION");
  }

  @Test
  void s3aConfigurationFromStaticSettings() {
    AwsSettings aws = AwsSettings.builder().endpoint("http://127.0.0.1:5000").pathStyle(true).region("eu-west-1")
        .staticCredentials("AK", "SK").checksumsWhenRequired(true).maxAttempts(4).build();
    Configuration c = HadoopConfigurations.forSettings(aws);
    assertThat(c.get("fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:5000");
    assertThat(c.getBoolean("fs.s3a.connection.ssl.enabled", true)).isFalse();
    assertThat(c.getBoolean("fs.s3a.path.style.access", false)).isTrue();
    assertThat(c.get("fs.s3a.endpoint.region")).isEqualTo("eu-west-1");
    assertThat(c.get("fs.s3a.aws.credentials.provider"))
        .isEqualTo("org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    assertThat(c.get("fs.s3a.access.key")).isEqualTo("AK");
    assertThat(c.get("fs.s3a.secret.key")).isEqualTo("SK");
    assertThat(c.getBoolean("fs.s3a.checksum.generation", true)).isFalse();
    assertThat(c.getBoolean("fs.s3a.checksum.validation", true)).isFalse();
    assertThat(c.getInt("fs.s3a.attempts.maximum", 0)).isEqualTo(3);
    // Hadoop's built-in defaults are there (s3a needs its buffer directory), site files are not read
    assertThat(c.get("hadoop.tmp.dir")).isNotBlank();
  }

  @Test
  void s3aConfigurationFromDefaultChain() {
    Configuration c = HadoopConfigurations.forSettings(AwsSettings.defaults());
    assertThat(c.get("fs.s3a.aws.credentials.provider"))
        .isEqualTo("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
    assertThat(c.get("fs.s3a.endpoint")).isNull();
    assertThat(c.get("fs.s3a.endpoint.region")).isNull();
    assertThat(c.getBoolean("fs.s3a.checksum.generation", false)).isTrue();

    Configuration session = HadoopConfigurations.forSettings(AwsSettings.builder().endpoint("https://s3.example")
        .staticCredentials("AK", "SK").sessionToken("TOKEN").build());
    assertThat(session.get("fs.s3a.aws.credentials.provider"))
        .isEqualTo("org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
    assertThat(session.get("fs.s3a.session.token")).isEqualTo("TOKEN");
    assertThat(session.getBoolean("fs.s3a.connection.ssl.enabled", false)).isTrue();
    assertThat(session.get("fs.s3a.endpoint.region")).isEqualTo("us-east-1");
  }
}

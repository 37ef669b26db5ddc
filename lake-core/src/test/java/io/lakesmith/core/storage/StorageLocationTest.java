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

package io.lakesmith.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class StorageLocationTest {

  @Test
  void parsesS3Schemes() {
    StorageLocation l = StorageLocation.parse("s3a://bucket/dms/hr/");
    assertThat(l.isS3()).isTrue();
    assertThat(l.bucket()).isEqualTo("bucket");
    assertThat(l.key()).isEqualTo("dms/hr");
    assertThat(l.prefix()).isEqualTo("dms/hr/");
    assertThat(l.toUri()).isEqualTo("s3://bucket/dms/hr");
    assertThat(l.toHadoopUri()).isEqualTo("s3a://bucket/dms/hr");
    assertThat(l).isEqualTo(StorageLocation.parse("s3://bucket/dms/hr"));
    assertThat(StorageLocation.parse("s3://bucket").prefix()).isEmpty();
    assertThat(l.resolve("employees/LOAD00000001.csv").key()).isEqualTo("dms/hr/employees/LOAD00000001.csv");
  }

  @Test
  void parsesLocalPathsAndFileUris() {
    StorageLocation l = StorageLocation.parse("/tmp/lake/../lake/t");
    assertThat(l.isS3()).isFalse();
    assertThat(l.key()).isEqualTo("tmp/lake/t");
    assertThat(l.localPath()).isEqualTo(Paths.get("/tmp/lake/t"));
    assertThat(l.toHadoopUri()).isEqualTo("file:/tmp/lake/t");
    assertThat(StorageLocation.parse("file:///tmp/lake/t")).isEqualTo(l);
    assertThat(StorageLocation.parse("relative/dir").localPath()).isAbsolute();
    assertThatThrownBy(() -> StorageLocation.parse("gs://b/k")).hasMessageContaining("gs://b/k");
    assertThatThrownBy(() -> StorageLocation.parse("s3:///k")).hasMessageContaining("no bucket");
  }
}

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

package io.lakesmith.cdc;

import io.lakesmith.cdc.internal.apply.FileIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.cdc.internal.source.DmsFile;
import io.lakesmith.cdc.internal.source.DmsLayout;
import io.lakesmith.core.storage.ObjectInfo;
import io.lakesmith.core.storage.StorageLocation;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileIdentityTest {
  private static final StorageLocation ROOT = StorageLocation.parse("s3://dms/root");
  private static final Instant T = Instant.parse("2025-01-01T10:00:00.123456789Z");

  private static DmsFile s3(long size, String eTag) {
    return DmsLayout.classify(ROOT, ObjectInfo.listed("root/app/t/LOAD00000001.csv", size, T, eTag)).orElseThrow();
  }

  private static DmsFile local(long size, Instant modified) {
    StorageLocation root = StorageLocation.local(Path.of("/data/dms"));
    return DmsLayout.classify(root, ObjectInfo.listed(root.prefix() + "app/t/LOAD00000001.csv", size, modified))
        .orElseThrow();
  }

  @Test
  void s3ObjectsAreIdentifiedByETag() {
    FileIdentity stored = FileIdentity.parse(FileIdentity.listed(s3(10, "\"abc\"")).encode());

    assertThat(stored.encode()).isEqualTo("size=10;etag=abc");
    assertThat(stored.compare(FileIdentity.listed(s3(10, "\"abc\"")))).isEqualTo(FileIdentity.Match.SAME);
    assertThat(stored.compare(FileIdentity.listed(s3(10, "\"def\"")))).isEqualTo(FileIdentity.Match.CHANGED);
    assertThat(stored.compare(FileIdentity.listed(s3(11, "\"abc\"")))).isEqualTo(FileIdentity.Match.CHANGED);
  }

  @Test
  void localFilesAreIdentifiedBySizeAndTimeAndByContentWhenTheTimeDiffers() {
    FileIdentity stored = FileIdentity.parse(FileIdentity.listed(local(10, T)).withSha256("00ff").encode());

    assertThat(stored.encode()).isEqualTo("size=10;mtime=2025-01-01T10:00:00.123456789Z;sha256=00ff");
    assertThat(stored.compare(FileIdentity.listed(local(10, T)))).isEqualTo(FileIdentity.Match.SAME);
    assertThat(stored.compare(FileIdentity.listed(local(10, T.plusSeconds(1)))))
        .isEqualTo(FileIdentity.Match.CHECK_CONTENT);
    assertThat(stored.sameContent("00ff")).isTrue();
    assertThat(stored.sameContent("00fe")).isFalse();
    assertThat(stored.compare(FileIdentity.listed(local(9, T)))).isEqualTo(FileIdentity.Match.CHANGED);
  }

  @Test
  void sizeOnlyIdentitiesOfOlderCheckpointsCompareBySize() {
    assertThat(FileIdentity.parse("10").compare(FileIdentity.listed(local(10, T)))).isEqualTo(FileIdentity.Match.SAME);
    assertThat(FileIdentity.parse("10").compare(FileIdentity.listed(s3(11, "x")))).isEqualTo(FileIdentity.Match.CHANGED);
    assertThat(FileIdentity.parse("10@1735725600000").compare(FileIdentity.listed(local(10, T))))
        .isEqualTo(FileIdentity.Match.SAME);
    assertThat(FileIdentity.parse("size=10;future=1").encode()).isEqualTo("size=10");
  }
}

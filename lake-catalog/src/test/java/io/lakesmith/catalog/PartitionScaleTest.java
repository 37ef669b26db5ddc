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

import static org.assertj.core.api.Assertions.assertThat;

import io.lakesmith.testing.AwsEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * 2,500 partitions registered, then 600 dropped: batch sizes within Glue's limits (counted on the wire), GetPartitions
 * paging followed (moto does not page: the recorder emulates it), parallel segments, and an idempotent re-run.
 */
@ExtendWith(AwsEmulatorExtension.class)
class PartitionScaleTest {

  @TempDir
  Path dir;

  private TableDefinition definition(Path root) {
    return TableDefinition.builder().database("scale").name("events").kind(TableKind.PARQUET)
        .location(root.toString()).column("id", "bigint").column("payload", "string")
        .partitionKey("dt", "string").partitionKey("shard", "int").build();
  }

  @Test
  void addsTwentyFiveHundredThenDropsSixHundredInBatchesWithinLimits() throws IOException {
    Path root = dir.resolve("events");
    for (int i = 0; i < 2500; i++) {
      TestCatalogs.touch(root.resolve(String.format("dt=2024-%02d-%02d/shard=%d/part-0.parquet", 1 + i / 250, 1 + (i / 10) % 25, i % 10)));
    }
    GlueRecorder rec = new GlueRecorder().emulatePaging(true);
    try (GlueCatalog catalog = TestCatalogs.builder(rec).partitionPageSize(500).build()) {
      SyncResult first = catalog.registerTable(definition(root)).execute();
      assertThat(first.partitionsAdded()).isEqualTo(2500);
      List<GlueRecorder.Call> creates = rec.calls("BatchCreatePartition");
      assertThat(creates).hasSize(25);
      assertThat(creates).allSatisfy(c ->
          assertThat(((BatchCreatePartitionRequest) c.request).partitionInputList()).hasSizeLessThanOrEqualTo(100));
      assertThat(first.calls("BatchCreatePartition")).isEqualTo(25);
      assertThat(TestCatalogs.partitions("scale", "events")).hasSize(2500);

      // a partition copies the table's storage descriptor with its own location
      Partition p = TestCatalogs.partitions("scale", "events").get(0);
      assertThat(p.storageDescriptor().location()).startsWith("file:/").contains("/events/dt=2024-01-01/shard=");
      assertThat(p.storageDescriptor().inputFormat()).isEqualTo(GlueShapes.PARQUET_INPUT_FORMAT);
      assertThat(p.storageDescriptor().columns()).extracting(c -> c.name()).containsExactly("id", "payload");

      // idempotent: the same storage again makes no write call; listing the 2,500 follows NextToken (500 a page)
      rec.reset();
      SyncResult again = catalog.registerTable(definition(root)).execute();
      assertThat(again.writeCalls()).isZero();
      assertThat(rec.writeCalls()).isZero();
      assertThat(again.partitionsAdded() + again.partitionsUpdated() + again.partitionsDropped()).isZero();
      List<GlueRecorder.Call> pages = rec.calls("GetPartitions");
      assertThat(pages).hasSize(5);
      assertThat(pages).allSatisfy(c -> assertThat(((GetPartitionsRequest) c.request).maxResults()).isEqualTo(500));
      assertThat(pages.stream().filter(c -> ((GetPartitionsRequest) c.request).nextToken() != null)).hasSize(4);
      assertThat(TestCatalogs.versions("scale", "events")).isEqualTo(1);

      // 600 partition folders disappear (e.g. compacted away): 24 deletes of 25
      Set<Path> dropped = new HashSet<>();
      try (Stream<Path> shards = Files.list(root).flatMap(PartitionScaleTest::children)) {
        shards.sorted().limit(600).forEach(dropped::add);
      }
      for (Path shard : dropped) {
        deleteTree(shard);
      }
      rec.reset();
      SyncResult second = catalog.registerTable(definition(root)).execute();
      assertThat(second.partitionsDropped()).isEqualTo(600);
      assertThat(second.partitionsAdded()).isZero();
      List<GlueRecorder.Call> deletes = rec.calls("BatchDeletePartition");
      assertThat(deletes).hasSize(24);
      assertThat(deletes).allSatisfy(c ->
          assertThat(((BatchDeletePartitionRequest) c.request).partitionsToDelete()).hasSizeLessThanOrEqualTo(25));
      List<Partition> left = TestCatalogs.partitions("scale", "events");
      assertThat(left).hasSize(1900);
      Set<String> leftLocations = left.stream().map(x -> x.storageDescriptor().location()).collect(Collectors.toSet());
      for (Path shard : dropped) {
        assertThat(leftLocations).doesNotContain("file:" + shard.toAbsolutePath());
      }
      assertThat(second.report().counter("partitionsDropped")).isEqualTo(600);
      assertThat(second.report().counter("glue.BatchDeletePartition")).isEqualTo(24);
    }

    // parallel segments: each segment pages on its own and together they see every partition exactly once
    GlueRecorder segRec = new GlueRecorder().emulatePaging(true);
    try (GlueCatalog catalog = TestCatalogs.builder(segRec).partitionPageSize(400).partitionSegments(4).build()) {
      SyncResult r = catalog.registerTable(definition(root)).execute();
      assertThat(r.writeCalls()).isZero();
      List<GlueRecorder.Call> pages = segRec.calls("GetPartitions");
      assertThat(pages).allSatisfy(c -> assertThat(((GetPartitionsRequest) c.request).segment().totalSegments()).isEqualTo(4));
      assertThat(pages.stream().map(c -> ((GetPartitionsRequest) c.request).segment().segmentNumber()).distinct())
          .containsExactlyInAnyOrder(0, 1, 2, 3);
      assertThat(pages).hasSize(8); // 1900 / 4 = 475 per segment = 2 pages of 400
    }
  }

  private static Stream<Path> children(Path p) {
    try {
      return Files.list(p).collect(Collectors.toList()).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(x);
      }
    }
  }
}

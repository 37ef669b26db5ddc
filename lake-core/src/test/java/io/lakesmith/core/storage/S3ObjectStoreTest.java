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

import io.lakesmith.testing.AwsEmulator;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.S3Error;

@ExtendWith(AwsEmulatorExtension.class)
class S3ObjectStoreTest extends ObjectStoreContractTest {

  private String bucket;
  private ObjectStore store;

  @BeforeEach
  void newBucket() {
    bucket = AwsEmulator.get().uniqueBucket("store");
    store = ObjectStores.open(root(), AwsEmulator.get().settings());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  ObjectStore store() {
    return store;
  }

  @Override
  StorageLocation root() {
    return StorageLocation.parse("s3://" + bucket + "/root");
  }

  @Override
  int expectedDeleteRequests(int n) {
    return (n + 999) / 1000;
  }

  @Test
  void s3aAndS3UrisAddressTheSameObjects() {
    store.put("x/y", new byte[] {7}, Map.of());
    assertThat(StorageLocation.parse("s3a://" + bucket + "/x/y").key()).isEqualTo("x/y");
    assertThat(store.head(StorageLocation.parse("s3a://" + bucket + "/x/y").key())).isPresent();
  }

  /**
   * moto never fails single keys of a DeleteObjects, so the fault is injected on the response: one key gets
   * SlowDown (must be retried and then succeed), one gets AccessDenied (must be reported, not swallowed).
   */
  @Test
  void perKeyDeleteErrorsAreRetriedOrReported() {
    List<String> keys = IntStream.range(0, 1500).mapToObj(i -> String.format("faulty/k%04d", i)).toList();
    keys.forEach(k -> store.put(k, new byte[] {1}, Map.of()));
    AtomicInteger calls = new AtomicInteger();
    List<Integer> batchSizes = new ArrayList<>();
    ExecutionInterceptor faults = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        if (context.request() instanceof DeleteObjectsRequest) {
          batchSizes.add(((DeleteObjectsRequest) context.request()).delete().objects().size());
        }
      }

      @Override
      public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attrs) {
        SdkRequest req = context.request();
        if (!(req instanceof DeleteObjectsRequest) || calls.getAndIncrement() > 0) {
          return context.response();
        }
        DeleteObjectsResponse resp = (DeleteObjectsResponse) context.response();
        List<DeletedObject> ok = new ArrayList<>(resp.deleted());
        ok.removeIf(d -> d.key().equals("faulty/k0007") || d.key().equals("faulty/k0100"));
        return resp.toBuilder().deleted(ok).errors(
            S3Error.builder().key("faulty/k0007").code("SlowDown").message("Please reduce your request rate.").build(),
            S3Error.builder().key("faulty/k0100").code("AccessDenied").message("Access Denied").build()).build();
      }
    };
    var settings = AwsEmulator.get().settings();
    try (S3Client faulty = S3Client.builder().credentialsProvider(settings.credentialsProvider())
        .region(settings.region().orElseThrow()).endpointOverride(settings.endpoint().orElseThrow())
        .forcePathStyle(true).overrideConfiguration(c -> c.addExecutionInterceptor(faults)).build();
        ObjectStore s = ObjectStores.s3(faulty, bucket)) {
      DeleteResult r = s.delete(keys);
      assertThat(r.failures()).singleElement().satisfies(f -> {
        assertThat(f.key()).isEqualTo("faulty/k0100");
        assertThat(f.versionId()).isEmpty();
        assertThat(f.code()).isEqualTo("AccessDenied");
        assertThat(f.message()).isEqualTo("Access Denied");
      });
      assertThat(r.failure("faulty/k0100")).isPresent();
      assertThat(r.failure("faulty/k0007")).isEmpty();
      assertThat(r.deleted()).hasSize(1499).contains("faulty/k0007").doesNotContain("faulty/k0100");
      assertThat(r.isComplete()).isFalse();
      // 1000 + 500, then the retry of the one SlowDown key
      assertThat(batchSizes).containsExactly(1000, 1, 500);
      assertThat(r.requests()).isEqualTo(3);
    }
  }

  @Test
  void versionedBucketListsAndDeletesVersions() {
    AwsEmulator.get().s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
    store.put("v/obj", new byte[] {1}, Map.of());
    store.put("v/obj", new byte[] {2, 2}, Map.of());
    store.put("v/obj", new byte[] {3, 3, 3}, Map.of());
    List<ObjectInfo> versions = store.listVersions("v/").toList();
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).isLatest()).isTrue();
    assertThat(versions.get(0).size()).isEqualTo(3);
    ObjectInfo oldest = ObjectStores.versioned(store).headVersion("v/obj", versions.get(2).versionId().orElseThrow()).orElseThrow();
    assertThat(oldest.size()).isEqualTo(1);
    assertThat(oldest.versionId()).isEqualTo(versions.get(2).versionId());
    try (var in = ObjectStores.versioned(store).openVersion("v/obj", versions.get(1).versionId().orElseThrow())) {
      assertThat(in.readAllBytes()).containsExactly(2, 2);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    DeleteResult r = store.deleteVersions(versions.subList(1, 3));
    assertThat(r.isComplete()).isTrue();
    assertThat(store.listVersions("v/").toList()).extracting(ObjectInfo::size).containsExactly(3L);
  }
}

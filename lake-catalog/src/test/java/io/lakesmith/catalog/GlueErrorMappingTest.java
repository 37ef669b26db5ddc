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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakesmith.core.LakesmithException;
import io.lakesmith.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.CreateTableRequest;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;

/** Glue's exceptions are mapped to CatalogException at the actions' boundary, with a reason to branch on. */
@ExtendWith(AwsEmulatorExtension.class)
class GlueErrorMappingTest {

  @TempDir
  Path dir;

  @Test
  void aGlueErrorLeavesTheActionAsACatalogExceptionWithItsReasonAndCause() {
    ExecutionInterceptor deny = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
        if (c.request() instanceof CreateTableRequest) {
          throw AccessDeniedException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
              .errorCode("AccessDeniedException").errorMessage("User is not authorized to perform glue:CreateTable\n"
                  + "on resource").build()).build();
        }
      }
    };
    TestCatalogs.touch(dir.resolve("t/f.parquet"));
    TableDefinition def = TableDefinition.builder().database("denied").name("t").kind(TableKind.PARQUET)
        .location(dir.resolve("t").toString()).column("id", "bigint").build();
    try (GlueCatalog catalog = TestCatalogs.builder(new GlueRecorder()).addInterceptor(deny).build()) {
      assertThatThrownBy(() -> catalog.registerTable(def).execute())
          .isInstanceOf(CatalogException.class).isInstanceOf(LakesmithException.class)
          .hasMessage("registration of denied.t in Glue failed: AccessDeniedException: User is not authorized to"
              + " perform glue:CreateTable on resource")
          .hasCauseInstanceOf(AccessDeniedException.class)
          .satisfies(e -> {
            assertThat(((CatalogException) e).reason()).isEqualTo(CatalogException.Reason.ACCESS_DENIED);
            assertThat(((CatalogException) e).awsErrorCode()).contains("AccessDeniedException");
          });
    }
  }

  @Test
  void reasonsFollowGlueExceptionTypesStatusAndThrottling() {
    assertThat(CatalogException.fromSdk("x", EntityNotFoundException.builder().message("no").build()).reason())
        .isEqualTo(CatalogException.Reason.NOT_FOUND);
    GlueException throttled = (GlueException) GlueException.builder().statusCode(400).awsErrorDetails(
        AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build()).build();
    assertThat(CatalogException.fromSdk("x", throttled).reason()).isEqualTo(CatalogException.Reason.UNAVAILABLE);
    GlueException internal = (GlueException) GlueException.builder().statusCode(500).awsErrorDetails(
        AwsErrorDetails.builder().errorCode("InternalServiceException").errorMessage("oops").build()).build();
    assertThat(CatalogException.fromSdk("x", internal).reason()).isEqualTo(CatalogException.Reason.UNAVAILABLE);
    assertThat(CatalogException.fromSdk("x", SdkClientException.create("Unable to execute HTTP request")).reason())
        .isEqualTo(CatalogException.Reason.UNAVAILABLE);
    assertThat(CatalogException.fromSdk("x", internal).getMessage())
        .isEqualTo("x failed: InternalServiceException: oops");
  }
}

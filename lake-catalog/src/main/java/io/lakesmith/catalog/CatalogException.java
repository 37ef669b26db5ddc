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

import io.lakesmith.core.LakesmithException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.ResourceNumberLimitExceededException;

/**
 * A catalog operation failed: a Glue error that the SDK's retries did not cure, or per-entry errors of a batch call.
 * Glue's own exceptions never leave Lakesmith's catalog actions: they are mapped to this type at the boundary (as
 * Iceberg's {@code GlueTableOperations} maps them), with the SDK exception as the cause and a {@link #reason()} to
 * branch on.
 */
public class CatalogException extends LakesmithException {
  private static final long serialVersionUID = 1L;

  /** Why Glue refused or failed, for callers that branch on it. */
  public enum Reason {
    /** The database or table does not exist ({@code EntityNotFoundException}). */
    NOT_FOUND,
    /** It exists already ({@code AlreadyExistsException}). */
    ALREADY_EXISTS,
    /** The credentials may not do this ({@code AccessDeniedException}, HTTP 403). */
    ACCESS_DENIED,
    /** Another writer changed the table meanwhile, beyond the configured retries. */
    CONCURRENT_MODIFICATION,
    /** Glue rejected the input ({@code InvalidInputException}, {@code ResourceNumberLimitExceededException}). */
    INVALID,
    /** Throttling or a service error that outlasted the SDK's retries, or no answer at all. */
    UNAVAILABLE,
    /** Anything else, including per-entry errors of batch calls. */
    OTHER
  }

  private final Reason reason;
  private final String awsErrorCode;

  public CatalogException(String message) {
    this(message, null, Reason.OTHER, null);
  }

  public CatalogException(String message, Throwable cause) {
    this(message, cause, Reason.OTHER, null);
  }

  CatalogException(String message, Throwable cause, Reason reason, String awsErrorCode) {
    super(message, cause);
    this.reason = reason;
    this.awsErrorCode = awsErrorCode;
  }

  /** Why the operation failed. */
  public Reason reason() {
    return reason;
  }

  /** Glue's error code ({@code EntityNotFoundException}, {@code ThrottlingException}, ...) when Glue answered. */
  public Optional<String> awsErrorCode() {
    return Optional.ofNullable(awsErrorCode);
  }

  /** The SDK exception {@code e} of {@code what} (e.g. "sync of hr.employees") as a catalog exception. */
  static CatalogException fromSdk(String what, SdkException e) {
    String code = null;
    int status = 0;
    if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
      code = ((AwsServiceException) e).awsErrorDetails().errorCode();
      status = ((AwsServiceException) e).statusCode();
    }
    Reason reason;
    if (e instanceof EntityNotFoundException) {
      reason = Reason.NOT_FOUND;
    } else if (e instanceof AlreadyExistsException) {
      reason = Reason.ALREADY_EXISTS;
    } else if (e instanceof AccessDeniedException || status == 403) {
      reason = Reason.ACCESS_DENIED;
    } else if (e instanceof ConcurrentModificationException) {
      reason = Reason.CONCURRENT_MODIFICATION;
    } else if (e instanceof InvalidInputException || e instanceof ResourceNumberLimitExceededException) {
      reason = Reason.INVALID;
    } else if (!(e instanceof AwsServiceException) || ((AwsServiceException) e).isThrottlingException()
        || status >= 500) {
      reason = Reason.UNAVAILABLE;
    } else {
      reason = Reason.OTHER;
    }
    String detail = e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
        ? ((AwsServiceException) e).awsErrorDetails().errorMessage() : e.getMessage();
    return new CatalogException(what + " failed: " + (code == null ? "" : code + ": ") + oneLine(detail), e, reason,
        code);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
  }
}

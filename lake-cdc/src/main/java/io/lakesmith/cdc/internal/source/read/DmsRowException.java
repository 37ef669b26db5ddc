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

package io.lakesmith.cdc.internal.source.read;

import io.lakesmith.core.BadInputException;
import io.lakesmith.cdc.RowError;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/** A row cannot be used; carries every {@link RowError} found in it (at least one). */
public class DmsRowException extends BadInputException {
  private final ImmutableList<RowError> errors;

  public DmsRowException(List<RowError> errors) {
    super(message(errors));
    this.errors = ImmutableList.copyOf(errors);
  }

  public DmsRowException(RowError error) {
    this(ImmutableList.of(error));
  }

  private static String message(List<RowError> errors) {
    Preconditions.checkArgument(errors != null && !errors.isEmpty(), "at least one error");
    return errors.stream().map(RowError::toString).collect(Collectors.joining("; "));
  }

  /** The errors, in column order. */
  public List<RowError> errors() {
    return errors;
  }

  /** The first error. */
  public RowError error() {
    return errors.get(0);
  }
}

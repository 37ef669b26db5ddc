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

package io.lakesmith.core.lock;

import io.lakesmith.core.LakesmithException;

/**
 * The holder of a lease can no longer be sure it holds it: a renewal found the lock object replaced or gone
 * (another process took it over after the lease expired: this process stalled past its lease), or the lease ran
 * out without a successful renewal. Work guarded by the lease must stop before its next change.
 */
public class LeaseLostException extends LakesmithException {

  private static final long serialVersionUID = 1L;

  LeaseLostException(String message) {
    super(message);
  }

  LeaseLostException(String message, Throwable cause) {
    super(message, cause);
  }
}

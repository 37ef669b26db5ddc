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

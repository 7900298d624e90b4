package io.clinsum.ee.application;

import io.clinsum.core.FailureReason;
import jakarta.ejb.ApplicationException;
import java.util.Optional;

/**
 * A part the request needs cannot work right now (the summarization model failed to load, say); the
 * message says why. The request may succeed later, once the cause is fixed.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;

  public UnavailableException(String message) {
    this(message, null);
  }

  /**
   * @param reason the summarization SDK's kind of failure behind this, or {@code null}
   */
  public UnavailableException(String message, FailureReason reason) {
    super(message);
    this.reason = reason;
  }

  /** The SDK's kind of failure behind this, when a backend reported one. */
  public Optional<FailureReason> reason() {
    return Optional.ofNullable(reason);
  }
}

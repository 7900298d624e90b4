package io.clinsum.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every exception ClinSum throws. Unchecked: callers catch the subtypes they can act on, or
 * switch on {@link #reason()}.
 *
 * <p>Messages say what went wrong, where, and what to do about it. A failure of a remote service
 * also carries what the service said ({@link #httpStatus()}, {@link #attempts()}, {@link
 * #requestId()}).
 */
public class ClinSumException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final FailureReason reason;
  private final ServiceResponse response;

  /** A failure of kind {@link FailureReason#INTERNAL}. */
  public ClinSumException(String message) {
    this(FailureReason.INTERNAL, message, null, null);
  }

  /** A failure of kind {@link FailureReason#INTERNAL}. */
  public ClinSumException(String message, Throwable cause) {
    this(FailureReason.INTERNAL, message, null, cause);
  }

  /**
   * @param reason the kind of failure
   * @param message what went wrong and what to do
   * @param response what a remote service said, or {@code null}
   * @param cause the underlying exception, or {@code null}
   */
  public ClinSumException(
      FailureReason reason, String message, ServiceResponse response, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.response = response;
  }

  /** The kind of failure. */
  public FailureReason reason() {
    return reason;
  }

  /**
   * Whether repeating the same call later may succeed (throttling, a timeout, a busy or restarting
   * service). Input and configuration errors are never retriable.
   */
  public boolean isRetriable() {
    return reason.isRetriable();
  }

  /** What the remote service said, when the failure came from one. */
  public Optional<ServiceResponse> serviceResponse() {
    return Optional.ofNullable(response);
  }

  /** The remote service's last HTTP status, if one answered. */
  public OptionalInt httpStatus() {
    return response == null ? OptionalInt.empty() : response.status();
  }

  /** Attempts made against the remote service (retries included), if known. */
  public OptionalInt attempts() {
    return response == null || response.attempts() == 0
        ? OptionalInt.empty()
        : OptionalInt.of(response.attempts());
  }

  /** The remote service's request id, if it sent one. */
  public Optional<String> requestId() {
    return response == null ? Optional.empty() : response.requestIdIfAny();
  }
}

package io.clinsum.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a remote service said when a call failed, as far as it is known: the HTTP status, how many
 * attempts were made (retries included) and the service's request id, which its operators need to
 * find the call in their logs.
 *
 * @param httpStatus the last HTTP status, or 0 when no answer came
 * @param attempts attempts made, or 0 when unknown
 * @param requestId the service's request id, or {@code null}
 */
public record ServiceResponse(int httpStatus, int attempts, String requestId) {
  public ServiceResponse {
    if (httpStatus < 0 || attempts < 0) {
      throw new IllegalArgumentException(
          "httpStatus and attempts must be >= 0, were " + httpStatus + ", " + attempts);
    }
    if (requestId != null && requestId.isBlank()) {
      requestId = null;
    }
  }

  /** The HTTP status, if an answer came. */
  public OptionalInt status() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The service's request id, if it sent one. */
  public Optional<String> requestIdIfAny() {
    return Optional.ofNullable(requestId);
  }
}

package io.clinsum.core;

/**
 * Why a ClinSum call failed, so that a caller can act on the kind of failure rather than parse a
 * message: back off and retry ({@link #isRetriable()}), shrink the input, fix the configuration, or
 * report a model fault. Every {@link ClinSumException} carries one ({@link
 * ClinSumException#reason()}); the EE application's problem details carry it as {@code reason}.
 */
public enum FailureReason {
  /** The service is rate-limiting this caller (HTTP 429, a throttling error code). */
  THROTTLED(true),
  /** No answer in time: a call or attempt timeout. */
  TIMEOUT(true),
  /** The service or model cannot serve now (5xx, not ready, unreachable, interrupted). */
  UNAVAILABLE(true),
  /** The request is over a size limit of the model or service (HTTP 413, body cap). */
  PAYLOAD_TOO_LARGE(false),
  /** The model itself failed on this input, or its answer could not be read. */
  MODEL_ERROR(false),
  /** The endpoint, model or resource named does not exist (HTTP 404). */
  NOT_FOUND(false),
  /** The credentials are missing or not allowed to do this (HTTP 401, 403). */
  ACCESS_DENIED(false),
  /** The request or data is invalid: an empty note, a bad option, a malformed dataset row. */
  BAD_INPUT(false),
  /** ClinSum is set up wrongly: an unknown backend or option, a missing model file. */
  CONFIGURATION(false),
  /** The summarizer or resource was used after it was closed. */
  CLOSED(false),
  /** A fault inside ClinSum or a backend (a bug): report it with the message. */
  INTERNAL(false);

  private final boolean retriable;

  FailureReason(boolean retriable) {
    this.retriable = retriable;
  }

  /** Whether the same call may succeed later, after backing off. */
  public boolean isRetriable() {
    return retriable;
  }
}

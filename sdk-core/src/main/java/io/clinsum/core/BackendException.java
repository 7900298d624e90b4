package io.clinsum.core;

/**
 * A backend failed to produce a summary: the model, the runtime or the remote service. The message
 * carries what the backend reported; {@link #reason()} says what kind of failure it was and {@link
 * #isRetriable()} whether to try again.
 */
public class BackendException extends ClinSumException {
  private static final long serialVersionUID = 1L;
  private final String backend;

  /**
   * @param backend the backend's name, such as {@code onnx}
   * @param reason the kind of failure
   * @param message what went wrong
   * @param response what a remote service said, or {@code null}
   * @param cause the underlying exception, or {@code null}
   */
  public BackendException(
      String backend,
      FailureReason reason,
      String message,
      ServiceResponse response,
      Throwable cause) {
    super(reason, backend + ": " + message, response, cause);
    this.backend = backend;
  }

  /** A failure not from a remote service. */
  public BackendException(String backend, FailureReason reason, String message, Throwable cause) {
    this(backend, reason, message, null, cause);
  }

  /** A fault of the backend itself ({@link FailureReason#INTERNAL}). */
  public BackendException(String backend, String message) {
    this(backend, FailureReason.INTERNAL, message, null, null);
  }

  /** Name of the backend that failed, such as {@code onnx} or {@code sagemaker}. */
  public String backend() {
    return backend;
  }
}

package io.clinsum.core;

/**
 * A backend failed to produce a summary: the model, the runtime or the remote service. The message
 * carries what the backend reported; {@link #isRetriable()} says whether to try again.
 */
public class BackendException extends ClinSumException {
  private static final long serialVersionUID = 1L;
  private final String backend;
  private final boolean retriable;

  public BackendException(String backend, String message, boolean retriable, Throwable cause) {
    super(backend + ": " + message, cause);
    this.backend = backend;
    this.retriable = retriable;
  }

  public BackendException(String backend, String message) {
    this(backend, message, false, null);
  }

  /** Name of the backend that failed, such as {@code onnx} or {@code sagemaker}. */
  public String backend() {
    return backend;
  }

  @Override
  public boolean isRetriable() {
    return retriable;
  }
}

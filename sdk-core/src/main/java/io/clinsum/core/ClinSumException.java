package io.clinsum.core;

/**
 * Root of every exception ClinSum throws. Unchecked: callers catch the subtypes they can act on.
 *
 * <p>Messages say what went wrong, where, and what to do about it.
 */
public class ClinSumException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClinSumException(String message) {
    super(message);
  }

  public ClinSumException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same call later may succeed (throttling, a busy or restarting service).
   * Input and configuration errors are never retriable.
   */
  public boolean isRetriable() {
    return false;
  }
}

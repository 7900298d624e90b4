package io.clinsum.ee.devserver;

/**
 * A process of the local server did not start, deploy or stop as expected. The message carries the
 * relevant log lines; the full logs are under the work directory and WildFly's {@code
 * standalone/log}.
 */
public final class LocalServerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LocalServerException(String message) {
    super(message);
  }

  public LocalServerException(String message, Throwable cause) {
    super(message, cause);
  }
}

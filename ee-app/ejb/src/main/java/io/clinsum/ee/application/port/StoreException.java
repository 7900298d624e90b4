package io.clinsum.ee.application.port;

import jakarta.ejb.ApplicationException;

/**
 * A store could not read or write (the database is away, most often). The caller's transaction is
 * rolled back. The message names the failure's type, never the data.
 */
@ApplicationException(rollback = true)
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

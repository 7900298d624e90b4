package io.clinsum.ee.application;

import jakarta.ejb.ApplicationException;

/**
 * A part the request needs cannot work right now (the summarization model failed to load, say); the
 * message says why. The request may succeed later, once the cause is fixed.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {
  public UnavailableException(String message) {
    super(message);
  }
}

package io.clinsum.ee.application;

import jakarta.ejb.ApplicationException;

/** The request is valid but clashes with the current state (a job already running, say). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}

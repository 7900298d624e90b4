package io.clinsum.ee.application;

import jakarta.ejb.ApplicationException;

/** The record asked for does not exist. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }

  /** For things that are not looked up by id ("no grouping yet"). */
  public NotFoundException(String message) {
    super(message);
  }
}

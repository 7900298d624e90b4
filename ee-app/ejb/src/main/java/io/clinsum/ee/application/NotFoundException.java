package io.clinsum.ee.application;

import jakarta.ejb.ApplicationException;

/** The record asked for does not exist. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}

package io.clinsum.ee.application;

import jakarta.ejb.ApplicationException;

/** Someone changed the record since the caller read it; nothing was written. */
@ApplicationException(rollback = true)
public class StaleVersionException extends ConflictException {
  private final long currentVersion;

  public StaleVersionException(String what, long id, long expected, long currentVersion) {
    super(
        what
            + " "
            + id
            + " was changed by someone else (you had version "
            + expected
            + ", it is now "
            + currentVersion
            + "); reload it and try again");
    this.currentVersion = currentVersion;
  }

  /** The version to reload. */
  public long currentVersion() {
    return currentVersion;
  }
}

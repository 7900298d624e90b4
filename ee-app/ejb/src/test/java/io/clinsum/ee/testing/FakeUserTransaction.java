package io.clinsum.ee.testing;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

/** A {@link UserTransaction} over an {@link InMemoryNoteStore}: commit keeps, rollback undoes. */
public final class FakeUserTransaction implements UserTransaction {
  private final InMemoryNoteStore notes;
  private int status = Status.STATUS_NO_TRANSACTION;
  private int timeout;
  private int commits;
  private int rollbacks;

  public FakeUserTransaction(InMemoryNoteStore notes) {
    this.notes = notes;
  }

  @Override
  public void begin() {
    if (status != Status.STATUS_NO_TRANSACTION) {
      throw new IllegalStateException("a transaction is active already");
    }
    status = Status.STATUS_ACTIVE;
    notes.begin();
  }

  @Override
  public void commit() {
    if (status != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("no active transaction");
    }
    notes.commit();
    status = Status.STATUS_NO_TRANSACTION;
    commits++;
  }

  @Override
  public void rollback() {
    if (status == Status.STATUS_NO_TRANSACTION) {
      throw new IllegalStateException("no transaction");
    }
    notes.rollback();
    status = Status.STATUS_NO_TRANSACTION;
    rollbacks++;
  }

  @Override
  public void setRollbackOnly() {
    status = Status.STATUS_MARKED_ROLLBACK;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setTransactionTimeout(int seconds) {
    timeout = seconds;
  }

  public int timeout() {
    return timeout;
  }

  public int commits() {
    return commits;
  }

  public int rollbacks() {
    return rollbacks;
  }
}

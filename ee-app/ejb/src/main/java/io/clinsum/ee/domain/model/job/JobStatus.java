package io.clinsum.ee.domain.model.job;

/** A job's life: QUEUED → RUNNING → SUCCEEDED | FAILED | STOPPED. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  STOPPED;

  /** Whether the job can change no more without someone restarting it. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == STOPPED;
  }
}

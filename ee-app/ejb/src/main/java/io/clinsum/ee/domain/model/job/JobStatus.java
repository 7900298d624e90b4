package io.clinsum.ee.domain.model.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * A job's life. A job starts QUEUED (summarization, grouping) or RUNNING (an import, which runs in
 * its request):
 *
 * <pre>
 * QUEUED  → RUNNING (claimed by a server) | STOPPED (by an admin) | FAILED (given up)
 * RUNNING → SUCCEEDED | FAILED | STOPPED | QUEUED (its execution died or could not start: resume)
 * FAILED, STOPPED → QUEUED (restarted by an admin)
 * SUCCEEDED → nothing
 * </pre>
 *
 * The database applies each change as one conditional statement (see {@link JobTransition}), so
 * concurrent actors never overwrite each other; which changes exist at all is decided here.
 */
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

  /** Whether a job may start in this status (imports start RUNNING, the others QUEUED). */
  public boolean isInitial() {
    return this == QUEUED || this == RUNNING;
  }

  /** The statuses a job in this one may move to next. */
  public Set<JobStatus> next() {
    return switch (this) {
      case QUEUED -> EnumSet.of(RUNNING, STOPPED, FAILED);
      case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, STOPPED, QUEUED);
      case FAILED, STOPPED -> EnumSet.of(QUEUED);
      case SUCCEEDED -> EnumSet.noneOf(JobStatus.class);
    };
  }

  /** Whether a job in this status may move to {@code target}. */
  public boolean canBecome(JobStatus target) {
    return next().contains(target);
  }

  /**
   * Refuses a change the lifecycle does not have.
   *
   * @throws IllegalJobTransitionException unless {@link #canBecome(JobStatus) canBecome(target)}
   */
  public void requireCanBecome(JobStatus target) {
    if (!canBecome(target)) {
      throw new IllegalJobTransitionException(this, target);
    }
  }
}

package io.clinsum.ee.domain.model.job;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One change of a job's status: from any of {@code from} to {@code to}, with the error to record
 * (null clears it), optionally only while the job is still execution {@code executionId} (an
 * execution that ends late must not touch its successor). Every status in {@code from} must be
 * allowed to become {@code to} by the lifecycle ({@link JobStatus#canBecome}); a transition that is
 * not is refused when it is built, before it reaches any store.
 *
 * <p>A store applies it as a compare-and-set: the job changes only if it is still in one of {@code
 * from} (and still that execution), which is how the batch runtime, the supervisor and an admin
 * never overwrite each other.
 */
public record JobTransition(Set<JobStatus> from, JobStatus to, String error, Long executionId) {
  public JobTransition {
    Objects.requireNonNull(to, "to");
    if (from == null || from.isEmpty()) {
      throw new IllegalArgumentException("from: name at least one status to leave");
    }
    from = Set.copyOf(EnumSet.copyOf(from));
    for (JobStatus s : from) {
      s.requireCanBecome(to);
    }
  }

  /** A transition from {@code from} to {@code to}. */
  public static JobTransition of(Set<JobStatus> from, JobStatus to, String error) {
    return new JobTransition(from, to, error, null);
  }

  /** A QUEUED or RUNNING job is stopped by an admin. */
  public static JobTransition stop() {
    return of(EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING), JobStatus.STOPPED, null);
  }

  /** A FAILED or STOPPED job is queued again by an admin (its failure count starts over). */
  public static JobTransition restart() {
    return of(EnumSet.of(JobStatus.FAILED, JobStatus.STOPPED), JobStatus.QUEUED, null);
  }

  /**
   * A running job whose execution could not start, or failed, goes back in the queue to be resumed
   * where it stood.
   */
  public static JobTransition requeue(String error) {
    return of(EnumSet.of(JobStatus.RUNNING), JobStatus.QUEUED, error);
  }

  /** A queued job is given up (too many failed attempts in a row). */
  public static JobTransition giveUp(String error) {
    return of(EnumSet.of(JobStatus.QUEUED), JobStatus.FAILED, error);
  }

  /** A running job ends with {@code status} (SUCCEEDED, FAILED or STOPPED). */
  public static JobTransition finish(JobStatus status, String error) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("status: a job finishes as SUCCEEDED, FAILED or STOPPED");
    }
    return of(EnumSet.of(JobStatus.RUNNING), status, error);
  }

  /** A running job succeeded. */
  public static JobTransition succeed() {
    return finish(JobStatus.SUCCEEDED, null);
  }

  /** A running job failed for {@code error}. */
  public static JobTransition fail(String error) {
    return finish(JobStatus.FAILED, error);
  }

  /** This transition, only while the job is still execution {@code executionId}. */
  public JobTransition ofExecution(long executionId) {
    return new JobTransition(from, to, error, executionId);
  }

  /** Whether a job now in {@code status}, as execution {@code execution}, takes this change. */
  public boolean appliesTo(JobStatus status, Long execution) {
    return from.contains(status) && (executionId == null || executionId.equals(execution));
  }

  /** Whether the job ends with it (its finish time is set; cleared otherwise). */
  public boolean finishes() {
    return to.isFinal();
  }

  /**
   * Whether the job's count of failed attempts starts over when it leaves {@code status}: a restart
   * out of FAILED or STOPPED gives the job a fresh set of attempts.
   */
  public boolean resetsAttemptsFrom(JobStatus status) {
    return to == JobStatus.QUEUED && status.isFinal();
  }
}

package io.clinsum.ee.application.port;

import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.domain.model.job.NewJob;
import java.util.List;
import java.util.Optional;

/**
 * Job records and their bookkeeping. Every call runs in a transaction of its own, so progress stays
 * visible while the work it describes is still uncommitted, and survives that work's rollback.
 * Changes are compare-and-set: each names the state it expects and reports whether the job was
 * still in it, so concurrent actors never overwrite each other. Jobs returned are snapshots.
 */
public interface JobStore {
  /**
   * Creates a job.
   *
   * @return its id
   * @throws OpenJobExistsException when another job of a kind that runs alone (summarization,
   *     grouping) is queued or running
   */
  long create(NewJob job);

  Optional<Job> find(long jobId);

  /** The jobs of {@code kind} that are queued or running, oldest first. */
  List<Job> open(JobKind kind);

  /** The newest job of {@code kind}. */
  Optional<Job> latest(JobKind kind);

  /** Jobs newest first, filtered by kind and status where not null. */
  List<Job> page(JobKind kind, JobStatus status, int offset, int limit);

  long count(JobKind kind, JobStatus status);

  /** Job {@code jobId}'s errors in the order they were recorded. */
  List<JobErrorView> errors(long jobId, int offset, int limit);

  long countErrors(long jobId);

  /**
   * Claims a QUEUED job for {@code runner}: RUNNING, one more attempt and launch, no execution yet.
   *
   * @return false when the job was not QUEUED (someone else claimed, stopped or finished it)
   */
  boolean claim(long jobId, String runner);

  /** Records the execution of a job {@code runner} claimed; false when the claim is gone. */
  boolean launched(long jobId, long executionId, String runner);

  /**
   * Puts a RUNNING job whose execution is gone back in the queue, only if it is still that
   * execution's (runner and execution id unchanged since the caller looked).
   */
  boolean requeueOrphan(long jobId, String runner, Long executionId);

  /**
   * Adds to the counters. Work that stored something resets the attempt count to this one attempt,
   * so "attempts" counts failures in a row.
   */
  void progress(long jobId, long processed, long succeeded, long failed);

  /** Sets the total to what is processed plus {@code remaining}. */
  void remaining(long jobId, long remaining);

  /**
   * Applies {@code transition} if the job is still in one of its {@code from} states.
   *
   * @return whether the job changed
   */
  boolean apply(long jobId, JobTransition transition);

  /** Ends an import in one transaction: its errors, its exact total and {@code end}. */
  void finishImport(long jobId, JobTransition end, long total, List<JobErrorView> errors);

  /** Another job of a kind that runs alone is queued or running. */
  @jakarta.ejb.ApplicationException(rollback = true)
  class OpenJobExistsException extends RuntimeException {
    private final JobKind kind;

    public OpenJobExistsException(JobKind kind, Throwable cause) {
      super("A " + kind + " job is already queued or running", cause);
      this.kind = kind;
    }

    public JobKind kind() {
      return kind;
    }
  }

  /** A job record could not be read or written (the database is away, most often). */
  class JobStoreException extends RuntimeException {
    public JobStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

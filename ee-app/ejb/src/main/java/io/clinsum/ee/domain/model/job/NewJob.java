package io.clinsum.ee.domain.model.job;

import java.util.Objects;

/**
 * A job about to be created: summarization and grouping jobs start QUEUED and wait for a server to
 * claim them; an import starts RUNNING on the server ({@code runner}) whose request carries it.
 */
public record NewJob(
    JobKind kind, JobStatus status, String createdBy, String parameters, String runner) {
  public NewJob {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    if (createdBy == null || createdBy.isBlank()) {
      throw new IllegalArgumentException("createdBy: a job needs the user who started it");
    }
    if (!status.isInitial()) {
      throw new IllegalArgumentException("status: a job starts QUEUED or RUNNING, not " + status);
    }
    if ((status == JobStatus.RUNNING) != (runner != null)) {
      throw new IllegalArgumentException(
          "runner: a job created RUNNING names the server running it, a QUEUED one none");
    }
  }

  /** A job that waits in the queue for a server to claim it. */
  public static NewJob queued(JobKind kind, String createdBy, String parameters) {
    return new NewJob(kind, JobStatus.QUEUED, createdBy, parameters, null);
  }

  /** A job that runs at once on server {@code runner}. */
  public static NewJob running(JobKind kind, String createdBy, String parameters, String runner) {
    return new NewJob(kind, JobStatus.RUNNING, createdBy, parameters, runner);
  }
}

package io.clinsum.ee.domain.model.job;

/** A change of job status that the job lifecycle ({@link JobStatus}) does not have. */
public class IllegalJobTransitionException extends IllegalStateException {
  private final JobStatus from;
  private final JobStatus to;

  public IllegalJobTransitionException(JobStatus from, JobStatus to) {
    super(
        "A "
            + from
            + " job cannot become "
            + to
            + (from.next().isEmpty()
                ? "; it has ended for good"
                : "; from " + from + " it can become only " + from.next()));
    this.from = from;
    this.to = to;
  }

  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }
}

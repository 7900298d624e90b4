package io.clinsum.ee.application.port;

/**
 * What an execution of the summarization job tells the application: the batch runtime's listener
 * calls it as an execution begins and ends. The application implements it, so the batch adapter
 * depends on the application and never the other way round.
 */
public interface JobExecutionEvents {
  /** How an execution ended. */
  enum Outcome {
    /** Every pending note was handled. */
    COMPLETED,
    /** It was asked to stop. */
    STOPPED,
    /** It failed or was abandoned; the job can resume where it stood. */
    FAILED
  }

  /** Execution of job {@code jobId} begins. */
  void executionStarted(long jobId);

  /** Execution {@code executionId} of job {@code jobId} ended with {@code outcome}. */
  void executionEnded(long jobId, long executionId, Outcome outcome);
}

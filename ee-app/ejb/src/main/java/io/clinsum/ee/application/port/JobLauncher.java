package io.clinsum.ee.application.port;

/**
 * Starts and stops executions of the summarization batch job. An execution reports its start and
 * end through {@link JobExecutionEvents}.
 */
public interface JobLauncher {
  /**
   * Starts an execution for job {@code jobId} that summarizes the pending notes {@code chunkSize}
   * at a time.
   *
   * @return the execution's id
   */
  long start(long jobId, int chunkSize);

  /** Asks execution {@code executionId} to stop after its current chunk. */
  void stop(long executionId);

  /** Whether execution {@code executionId} is starting, running or stopping on this server. */
  boolean isActive(long executionId);
}

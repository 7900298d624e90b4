package io.clinsum.ee.infrastructure.batch;

import io.clinsum.ee.application.port.JobExecutionEvents;
import io.clinsum.ee.application.port.JobExecutionEvents.Outcome;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Tells the application (through its {@link JobExecutionEvents} port) when an execution of the
 * summarization job begins and ends.
 */
@Named
@Dependent
public class SummarizeJobListener implements JobListener {
  @Inject private JobContext jobContext;
  @Inject private JobExecutionEvents events;

  static long jobId(JobContext context) {
    return Long.parseLong(context.getProperties().getProperty(BatchJobLauncher.JOB_ID));
  }

  @Override
  public void beforeJob() {
    events.executionStarted(jobId(jobContext));
  }

  @Override
  public void afterJob() {
    events.executionEnded(
        jobId(jobContext), jobContext.getExecutionId(), outcome(jobContext.getBatchStatus()));
  }

  /** The batch runtime's status at the end of an execution, as the application sees it. */
  static Outcome outcome(BatchStatus status) {
    return switch (status) {
      case STOPPING, STOPPED -> Outcome.STOPPED;
      case FAILED, ABANDONED -> Outcome.FAILED;
      default -> Outcome.COMPLETED;
    };
  }
}

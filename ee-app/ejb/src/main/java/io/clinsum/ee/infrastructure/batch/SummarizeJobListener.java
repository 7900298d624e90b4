package io.clinsum.ee.infrastructure.batch;

import io.clinsum.ee.application.internal.JobSupervisor;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells the supervisor when an execution of the summarization job begins and ends. */
@Named
@Dependent
public class SummarizeJobListener implements JobListener {
  /** The job parameter that names ClinSum's job row. */
  public static final String JOB_ID = "clinsumJobId";

  @Inject private JobContext jobContext;
  @EJB private JobSupervisor supervisor;

  static long jobId(JobContext context) {
    return Long.parseLong(context.getProperties().getProperty(JOB_ID));
  }

  @Override
  public void beforeJob() {
    supervisor.executionStarted(jobId(jobContext));
  }

  @Override
  public void afterJob() {
    supervisor.executionEnded(
        jobId(jobContext), jobContext.getExecutionId(), jobContext.getBatchStatus());
  }
}

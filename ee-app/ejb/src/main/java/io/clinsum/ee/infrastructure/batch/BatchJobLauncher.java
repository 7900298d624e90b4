package io.clinsum.ee.infrastructure.batch;

import io.clinsum.ee.application.port.JobLauncher;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/**
 * The {@link JobLauncher} on Jakarta Batch: the job {@code META-INF/batch-jobs/summarize-notes}.
 */
@ApplicationScoped
public class BatchJobLauncher implements JobLauncher {
  /** The job XML's name. */
  static final String JOB_XML = "summarize-notes";

  /** The job parameter that names ClinSum's job row. */
  static final String JOB_ID = "clinsumJobId";

  @Override
  public long start(long jobId, int chunkSize) {
    Properties p = new Properties();
    p.setProperty(JOB_ID, Long.toString(jobId));
    p.setProperty("chunkSize", Integer.toString(chunkSize));
    return operator().start(JOB_XML, p);
  }

  @Override
  public void stop(long executionId) {
    operator().stop(executionId);
  }

  @Override
  public boolean isActive(long executionId) {
    try {
      BatchStatus s = operator().getJobExecution(executionId).getBatchStatus();
      return s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
    } catch (NoSuchJobExecutionException e) {
      return false;
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}

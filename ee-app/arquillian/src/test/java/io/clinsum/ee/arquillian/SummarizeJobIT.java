package io.clinsum.ee.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.application.ImportService;
import io.clinsum.ee.application.JobService;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.SummarizationService;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Jakarta Batch job {@code summarize-notes}, started through the service, in the server. */
@ExtendWith(ArquillianExtension.class)
class SummarizeJobIT {
  private static final int NOTES = 60;
  private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "STOPPED");

  @Deployment
  static EnterpriseArchive deployment() {
    return ClinSumDeployment.ear();
  }

  @Inject private ImportService imports;
  @Inject private SummarizationService summarization;
  @Inject private JobService jobs;
  @Inject private Transactions tx;

  @Test
  void startJob_pendingNotes_everyNoteSummarizedExactlyOnce() throws InterruptedException {
    String patient = Notes.uniquePatient("JOB");
    assertThat(Notes.importNotes(imports, patient, NOTES).inserted()).isEqualTo(NOTES);

    JobView started = summarization.startJob(Notes.ADMIN, 8);
    JobView done = await(started.id(), Duration.ofMinutes(2));

    assertThat(done.status()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.failed()).isZero();
    assertThat(done.succeeded()).isEqualTo(done.processed()).isGreaterThanOrEqualTo(NOTES);
    assertThat(
            tx.count(
                "SELECT count(*) FROM summary s JOIN note n ON n.id = s.note_id"
                    + " JOIN patient p ON p.id = n.patient_id"
                    + " WHERE p.external_id = ?1 AND s.job_id = ?2",
                patient,
                started.id()))
        .as("this patient's notes, summarized by this job")
        .isEqualTo(NOTES);
    assertThat(
            tx.count(
                "SELECT count(*) FROM note n WHERE NOT EXISTS"
                    + " (SELECT 1 FROM summary s WHERE s.note_id = n.id)"))
        .as("notes left pending")
        .isZero();
    assertThat(
            tx.count(
                "SELECT count(*) FROM (SELECT note_id FROM summary GROUP BY note_id"
                    + " HAVING count(*) > 1) twice"))
        .as("notes summarized twice")
        .isZero();
    assertThat(BatchRuntime.getJobOperator().getJobInstanceCount("summarize-notes"))
        .as("run by the batch runtime")
        .isPositive();
  }

  private JobView await(long jobId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JobView job = jobs.job(jobId);
    while (!FINAL.contains(job.status())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Job still " + job.status() + " after " + timeout + ": " + job);
      }
      Thread.sleep(250);
      job = jobs.job(jobId);
    }
    return job;
  }
}

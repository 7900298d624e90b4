package io.clinsum.ee.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NewJobTest {
  @Test
  void queued_hasNoRunner() {
    NewJob job = NewJob.queued(JobKind.SUMMARIZE, "admin", "chunkSize=16");
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.runner()).isNull();
  }

  @Test
  void running_namesItsServer() {
    NewJob job = NewJob.running(JobKind.IMPORT, "clinician", "format=CSV", "server-1");
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.runner()).isEqualTo("server-1");
  }

  @Test
  void new_finalStatus_refused() {
    assertThatThrownBy(() -> new NewJob(JobKind.IMPORT, JobStatus.SUCCEEDED, "a", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts QUEUED or RUNNING");
  }

  @Test
  void new_runningWithoutRunner_refused() {
    assertThatThrownBy(() -> new NewJob(JobKind.IMPORT, JobStatus.RUNNING, "a", null, null))
        .hasMessageStartingWith("runner:");
  }

  @Test
  void new_queuedWithRunner_refused() {
    assertThatThrownBy(() -> new NewJob(JobKind.GROUP, JobStatus.QUEUED, "a", null, "server-1"))
        .hasMessageStartingWith("runner:");
  }

  @Test
  void new_blankCreator_refused() {
    assertThatThrownBy(() -> NewJob.queued(JobKind.GROUP, " ", null))
        .hasMessageStartingWith("createdBy:");
  }
}

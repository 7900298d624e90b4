package io.clinsum.ee.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.testing.Entities;
import org.junit.jupiter.api.Test;

class JobTest {
  private static Job job(JobStatus status, long processed, long total) {
    Job j = Entities.instantiate(Job.class);
    Entities.set(j, "status", status);
    Entities.set(j, "processed", processed);
    Entities.set(j, "total", total);
    return j;
  }

  @Test
  void canBecome_followsItsStatus() {
    assertThat(job(JobStatus.RUNNING, 0, 0).canBecome(JobStatus.STOPPED)).isTrue();
    assertThat(job(JobStatus.SUCCEEDED, 0, 0).canBecome(JobStatus.STOPPED)).isFalse();
  }

  @Test
  void isOpen_queuedAndRunningOnly() {
    for (JobStatus s : JobStatus.values()) {
      assertThat(job(s, 0, 0).isOpen()).as(s.name()).isEqualTo(!s.isFinal());
    }
  }

  @Test
  void progress_fractionDone_cappedAtOne_andOneWhenSucceeded() {
    assertThat(job(JobStatus.RUNNING, 5, 20).progress()).isEqualTo(0.25);
    assertThat(job(JobStatus.RUNNING, 30, 20).progress()).isEqualTo(1.0);
    assertThat(job(JobStatus.RUNNING, 5, 0).progress()).as("total unknown").isEqualTo(0.0);
    assertThat(job(JobStatus.SUCCEEDED, 0, 0).progress()).isEqualTo(1.0);
  }
}

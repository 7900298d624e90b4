package io.clinsum.ee.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobServiceBeanTest {
  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void jobs_filteredByKindAndStatus_newestFirst() {
    long a = app.jobs.add(JobKind.SUMMARIZE, JobStatus.SUCCEEDED, r -> {});
    app.jobs.add(JobKind.IMPORT, JobStatus.SUCCEEDED, r -> {});
    long c = app.jobs.add(JobKind.SUMMARIZE, JobStatus.SUCCEEDED, r -> {});
    app.jobs.add(JobKind.SUMMARIZE, JobStatus.FAILED, r -> {});

    Page<JobView> page = app.jobService.jobs("summarize", "succeeded", new PageRequest(0, 10));

    assertThat(page.items()).extracting(JobView::id).containsExactly(c, a);
    assertThat(page.total()).isEqualTo(2);
  }

  @Test
  void jobs_unknownKind_invalidInputListingTheKinds() {
    assertThatThrownBy(() -> app.jobService.jobs("export", null, new PageRequest(0, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[IMPORT, SUMMARIZE, GROUP]");
  }

  @Test
  void job_unknown_notFound() {
    assertThatThrownBy(() -> app.jobService.job(42)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void job_progressAndCounters() {
    long id =
        app.jobs.add(
            JobKind.SUMMARIZE,
            JobStatus.RUNNING,
            r -> {
              r.total = 10;
              r.processed = 4;
              r.succeeded = 3;
              r.failed = 1;
              r.runner = "x";
            });
    JobView v = app.jobService.job(id);
    assertThat(v.progress()).isEqualTo(0.4);
    assertThat(v.succeeded()).isEqualTo(3);
    assertThat(v.failed()).isEqualTo(1);
  }

  @Test
  void errors_pagedInTheOrderRecorded() {
    long id = app.jobs.add(JobKind.IMPORT, JobStatus.SUCCEEDED, r -> {});
    app.jobs.addErrors(
        id,
        List.of(
            new JobErrorView(2L, null, "patient_id", "row 2", "is required"),
            new JobErrorView(5L, null, "note", "row 5", "is empty")));

    Page<JobErrorView> page = app.jobService.errors(id, new PageRequest(1, 1));

    assertThat(page.items()).extracting(JobErrorView::row).containsExactly(5L);
    assertThat(page.total()).isEqualTo(2);
  }

  @Test
  void errors_unknownJob_notFound() {
    assertThatThrownBy(() -> app.jobService.errors(9, new PageRequest(0, 10)))
        .isInstanceOf(NotFoundException.class);
  }
}

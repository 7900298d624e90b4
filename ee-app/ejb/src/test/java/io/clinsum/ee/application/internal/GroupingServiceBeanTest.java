package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.grouping.GroupingOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting grouping jobs, one at a time, and keeping them going; not the grouping itself. */
class GroupingServiceBeanTest {
  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void regroup_defaults_kmeansJobClaimedAndRunInTheBackground() {
    JobView job = app.grouping.regroup(REVIEWER, null, null);

    assertThat(job.kind()).isEqualTo("GROUP");
    assertThat(job.status()).isEqualTo("RUNNING");
    assertThat(app.jobs.row(job.id()).parameters).isEqualTo("algorithm=kmeans");
    assertThat(app.executor.waiting()).isEqualTo(1);
    assertThat(app.audit.events(AuditLog.JOB_CHANGED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("regroup algorithm=kmeans"));
  }

  @Test
  void regroup_kmeansWithK_parametersKept() {
    JobView job = app.grouping.regroup(REVIEWER, " KMeans ", 12);
    assertThat(app.jobs.row(job.id()).parameters).isEqualTo("algorithm=kmeans;k=12");
  }

  @Test
  void regroup_whileAnotherGroupingJobIsOpen_conflictAndNothingStarted() {
    app.grouping.regroup(REVIEWER, "hdbscan", null);

    assertThatThrownBy(() -> app.grouping.regroup(REVIEWER, "kmeans", null))
        .isInstanceOf(ConflictException.class)
        .hasMessage("A grouping job is queued or running; wait for it to finish");
    assertThat(app.jobs.count(JobKind.GROUP, null)).isEqualTo(1);
    assertThat(app.executor.waiting()).isEqualTo(1);
  }

  @Test
  void regroup_afterThePreviousEnded_allowed() {
    JobView first = app.grouping.regroup(REVIEWER, null, null);
    app.executor.runAll(); // no patients: the job fails at once

    JobView second = app.grouping.regroup(REVIEWER, null, null);

    assertThat(app.jobs.row(first.id()).status).isEqualTo(JobStatus.FAILED);
    assertThat(second.status()).isEqualTo("RUNNING");
  }

  @Test
  void regroup_summarizationJobRunning_notInTheWay() {
    app.jobs.add(JobKind.SUMMARIZE, JobStatus.RUNNING, r -> r.runner = "x");
    assertThat(app.grouping.regroup(REVIEWER, null, null).status()).isEqualTo("RUNNING");
  }

  @Test
  void regroup_unknownAlgorithm_invalidInput() {
    assertThatThrownBy(() -> app.grouping.regroup(REVIEWER, "dbscan", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be kmeans or hdbscan");
  }

  @Test
  void regroup_kOutOfRange_invalidInput() {
    assertThatThrownBy(() -> app.grouping.regroup(REVIEWER, null, 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> app.grouping.regroup(REVIEWER, null, GroupingServiceBean.MAX_K + 1))
        .isInstanceOf(InvalidInputException.class);
    assertThat(app.jobs.count(null, null)).isZero();
  }

  @Test
  void regroup_kWithHdbscan_invalidInput() {
    assertThatThrownBy(() -> app.grouping.regroup(REVIEWER, "hdbscan", 5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("applies to kmeans only");
  }

  @Test
  void run_noPatientWithASummary_jobFailedSayingWhatToDo() {
    JobView job = app.grouping.regroup(REVIEWER, null, null);

    app.executor.runAll();

    assertThat(app.jobs.row(job.id()).status).isEqualTo(JobStatus.FAILED);
    assertThat(app.jobs.row(job.id()).error).startsWith("No patient has a summary to group by yet");
    assertThat(app.groupings.savedByJobs()).isEmpty();
  }

  @Test
  void latestJob_newestGroupingJob() {
    assertThat(app.grouping.latestJob()).isEmpty();
    JobView job = app.grouping.regroup(REVIEWER, null, null);
    assertThat(app.grouping.latestJob()).get().extracting(JobView::id).isEqualTo(job.id());
  }

  @Test
  void latest_noGroupingYet_notFoundSayingHowToStartOne() {
    assertThatThrownBy(() -> app.grouping.latest())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("POST /api/groupings");
  }

  @Test
  void members_unknownGrouping_notFound() {
    assertThatThrownBy(() -> app.grouping.members(3, null, new PageRequest(0, 10)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void supervise_groupingJobOfAnEarlierServerLife_requeuedAndRunAgain() {
    long id =
        app.jobs.add(
            JobKind.GROUP,
            JobStatus.RUNNING,
            r -> {
              r.runner = "server-before-the-crash";
              r.attempts = 1;
              r.parameters = "algorithm=kmeans";
            });

    app.groupingRunner.supervise();

    assertThat(app.jobs.row(id).status).isEqualTo(JobStatus.RUNNING);
    assertThat(app.jobs.row(id).attempts).isEqualTo(2);
    assertThat(app.executor.waiting()).isEqualTo(1);
  }

  @Test
  void supervise_interruptedTooOften_givenUp() {
    long id =
        app.jobs.add(
            JobKind.GROUP, JobStatus.QUEUED, r -> r.attempts = GroupingRunner.MAX_ATTEMPTS);

    app.groupingRunner.supervise();

    assertThat(app.jobs.row(id).status).isEqualTo(JobStatus.FAILED);
    assertThat(app.jobs.row(id).error).isEqualTo("Gave up after 3 interrupted attempts");
  }

  @Test
  void supervise_jobRunningHere_leftAlone() {
    JobView job = app.grouping.regroup(REVIEWER, null, null);
    app.groupingRunner.supervise();
    assertThat(app.jobs.row(job.id()).attempts).isEqualTo(1);
    assertThat(app.executor.waiting()).isEqualTo(1);
  }

  @Test
  void options_parameters_parsedAndUnknownOnesIgnored() {
    GroupingOptions o = GroupingRunner.options("algorithm=hdbscan;later=1");
    assertThat(o.algorithm()).isEqualTo(GroupingOptions.Algorithm.HDBSCAN);
    assertThat(GroupingRunner.options("algorithm=kmeans;k=7").k()).isEqualTo(7);
  }
}

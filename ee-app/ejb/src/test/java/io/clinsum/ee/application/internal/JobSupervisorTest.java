package io.clinsum.ee.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.JobExecutionEvents.Outcome;
import io.clinsum.ee.application.port.JobStore.JobStoreException;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.testing.InMemoryJobStore.Row;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, resuming, giving up and ending jobs; recovery after crashes and outages. */
class JobSupervisorTest {
  private final TestApp app = new TestApp();
  private final JobSupervisor supervisor = app.supervisor;

  @AfterEach
  void close() {
    app.close();
  }

  private long summarizeJob(JobStatus status, Consumer<Row> setup) {
    return app.jobs.add(JobKind.SUMMARIZE, status, setup);
  }

  private Row row(long id) {
    return app.jobs.row(id);
  }

  @Test
  void launch_queuedJob_claimedStartedAndRecorded() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});

    supervisor.launch(id, 8);

    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
    assertThat(row(id).runner).isEqualTo(supervisor.runner());
    assertThat(row(id).executionId).isEqualTo(app.launcher.starts().get(0).executionId());
    assertThat(row(id).startedAt).isEqualTo(app.clock.instant());
  }

  @Test
  void launch_jobNoLongerQueued_nothingStarted() {
    long id = summarizeJob(JobStatus.STOPPED, r -> {});
    supervisor.launch(id, 8);
    assertThat(app.launcher.starts()).isEmpty();
    assertThat(row(id).status).isEqualTo(JobStatus.STOPPED);
  }

  @Test
  void launch_twice_secondClaimFails_oneExecutionOnly() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    supervisor.launch(id, 8);
    supervisor.launch(id, 8);
    assertThat(app.launcher.starts()).hasSize(1);
  }

  @Test
  void launch_batchRuntimeRefuses_jobBackInTheQueueWithTheReason() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    app.launcher.failStarts(new IllegalStateException("no batch"));

    assertThatThrownBy(() -> supervisor.launch(id, 8)).hasMessage("no batch");

    assertThat(row(id).status).isEqualTo(JobStatus.QUEUED);
    assertThat(row(id).error).isEqualTo("Could not start: IllegalStateException");
  }

  @Test
  void launch_executionCannotBeRecorded_executionStoppedJobStaysResumable() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    app.jobs.failNextLaunched(new JobStoreException("Cannot mark job running", null));

    assertThatThrownBy(() -> supervisor.launch(id, 8)).isInstanceOf(JobStoreException.class);

    long execution = app.launcher.starts().get(0).executionId();
    assertThat(app.launcher.stops()).containsExactly(execution);
    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
    assertThat(row(id).executionId).as("never recorded: the next tick requeues it").isNull();
  }

  @Test
  void launch_executionCannotBeRecordedNorStopped_bothFailuresReported() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    app.jobs.failNextLaunched(new JobStoreException("Cannot mark job running", null));
    app.launcher.failStops(new IllegalStateException("already ended"));

    assertThatThrownBy(() -> supervisor.launch(id, 8))
        .isInstanceOf(JobStoreException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }

  @Test
  void supervise_queuedJob_launched() {
    long id = summarizeJob(JobStatus.QUEUED, r -> r.parameters = "chunkSize=32");

    supervisor.supervise();

    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
    assertThat(app.launcher.starts())
        .singleElement()
        .satisfies(s -> assertThat(s.chunkSize()).isEqualTo(32));
  }

  @Test
  void supervise_runningJobOfAnEarlierServerLife_requeuedAndResumed() {
    long id =
        summarizeJob(
            JobStatus.RUNNING,
            r -> {
              r.runner = "server-before-the-crash";
              r.executionId = 7L;
              r.attempts = 1;
              r.launches = 1;
            });

    supervisor.supervise();

    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
    assertThat(row(id).runner).isEqualTo(supervisor.runner());
    assertThat(row(id).launches).as("interrupted and resumed").isEqualTo(2);
    assertThat(row(id).attempts).isEqualTo(2);
  }

  @Test
  void supervise_jobRunningHere_leftAlone() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    supervisor.launch(id, 16);

    supervisor.supervise();

    assertThat(app.launcher.starts()).hasSize(1);
    assertThat(row(id).launches).isEqualTo(1);
  }

  @Test
  void supervise_executionHereDied_requeuedAndResumed() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    supervisor.launch(id, 16);
    app.launcher.end(app.launcher.starts().get(0).executionId()); // died without telling

    supervisor.supervise();

    assertThat(app.launcher.starts()).hasSize(2);
    assertThat(row(id).executionId).isEqualTo(app.launcher.starts().get(1).executionId());
  }

  @Test
  void supervise_tooManyFailedAttempts_givenUp() {
    long id = summarizeJob(JobStatus.QUEUED, r -> r.attempts = JobSupervisor.MAX_ATTEMPTS);

    supervisor.supervise();

    assertThat(row(id).status).isEqualTo(JobStatus.FAILED);
    assertThat(row(id).error).startsWith("Gave up after 5 failed attempts in a row");
    assertThat(row(id).finishedAt).isNotNull();
    assertThat(app.launcher.starts()).isEmpty();
  }

  @Test
  void supervise_oneFailureShortOfTheLimit_triesAgain() {
    long id = summarizeJob(JobStatus.QUEUED, r -> r.attempts = JobSupervisor.MAX_ATTEMPTS - 1);
    supervisor.supervise();
    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void supervise_databaseAway_nothingChangesAndNoException() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    app.jobs.fail(new JobStoreException("Cannot claim", null));

    supervisor.supervise();

    app.jobs.heal();
    assertThat(row(id).status).isEqualTo(JobStatus.QUEUED);
    supervisor.supervise();
    assertThat(row(id).status).as("the next tick retries").isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void executionStarted_totalIsDonePlusPending() {
    long id = summarizeJob(JobStatus.RUNNING, r -> r.processed = 10);
    app.notes.add("P-1", "a");
    app.notes.add("P-1", "b");

    supervisor.executionStarted(id);

    assertThat(row(id).total).isEqualTo(12);
  }

  @Test
  void executionEnded_completed_succeeded() {
    long id = launched();
    supervisor.executionEnded(id, execution(), Outcome.COMPLETED);
    assertThat(row(id).status).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(row(id).finishedAt).isNotNull();
  }

  @Test
  void executionEnded_failed_queuedToResumeWhereItStood() {
    long id = launched();
    long execution = execution();
    supervisor.executionEnded(id, execution, Outcome.FAILED);
    assertThat(row(id).status).isEqualTo(JobStatus.QUEUED);
    assertThat(row(id).error).isEqualTo("Execution " + execution + " failed; it will be resumed");
    assertThat(row(id).finishedAt).isNull();
  }

  @Test
  void executionEnded_stopped_stopped() {
    long id = launched();
    supervisor.executionEnded(id, execution(), Outcome.STOPPED);
    assertThat(row(id).status).isEqualTo(JobStatus.STOPPED);
  }

  @Test
  void executionEnded_anEarlierExecution_ignored() {
    long id = launched();
    supervisor.executionEnded(id, execution() - 1, Outcome.COMPLETED);
    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void executionEnded_jobAlreadyStoppedByAnAdmin_staysStopped() {
    long id = launched();
    row(id).status = JobStatus.STOPPED;
    supervisor.executionEnded(id, execution(), Outcome.COMPLETED);
    assertThat(row(id).status).isEqualTo(JobStatus.STOPPED);
  }

  private long launched() {
    long id = summarizeJob(JobStatus.QUEUED, r -> {});
    supervisor.launch(id, 16);
    return id;
  }

  private long execution() {
    return app.launcher.starts().get(app.launcher.starts().size() - 1).executionId();
  }

  private long importJob(String runner) {
    return app.jobs.add(
        JobKind.IMPORT,
        JobStatus.RUNNING,
        r -> {
          r.runner = runner;
          r.startedAt = app.clock.instant();
        });
  }

  @Test
  void endOrphanImports_earlierLifeAndCommitted_succeeded() {
    long id = importJob("server-before-the-crash");
    app.audit.record(Actor.SYSTEM, AuditLog.NOTES_IMPORTED, "job", id, "3 notes");

    supervisor.endOrphanImports();

    assertThat(row(id).status).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(row(id).error).contains("stored, but the server stopped");
  }

  @Test
  void endOrphanImports_earlierLifeNotCommitted_failedAskingForTheFileAgain() {
    long id = importJob("server-before-the-crash");

    supervisor.endOrphanImports();

    assertThat(row(id).status).isEqualTo(JobStatus.FAILED);
    assertThat(row(id).error).contains("Send the file again");
  }

  @Test
  void endOrphanImports_importRunningHere_untouchedHoweverLong() {
    long id = importJob(supervisor.runner());
    supervisor.importStarted(id);
    app.clock.advance(Duration.ofHours(1));

    supervisor.endOrphanImports();

    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void endOrphanImports_thisServerButUnregisteredPastTheGrace_ended() {
    long id = importJob(supervisor.runner());
    app.clock.advance(JobSupervisor.IMPORT_GRACE.plusSeconds(1));

    supervisor.endOrphanImports();

    assertThat(row(id).status).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void endOrphanImports_thisServerWithinTheGrace_untouched() {
    long id = importJob(supervisor.runner());
    app.clock.advance(JobSupervisor.IMPORT_GRACE.minusSeconds(1));

    supervisor.endOrphanImports();

    assertThat(row(id).status).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void endOrphanImports_endedImport_untouched() {
    long id = importJob(supervisor.runner());
    supervisor.importEnded(id);
    row(id).status = JobStatus.SUCCEEDED;
    app.clock.advance(Duration.ofHours(1));

    supervisor.endOrphanImports();

    assertThat(row(id).status).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void isRunningHere_onlyThisServersActiveExecution() {
    long id = launched();
    Job job = app.jobs.find(id).orElseThrow();
    assertThat(supervisor.isRunningHere(job)).isTrue();
    app.launcher.end(execution());
    assertThat(supervisor.isRunningHere(job)).isFalse();
  }

  @Test
  void chunkSize_fromParameters_orTheDefault() {
    long a = summarizeJob(JobStatus.QUEUED, r -> r.parameters = "chunkSize=64");
    long b = summarizeJob(JobStatus.QUEUED, r -> r.parameters = null);
    assertThat(JobSupervisor.chunkSize(app.jobs.find(a).orElseThrow())).isEqualTo(64);
    assertThat(JobSupervisor.chunkSize(app.jobs.find(b).orElseThrow()))
        .isEqualTo(SummarizationServiceBean.DEFAULT_CHUNK);
  }
}

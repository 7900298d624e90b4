package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.ADMIN;
import static io.clinsum.ee.application.internal.TestApp.CLINICIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.SummarizationService.BackendView;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.application.UnavailableException;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.testing.FixedSummarizerSource;
import io.clinsum.ee.testing.InMemorySummaryStore;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SummarizationServiceBeanTest {
  private static final String NOTE =
      "Patient reports chest pain since this morning. ECG shows ST elevation. Taken to the cath"
          + " lab for emergent PCI.";

  private TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  private long note() {
    return app.notes.add("P-1", NOTE).getId();
  }

  @Test
  void requestSummary_noteWithoutSummary_queuedOnceAndMadeInTheBackground() {
    long noteId = note();

    assertThat(app.summarization.requestSummary(CLINICIAN, noteId)).isEmpty();
    assertThat(app.summarization.requestSummary(CLINICIAN, noteId))
        .as("already being made")
        .isEmpty();
    assertThat(app.executor.waiting()).isEqualTo(1);

    app.executor.runAll();

    Summary s = app.summaries.findByNote(noteId).orElseThrow();
    assertThat(s.getBackend()).isEqualTo("extractive");
    assertThat(s.getJobId()).isNull();
    assertThat(app.summaries.history(s.getId()).get(0).getActor()).isEqualTo("carl");
    assertThat(app.supervisor.queueOnDemand(noteId)).as("slot freed").isTrue();
  }

  @Test
  void requestSummary_existingSummary_returnedAtOnce() {
    long noteId = note();
    Summary s = app.summaries.add(app.notes.find(noteId).orElseThrow(), "Chest pain.");

    Optional<SummaryView> v = app.summarization.requestSummary(CLINICIAN, noteId);

    assertThat(v).get().extracting(SummaryView::id).isEqualTo(s.getId());
    assertThat(v.get().noteText()).as("no note text without an audited read").isNull();
    assertThat(app.executor.waiting()).isZero();
  }

  @Test
  void requestSummary_unknownNote_notFound() {
    assertThatThrownBy(() -> app.summarization.requestSummary(CLINICIAN, 99))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Note");
  }

  @Test
  void requestSummary_backendUnavailable_unavailableAndNothingQueued() {
    app.close();
    app = new TestApp(FixedSummarizerSource.broken("model.onnx is missing"));
    long noteId = note();

    assertThatThrownBy(() -> app.summarization.requestSummary(CLINICIAN, noteId))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("'onnx' is unavailable: model.onnx is missing");
    assertThat(app.executor.waiting()).isZero();
  }

  @Test
  void requestSummary_backgroundFailure_slotFreedNothingStored() {
    long noteId = note();
    app.summaries.failStores(InMemorySummaryStore.outage());
    app.summarization.requestSummary(CLINICIAN, noteId);

    app.executor.runAll();

    assertThat(app.summaries.findByNote(noteId)).isEmpty();
    assertThat(app.supervisor.queueOnDemand(noteId)).isTrue();
  }

  @Test
  void requestSummary_executorRefuses_slotFreedAndRefusalPassedOn() {
    long noteId = note();
    app.executor.reject();

    assertThatThrownBy(() -> app.summarization.requestSummary(CLINICIAN, noteId))
        .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    assertThat(app.supervisor.queueOnDemand(noteId)).isTrue();
  }

  @Test
  void summarizeNow_noteWithoutSummary_storedAndReturned() {
    long noteId = note();

    SummaryView v = app.summarization.summarizeNow(CLINICIAN, noteId);

    assertThat(v.noteId()).isEqualTo(noteId);
    assertThat(v.state()).isEqualTo("GENERATED");
    assertThat(v.text()).isNotBlank();
    assertThat(v.version()).isZero();
  }

  @Test
  void summarizeNow_existingSummary_returnedWithoutSummarizingAgain() {
    long noteId = note();
    Summary s = app.summaries.add(app.notes.find(noteId).orElseThrow(), "Kept.");

    assertThat(app.summarization.summarizeNow(CLINICIAN, noteId).text()).isEqualTo("Kept.");
    assertThat(app.summaries.all()).containsExactly(s);
  }

  @Test
  void summarizeNow_storeFails_unavailableNamingOnlyTheFailureType() {
    long noteId = note();
    app.summaries.failStores(InMemorySummaryStore.outage());

    assertThatThrownBy(() -> app.summarization.summarizeNow(CLINICIAN, noteId))
        .isInstanceOf(UnavailableException.class)
        .hasMessage("The summary could not be stored (SQLException); try again");
  }

  @Test
  void startJob_chunkSizeOutOfRange_invalidInput() {
    assertThatThrownBy(() -> app.summarization.startJob(ADMIN, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chunkSize");
    assertThatThrownBy(() -> app.summarization.startJob(ADMIN, 257))
        .isInstanceOf(InvalidInputException.class);
    assertThat(app.jobs.count(null, null)).isZero();
  }

  @Test
  void startJob_claimedAndLaunchedAtOnce_withAudit() {
    JobView job = app.summarization.startJob(ADMIN, 8);

    assertThat(job.kind()).isEqualTo("SUMMARIZE");
    assertThat(job.status()).isEqualTo("RUNNING");
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(job.launches()).isEqualTo(1);
    assertThat(app.launcher.starts())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.jobId()).isEqualTo(job.id());
              assertThat(s.chunkSize()).isEqualTo(8);
            });
    assertThat(app.jobs.row(job.id()).executionId)
        .isEqualTo(app.launcher.starts().get(0).executionId());
    assertThat(app.audit.events(AuditLog.JOB_CHANGED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("started"));
  }

  @Test
  void startJob_anotherStillOpen_conflictAndNoSecondJob() {
    app.summarization.startJob(ADMIN, 16);

    assertThatThrownBy(() -> app.summarization.startJob(ADMIN, 16))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Another summarization job is queued or running");
    assertThat(app.jobs.count(JobKind.SUMMARIZE, null)).isEqualTo(1);
    assertThat(app.launcher.starts()).hasSize(1);
  }

  @Test
  void startJob_backendUnavailable_noJobCreated() {
    app.close();
    app = new TestApp(FixedSummarizerSource.broken("no model"));
    assertThatThrownBy(() -> app.summarization.startJob(ADMIN, 16))
        .isInstanceOf(UnavailableException.class);
    assertThat(app.jobs.count(null, null)).isZero();
  }

  @Test
  void stopJob_runningHere_executionAskedToStopAndJobStopped() {
    JobView job = app.summarization.startJob(ADMIN, 16);
    long execution = app.launcher.starts().get(0).executionId();

    JobView stopped = app.summarization.stopJob(ADMIN, job.id());

    assertThat(stopped.status()).isEqualTo("STOPPED");
    assertThat(stopped.finishedAt()).isNotNull();
    assertThat(app.launcher.stops()).containsExactly(execution);
  }

  @Test
  void stopJob_queued_stoppedWithoutExecution() {
    long id = app.jobs.add(JobKind.SUMMARIZE, JobStatus.QUEUED, r -> {});
    assertThat(app.summarization.stopJob(ADMIN, id).status()).isEqualTo("STOPPED");
    assertThat(app.launcher.stops()).isEmpty();
  }

  @Test
  void stopJob_alreadyEnded_conflict() {
    long id = app.jobs.add(JobKind.SUMMARIZE, JobStatus.SUCCEEDED, r -> {});
    assertThatThrownBy(() -> app.summarization.stopJob(ADMIN, id))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Job " + id + " has already ended (SUCCEEDED)");
  }

  @Test
  void stopJob_importJob_notFoundAsSummarizationJob() {
    long id = app.jobs.add(JobKind.IMPORT, JobStatus.RUNNING, r -> r.runner = "x");
    assertThatThrownBy(() -> app.summarization.stopJob(ADMIN, id))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Summarization job");
  }

  @Test
  void restartJob_stopped_queuedWithFreshAttemptsAndLaunched() {
    long id =
        app.jobs.add(
            JobKind.SUMMARIZE,
            JobStatus.STOPPED,
            r -> {
              r.attempts = 4;
              r.launches = 4;
              r.parameters = "chunkSize=4";
            });

    JobView job = app.summarization.restartJob(ADMIN, id);

    assertThat(job.status()).isEqualTo("RUNNING");
    assertThat(job.attempts()).as("reset, then this attempt").isEqualTo(1);
    assertThat(job.launches()).isEqualTo(5);
    assertThat(app.launcher.starts())
        .singleElement()
        .satisfies(s -> assertThat(s.chunkSize()).isEqualTo(4));
    assertThat(app.audit.events(AuditLog.JOB_CHANGED))
        .extracting(e -> e.detail())
        .containsExactly("restarted");
  }

  @Test
  void restartJob_succeeded_conflictNamingTheStatus() {
    long id = app.jobs.add(JobKind.SUMMARIZE, JobStatus.SUCCEEDED, r -> {});
    assertThatThrownBy(() -> app.summarization.restartJob(ADMIN, id))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is SUCCEEDED; only FAILED or STOPPED jobs restart");
    assertThat(app.launcher.starts()).isEmpty();
  }

  @Test
  void restartJob_stoppedButLastChunkStillRunningHere_conflict() {
    JobView job = app.summarization.startJob(ADMIN, 16);
    app.summarization.stopJob(ADMIN, job.id()); // the execution is still finishing its chunk

    assertThatThrownBy(() -> app.summarization.restartJob(ADMIN, job.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("still finishing its current chunk");
  }

  @Test
  void backend_opened_namesModelAndSettings() {
    BackendView b = app.summarization.backend();
    assertThat(b.available()).isTrue();
    assertThat(b.backend()).isEqualTo("extractive");
    assertThat(b.settings()).containsEntry("sentences", "2");
  }

  @Test
  void backend_cannotOpen_unavailableWithTheReason() {
    app.close();
    app = new TestApp(FixedSummarizerSource.broken("model.onnx is missing"));
    BackendView b = app.summarization.backend();
    assertThat(b.available()).isFalse();
    assertThat(b.backend()).isEqualTo("onnx");
    assertThat(b.reason()).isEqualTo("model.onnx is missing");
  }
}

package io.clinsum.ee.application.internal;

import io.clinsum.core.FailureReason;
import io.clinsum.core.Summarizer;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.application.UnavailableException;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.application.port.SummarizerSource;
import io.clinsum.ee.application.port.SummaryStore;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.domain.model.job.NewJob;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.PendingNote;
import io.clinsum.ee.domain.model.summary.Summary;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

@Stateless
public class SummarizationServiceBean implements SummarizationService {
  static final int DEFAULT_CHUNK = 16;
  private static final Logger LOG = Logger.getLogger(SummarizationServiceBean.class.getName());

  @EJB SummaryProducer producer;
  @EJB JobSupervisor supervisor;
  @Inject JobStore jobs;
  @Inject NoteStore notes;
  @Inject SummaryStore summaries;
  @Inject SummarizerSource summarizer;
  @Inject AuditLog audit;

  /** The server's default managed executor: background work with the application's context. */
  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  @Override
  public Optional<SummaryView> requestSummary(Actor actor, long noteId) {
    ClinicalNote note = note(noteId);
    Optional<Summary> existing = existing(noteId);
    if (existing.isPresent()) {
      return Optional.of(Views.summary(existing.get(), false));
    }
    summarizer.require();
    if (!supervisor.queueOnDemand(noteId)) {
      return Optional.empty(); // already being made
    }
    PendingNote pending = new PendingNote(noteId, note.getText());
    String who = actor.username();
    try {
      executor.submit(
          () -> {
            try {
              producer.produce(List.of(pending), null, who);
            } catch (Exception e) {
              LOG.warning(() -> "Summary of note " + noteId + " failed: " + e.getClass().getName());
            } finally {
              supervisor.onDemandDone(noteId);
            }
          });
    } catch (RuntimeException e) {
      supervisor.onDemandDone(noteId);
      throw e;
    }
    return Optional.empty();
  }

  @Override
  public SummaryView summarizeNow(Actor actor, long noteId) {
    ClinicalNote note = note(noteId);
    Optional<Summary> existing = existing(noteId);
    if (existing.isPresent()) {
      return Views.summary(existing.get(), false);
    }
    summarizer.require();
    SummaryProducer.Produced produced;
    try {
      produced =
          producer.produce(
              List.of(new PendingNote(noteId, note.getText())), null, actor.username());
    } catch (StoreException e) {
      throw new UnavailableException(
          "The summary could not be stored ("
              + Failures.rootCause(e).getClass().getSimpleName()
              + "); try again");
    }
    return existing(noteId)
        .map(s -> Views.summary(s, false))
        .orElseThrow(
            () ->
                new UnavailableException(
                    produced.failed() > 0
                        ? "The model could not summarize note " + noteId + "; see the server's log"
                        : "The summary of note " + noteId + " was not stored; try again",
                    produced.failed() > 0 ? FailureReason.MODEL_ERROR : null));
  }

  private ClinicalNote note(long noteId) {
    return notes.find(noteId).orElseThrow(() -> new NotFoundException("Note", noteId));
  }

  private Optional<Summary> existing(long noteId) {
    return summaries.findByNote(noteId);
  }

  @Override
  public JobView startJob(Actor actor, int chunkSize) {
    if (chunkSize < 1 || chunkSize > 256) {
      throw new InvalidInputException("chunkSize", "must be 1 to 256, was " + chunkSize);
    }
    summarizer.require();
    long jobId =
        Jobs.create(
            jobs, NewJob.queued(JobKind.SUMMARIZE, actor.username(), "chunkSize=" + chunkSize));
    audit.record(actor, AuditLog.JOB_CHANGED, "job", jobId, "started");
    supervisor.launch(jobId, chunkSize);
    return view(jobId);
  }

  @Override
  public JobView stopJob(Actor actor, long jobId) {
    Job job = summarizeJob(jobId);
    if (!job.canBecome(JobStatus.STOPPED)) {
      throw new ConflictException("Job " + jobId + " has already ended (" + job.getStatus() + ")");
    }
    supervisor.stop(job);
    jobs.apply(jobId, JobTransition.stop());
    audit.record(actor, AuditLog.JOB_CHANGED, "job", jobId, "stopped");
    return view(jobId);
  }

  @Override
  public JobView restartJob(Actor actor, long jobId) {
    Job job = summarizeJob(jobId);
    if (supervisor.isRunningHere(job)) {
      throw new ConflictException(
          "Job " + jobId + " is still finishing its current chunk; restart it in a moment");
    }
    if (!jobs.apply(jobId, JobTransition.restart())) {
      throw new ConflictException(
          "Job " + jobId + " is " + job.getStatus() + "; only FAILED or STOPPED jobs restart");
    }
    audit.record(actor, AuditLog.JOB_CHANGED, "job", jobId, "restarted");
    supervisor.launch(jobId, JobSupervisor.chunkSize(job));
    return view(jobId);
  }

  @Override
  public BackendView backend() {
    try {
      Summarizer s = summarizer.get();
      return new BackendView(
          s.info().backend(),
          true,
          null,
          s.info().modelId(),
          s.info().modelVersion(),
          summarizer.settings());
    } catch (RuntimeException e) {
      return new BackendView(
          summarizer.backendName(), false, e.getMessage(), null, null, summarizer.settings());
    }
  }

  private Job summarizeJob(long jobId) {
    return jobs.find(jobId)
        .filter(job -> job.getKind() == JobKind.SUMMARIZE)
        .orElseThrow(() -> new NotFoundException("Summarization job", jobId));
  }

  private JobView view(long jobId) {
    return Jobs.view(jobs, jobId);
  }
}

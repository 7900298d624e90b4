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
import io.clinsum.ee.application.internal.SummaryProducer.PendingNote;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.infrastructure.summarizer.ConfiguredSummarizer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
public class SummarizationServiceBean implements SummarizationService {
  static final int DEFAULT_CHUNK = 16;
  private static final Logger LOG = Logger.getLogger(SummarizationServiceBean.class.getName());

  @PersistenceContext private EntityManager em;
  @EJB private SummaryProducer producer;
  @EJB private JobSupervisor supervisor;
  @EJB private JobTracker tracker;
  @EJB private ConfiguredSummarizer summarizer;
  @EJB private AuditTrail audit;
  @Resource private ManagedExecutorService executor;

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
    } catch (java.sql.SQLException e) {
      throw new UnavailableException(
          "The summary could not be stored (" + e.getClass().getSimpleName() + "); try again");
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
    ClinicalNote note = em.find(ClinicalNote.class, noteId);
    if (note == null) {
      throw new NotFoundException("Note", noteId);
    }
    return note;
  }

  private Optional<Summary> existing(long noteId) {
    return em.createQuery("select s from Summary s where s.note.id = :id", Summary.class)
        .setParameter("id", noteId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public JobView startJob(Actor actor, int chunkSize) {
    if (chunkSize < 1 || chunkSize > 256) {
      throw new InvalidInputException("chunkSize", "must be 1 to 256, was " + chunkSize);
    }
    summarizer.require();
    long jobId =
        tracker.create(
            JobKind.SUMMARIZE, JobStatus.QUEUED, actor.username(), "chunkSize=" + chunkSize);
    audit.record(actor, AuditTrail.JOB_CHANGED, "job", jobId, "started");
    supervisor.launch(jobId, chunkSize);
    return view(jobId);
  }

  @Override
  public JobView stopJob(Actor actor, long jobId) {
    Job job = summarizeJob(jobId);
    if (job.getStatus().isFinal()) {
      throw new ConflictException("Job " + jobId + " has already ended (" + job.getStatus() + ")");
    }
    supervisor.stop(job);
    tracker.transition(
        jobId, List.of(JobStatus.QUEUED, JobStatus.RUNNING), JobStatus.STOPPED, null);
    audit.record(actor, AuditTrail.JOB_CHANGED, "job", jobId, "stopped");
    return view(jobId);
  }

  @Override
  public JobView restartJob(Actor actor, long jobId) {
    Job job = summarizeJob(jobId);
    if (supervisor.isRunningHere(job)) {
      throw new ConflictException(
          "Job " + jobId + " is still finishing its current chunk; restart it in a moment");
    }
    if (!tracker.transition(
        jobId, List.of(JobStatus.FAILED, JobStatus.STOPPED), JobStatus.QUEUED, null)) {
      throw new ConflictException(
          "Job " + jobId + " is " + job.getStatus() + "; only FAILED or STOPPED jobs restart");
    }
    audit.record(actor, AuditTrail.JOB_CHANGED, "job", jobId, "restarted");
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
    Job job = em.find(Job.class, jobId);
    if (job == null || job.getKind() != JobKind.SUMMARIZE) {
      throw new NotFoundException("Summarization job", jobId);
    }
    return job;
  }

  private JobView view(long jobId) {
    Job job = em.find(Job.class, jobId);
    em.refresh(job);
    return Views.job(job);
  }
}

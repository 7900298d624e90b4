package io.clinsum.ee.application;

import jakarta.ejb.Local;
import java.util.Optional;

/** Turns notes into summaries: one on demand, or all pending notes as a batch job. */
@Local
public interface SummarizationService {
  /**
   * Summarizes one note in the background.
   *
   * @return the existing summary if the note has one (nothing is queued then)
   */
  Optional<SummaryView> requestSummary(Actor actor, long noteId);

  /**
   * The note's summary, made now in the caller's request if there is none yet (without note text).
   *
   * @throws UnavailableException when the backend cannot work or the model fails on this note
   */
  SummaryView summarizeNow(Actor actor, long noteId);

  /** Starts a job over every note without a summary; refused while another one runs. */
  JobView startJob(Actor actor, int chunkSize);

  /** Asks a running job to stop after its current chunk. */
  JobView stopJob(Actor actor, long jobId);

  /** Queues a stopped or failed job again; it resumes with the notes still pending. */
  JobView restartJob(Actor actor, long jobId);

  /**
   * The backend, model and settings summaries are made with, or why the backend cannot work now (it
   * is tried again on later calls, so fixing the cause is enough).
   */
  BackendView backend();

  /**
   * The configured backend, as the API shows it.
   *
   * @param available whether it can summarize now
   * @param reason why not, when it cannot
   * @param modelId null when unavailable
   */
  record BackendView(
      String backend,
      boolean available,
      String reason,
      String modelId,
      String modelVersion,
      java.util.Map<String, String> settings) {}
}

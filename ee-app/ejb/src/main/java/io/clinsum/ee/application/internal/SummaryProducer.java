package io.clinsum.ee.application.internal;

import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.port.SummarizerSource;
import io.clinsum.ee.application.port.SummaryStore;
import io.clinsum.ee.application.port.SummaryStore.GeneratedBatch;
import io.clinsum.ee.domain.model.note.PendingNote;
import io.clinsum.ee.domain.model.summary.GeneratedSummary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place summaries are made and stored, for the batch job and for single notes alike:
 * summarizes a group of notes (each may fail alone), then stores the summaries, the failures and
 * the job's counters in the caller's transaction.
 */
@Stateless
public class SummaryProducer {
  /** What one call stored. */
  public record Produced(int stored, int failed) {}

  @Inject SummarizerSource summarizer;
  @Inject SummaryStore summaries;

  /**
   * Summarizes {@code notes} and stores the results.
   *
   * @param jobId the job to count them for; null for notes summarized on demand
   * @throws io.clinsum.ee.application.port.StoreException when they cannot be stored
   */
  public Produced produce(List<PendingNote> notes, Long jobId, String actor) {
    Summarizer s = summarizer.get();
    List<SummarizationRequest> requests = new ArrayList<>(notes.size());
    for (PendingNote n : notes) {
      requests.add(SummarizationRequest.of(Long.toString(n.id()), n.text()));
    }
    List<SummarizationOutcome> outcomes = s.summarizeEach(requests);
    String options = s.defaultOptions().toString();
    List<GeneratedSummary> rows = new ArrayList<>(notes.size());
    List<JobErrorView> errors = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      long noteId = notes.get(i).id();
      SummarizationOutcome o = outcomes.get(i);
      if (o.succeeded()) {
        SummarizationResult r = o.result();
        rows.add(
            new GeneratedSummary(
                noteId,
                r.text(),
                r.backend(),
                r.modelId(),
                r.modelVersion(),
                options,
                r.elapsed().toMillis(),
                r.inputTokens(),
                r.outputTokens(),
                r.chunks(),
                jobId));
      } else {
        // SDK errors describe the failure, never the note's text.
        errors.add(new JobErrorView(null, noteId, null, "note " + noteId, o.error().getMessage()));
      }
    }
    int stored =
        summaries.storeGenerated(new GeneratedBatch(rows, errors, notes.size(), jobId, actor));
    return new Produced(stored, errors.size());
  }
}

package io.clinsum.ee.application.internal;

import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.jdbc.JobRows;
import io.clinsum.ee.infrastructure.persistence.jdbc.SummaryInsert;
import io.clinsum.ee.infrastructure.persistence.jdbc.SummaryInsert.NewSummary;
import io.clinsum.ee.infrastructure.summarizer.ConfiguredSummarizer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one place summaries are made and stored, for the batch job and for single notes alike:
 * summarizes a group of notes (each may fail alone), then stores the summaries, the failures and
 * the job's counters in the caller's transaction.
 */
@Stateless
public class SummaryProducer {
  /** A note waiting for its summary. */
  public record PendingNote(long id, String text) implements Serializable {}

  /** What one call stored. */
  public record Produced(int stored, int failed) {}

  @EJB private ConfiguredSummarizer summarizer;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  public Produced produce(List<PendingNote> notes, Long jobId, String actor) throws SQLException {
    Summarizer s = summarizer.get();
    List<SummarizationRequest> requests = new ArrayList<>(notes.size());
    for (PendingNote n : notes) {
      requests.add(SummarizationRequest.of(Long.toString(n.id()), n.text()));
    }
    List<SummarizationOutcome> outcomes = s.summarizeEach(requests);
    String options = s.defaultOptions().toString();
    List<NewSummary> rows = new ArrayList<>(notes.size());
    List<JobErrorView> errors = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      long noteId = notes.get(i).id();
      SummarizationOutcome o = outcomes.get(i);
      if (o.succeeded()) {
        SummarizationResult r = o.result();
        rows.add(
            new NewSummary(
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
    try (Connection c = dataSource.getConnection()) {
      int stored = SummaryInsert.insert(c, rows, actor);
      if (jobId != null) {
        JobRows.errors(c, jobId, errors);
        JobRows.count(c, jobId, notes.size(), stored, errors.size());
      }
      return new Produced(stored, errors.size());
    }
  }
}

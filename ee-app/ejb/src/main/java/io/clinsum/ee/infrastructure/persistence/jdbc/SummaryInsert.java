package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.domain.model.summary.GeneratedSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes generated summaries with their first history entry. A note that already has a summary is
 * skipped by the database itself ({@code ON CONFLICT (note_id)}), which is why a job that restarts
 * after a crash, or two jobs racing, can never store a note's summary twice.
 */
public final class SummaryInsert {
  private static final String INSERT =
      "WITH s AS (INSERT INTO summary (note_id, generated_text, text, backend, model_id,"
          + " model_version, options, elapsed_ms, input_tokens, output_tokens, chunks, state,"
          + " job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GENERATED', ?)"
          + " ON CONFLICT (note_id) DO NOTHING RETURNING id, text)"
          + " INSERT INTO summary_revision (summary_id, revision, state, text, actor)"
          + " SELECT id, 0, 'GENERATED', text, ? FROM s";

  private SummaryInsert() {}

  /**
   * Inserts {@code summaries} in the caller's transaction.
   *
   * @return how many were new
   */
  public static int insert(Connection connection, List<GeneratedSummary> summaries, String actor)
      throws SQLException {
    if (summaries.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      for (GeneratedSummary s : summaries) {
        int i = 1;
        ps.setLong(i++, s.noteId());
        ps.setString(i++, s.text());
        ps.setString(i++, s.text());
        ps.setString(i++, s.backend());
        ps.setString(i++, s.modelId());
        ps.setString(i++, s.modelVersion());
        ps.setString(i++, s.options());
        ps.setLong(i++, s.elapsedMs());
        ps.setInt(i++, s.inputTokens());
        ps.setInt(i++, s.outputTokens());
        ps.setInt(i++, s.chunks());
        if (s.jobId() == null) {
          ps.setNull(i++, Types.BIGINT);
        } else {
          ps.setLong(i++, s.jobId());
        }
        ps.setString(i, actor);
        ps.addBatch();
      }
      int inserted = 0;
      for (int count : ps.executeBatch()) {
        inserted += Math.max(count, 0);
      }
      return inserted;
    }
  }
}

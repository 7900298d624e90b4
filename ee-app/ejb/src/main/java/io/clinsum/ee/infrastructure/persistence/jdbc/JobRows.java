package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.domain.model.job.NewJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Every write to a job row. Counter updates run in the transaction of the work they count, so
 * progress is exact after a crash; status changes are single statements, so the batch runtime, the
 * supervisor and an admin never overwrite each other's columns.
 */
public final class JobRows {
  private JobRows() {}

  /** Inserts {@code job} and returns its id. */
  public static long insert(Connection c, NewJob job) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO job (kind, status, created_by, parameters, runner, started_at)"
                + " VALUES (?, ?, ?, ?, ?, CASE WHEN ? THEN now() END) RETURNING id")) {
      ps.setString(1, job.kind().name());
      ps.setString(2, job.status().name());
      ps.setString(3, job.createdBy());
      ps.setString(4, job.parameters());
      ps.setString(5, job.runner());
      ps.setBoolean(6, job.status() == JobStatus.RUNNING);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Adds to the counters. A chunk that stored summaries resets the attempt count to this one
   * attempt, so "attempts" counts failures in a row.
   */
  public static void count(Connection c, long jobId, long processed, long succeeded, long failed)
      throws SQLException {
    update(
        c,
        "UPDATE job SET processed = processed + ?, succeeded = succeeded + ?, failed = failed + ?,"
            + " attempts = CASE WHEN ? > 0 THEN LEAST(attempts, 1) ELSE attempts END"
            + " WHERE id = ?",
        processed,
        succeeded,
        failed,
        succeeded,
        jobId);
  }

  /**
   * Claims a QUEUED job for {@code runner}: RUNNING, one more attempt, no execution yet.
   *
   * @return false when the job was not QUEUED (someone else claimed, stopped or finished it)
   */
  public static boolean claim(Connection c, long jobId, String runner) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET status = 'RUNNING', runner = ?, execution_id = NULL,"
                + " attempts = attempts + 1, launches = launches + 1, error = NULL,"
                + " finished_at = NULL,"
                + " started_at = coalesce(started_at, now()) WHERE id = ? AND status = 'QUEUED'")) {
      ps.setString(1, runner);
      ps.setLong(2, jobId);
      return ps.executeUpdate() == 1;
    }
  }

  /** Records the batch execution of a job {@code runner} claimed. */
  public static boolean launched(Connection c, long jobId, long executionId, String runner)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET execution_id = ? WHERE id = ? AND runner = ? AND status = 'RUNNING'")) {
      ps.setLong(1, executionId);
      ps.setLong(2, jobId);
      ps.setString(3, runner);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Puts a RUNNING job whose execution is gone back in the queue, only if it is still that
   * execution's (runner and execution id unchanged since the caller looked).
   */
  public static boolean requeueOrphan(Connection c, long jobId, String runner, Long executionId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET status = 'QUEUED' WHERE id = ? AND status = 'RUNNING'"
                + " AND runner IS NOT DISTINCT FROM ? AND execution_id IS NOT DISTINCT FROM ?")) {
      ps.setLong(1, jobId);
      ps.setString(2, runner);
      if (executionId == null) {
        ps.setNull(3, Types.BIGINT);
      } else {
        ps.setLong(3, executionId);
      }
      return ps.executeUpdate() == 1;
    }
  }

  /** Sets the total to what is done plus {@code remaining}. */
  public static void total(Connection c, long jobId, long remaining) throws SQLException {
    update(c, "UPDATE job SET total = processed + ? WHERE id = ?", remaining, jobId);
  }

  /** Sets the total outright (imports know it at the end). */
  public static void totalExactly(Connection c, long jobId, long total) throws SQLException {
    update(c, "UPDATE job SET total = ? WHERE id = ?", total, jobId);
  }

  /**
   * Applies {@code t} as one statement: the job changes only while it is in one of {@code t}'s
   * {@code from} states (and, if {@code t} names one, still that execution). The finish time and
   * the attempt count follow {@link JobTransition#finishes()} and {@link
   * JobTransition#resetsAttemptsFrom(JobStatus)}.
   *
   * @return whether the row changed
   */
  public static boolean transition(Connection c, long jobId, JobTransition t) throws SQLException {
    String[] resetFrom =
        t.from().stream().filter(t::resetsAttemptsFrom).map(Enum::name).toArray(String[]::new);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET status = ?, error = ?,"
                + " finished_at = CASE WHEN ? THEN now() END,"
                + " attempts = CASE WHEN status = ANY (?) THEN 0 ELSE attempts END"
                + " WHERE id = ? AND status = ANY (?)"
                + (t.executionId() == null ? "" : " AND execution_id = ?"))) {
      ps.setString(1, t.to().name());
      ps.setString(2, t.error());
      ps.setBoolean(3, t.finishes());
      ps.setArray(4, c.createArrayOf("varchar", resetFrom));
      ps.setLong(5, jobId);
      ps.setArray(6, c.createArrayOf("varchar", t.from().stream().map(Enum::name).toArray()));
      if (t.executionId() != null) {
        ps.setLong(7, t.executionId());
      }
      return ps.executeUpdate() == 1;
    }
  }

  public static void errors(Connection c, long jobId, List<JobErrorView> errors)
      throws SQLException {
    if (errors.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO job_error (job_id, row_num, note_id, field, location, message)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (JobErrorView e : errors) {
        ps.setLong(1, jobId);
        setLong(ps, 2, e.row());
        setLong(ps, 3, e.noteId());
        ps.setString(4, e.field());
        ps.setString(5, e.location());
        ps.setString(6, e.message());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void update(Connection c, String sql, long... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setLong(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}

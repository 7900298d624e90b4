package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
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

  /** Inserts a job and returns its id. */
  public static long insert(
      Connection c, JobKind kind, JobStatus status, String createdBy, String parameters)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO job (kind, status, created_by, parameters, started_at)"
                + " VALUES (?, ?, ?, ?, CASE WHEN ? THEN now() END) RETURNING id")) {
      ps.setString(1, kind.name());
      ps.setString(2, status.name());
      ps.setString(3, createdBy);
      ps.setString(4, parameters);
      ps.setBoolean(5, status == JobStatus.RUNNING);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Adds to the counters. */
  public static void count(Connection c, long jobId, long processed, long succeeded, long failed)
      throws SQLException {
    update(
        c,
        "UPDATE job SET processed = processed + ?, succeeded = succeeded + ?, failed = failed + ?"
            + " WHERE id = ?",
        processed,
        succeeded,
        failed,
        jobId);
  }

  /** Marks the job running as {@code runner}'s batch execution {@code executionId}. */
  public static void launched(Connection c, long jobId, long executionId, String runner)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET status = 'RUNNING', execution_id = ?, runner = ?,"
                + " attempts = attempts + 1, error = NULL, finished_at = NULL,"
                + " started_at = coalesce(started_at, now()) WHERE id = ?")) {
      ps.setLong(1, executionId);
      ps.setString(2, runner);
      ps.setLong(3, jobId);
      ps.executeUpdate();
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
   * Moves the job to {@code status} with {@code error}, only if it is in one of {@code from}.
   *
   * @return whether the row changed
   */
  public static boolean transition(
      Connection c, long jobId, List<JobStatus> from, JobStatus status, String error)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET status = ?, error = ?,"
                + " finished_at = CASE WHEN ? THEN now() END,"
                + " attempts = CASE WHEN ? = 'QUEUED' AND status IN ('FAILED', 'STOPPED')"
                + " THEN 0 ELSE attempts END"
                + " WHERE id = ? AND status = ANY (?)")) {
      ps.setString(1, status.name());
      ps.setString(2, error);
      ps.setBoolean(3, status.isFinal());
      ps.setString(4, status.name());
      ps.setLong(5, jobId);
      ps.setArray(6, c.createArrayOf("varchar", from.stream().map(Enum::name).toArray()));
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

package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.jdbc.JobRows;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Job bookkeeping, each call in a transaction of its own: progress stays visible while the work it
 * describes is still uncommitted, and survives that work's rollback.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobTracker {
  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  /** Functional interface for one JDBC step. */
  @FunctionalInterface
  interface Sql<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T sql(String what, Sql<T> step) {
    try (Connection c = dataSource.getConnection()) {
      return step.run(c);
    } catch (SQLException e) {
      throw new JobStoreException("Cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Inserts a job.
   *
   * @throws ConflictException when another job of a kind that runs alone (summarization, grouping)
   *     is queued or running
   */
  public long create(JobKind kind, JobStatus status, String createdBy, String parameters) {
    return create(kind, status, createdBy, parameters, null);
  }

  /**
   * {@link #create(JobKind, JobStatus, String, String)} for a job that runs at once on {@code
   * runner}.
   */
  public long create(
      JobKind kind, JobStatus status, String createdBy, String parameters, String runner) {
    try (Connection c = dataSource.getConnection()) {
      return JobRows.insert(c, kind, status, createdBy, parameters, runner);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) { // job_one_open_summarize, job_one_open_group
        throw new ConflictException(
            kind == JobKind.GROUP
                ? "A grouping job is queued or running; wait for it to finish"
                : "Another summarization job is queued or running; stop it or wait for it to"
                    + " finish");
      }
      throw new JobStoreException("Cannot create a job: " + e.getMessage(), e);
    }
  }

  public boolean claim(long jobId, String runner) {
    return sql("claim job " + jobId, c -> JobRows.claim(c, jobId, runner));
  }

  public boolean requeueOrphan(long jobId, String runner, Long executionId) {
    return sql("requeue job " + jobId, c -> JobRows.requeueOrphan(c, jobId, runner, executionId));
  }

  public void progress(long jobId, long processed, long succeeded, long failed) {
    sql(
        "update job " + jobId,
        c -> {
          JobRows.count(c, jobId, processed, succeeded, failed);
          return null;
        });
  }

  public boolean launched(long jobId, long executionId, String runner) {
    return sql(
        "mark job " + jobId + " running", c -> JobRows.launched(c, jobId, executionId, runner));
  }

  public void remaining(long jobId, long remaining) {
    sql(
        "update job " + jobId,
        c -> {
          JobRows.total(c, jobId, remaining);
          return null;
        });
  }

  public boolean transition(long jobId, List<JobStatus> from, JobStatus to, String error) {
    return sql("change job " + jobId, c -> JobRows.transition(c, jobId, from, to, error));
  }

  /** A transition made by execution {@code executionId}, ignored once the job has moved on. */
  public boolean transition(
      long jobId, long executionId, List<JobStatus> from, JobStatus to, String error) {
    return sql(
        "change job " + jobId, c -> JobRows.transition(c, jobId, executionId, from, to, error));
  }

  /** Ends an import: its errors, its total and its final status. */
  public void finishImport(
      long jobId, JobStatus status, long total, String error, List<JobErrorView> errors) {
    sql(
        "finish job " + jobId,
        c -> {
          JobRows.errors(c, jobId, errors);
          JobRows.totalExactly(c, jobId, total);
          JobRows.transition(c, jobId, List.of(JobStatus.RUNNING), status, error);
          return null;
        });
  }

  /** A job row could not be read or written (the database is away, most often). */
  public static class JobStoreException extends RuntimeException {
    JobStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

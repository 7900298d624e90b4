package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobError;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.domain.model.job.NewJob;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.JpqlFilter;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link JobStore} on PostgreSQL: writes through {@link JobRows} (single conditional
 * statements), reads through JPA, each call in a transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JdbcJobStore implements JobStore {
  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @PersistenceContext private EntityManager em;

  /** One JDBC step. */
  @FunctionalInterface
  private interface Sql<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T sql(String what, Sql<T> step) {
    try (Connection c = dataSource.getConnection()) {
      return step.run(c);
    } catch (SQLException e) {
      throw new JobStoreException("Cannot " + what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long create(NewJob job) {
    try (Connection c = dataSource.getConnection()) {
      return JobRows.insert(c, job);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) { // job_one_open_summarize, job_one_open_group
        throw new OpenJobExistsException(job.kind(), e);
      }
      throw new JobStoreException("Cannot create a job: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Job> find(long jobId) {
    return Optional.ofNullable(em.find(Job.class, jobId));
  }

  @Override
  public List<Job> open(JobKind kind) {
    return em.createQuery(
            "select j from Job j where j.kind = :kind and j.status in :open order by j.id",
            Job.class)
        .setParameter("kind", kind)
        .setParameter("open", List.of(JobStatus.QUEUED, JobStatus.RUNNING))
        .getResultList();
  }

  @Override
  public Optional<Job> latest(JobKind kind) {
    return em.createQuery("select j from Job j where j.kind = :kind order by j.id desc", Job.class)
        .setParameter("kind", kind)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Job> page(JobKind kind, JobStatus status, int offset, int limit) {
    JpqlFilter filter = filter(kind, status);
    TypedQuery<Job> q =
        em.createQuery("select j from Job j" + filter.where() + " order by j.id desc", Job.class);
    filter.bind(q);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(JobKind kind, JobStatus status) {
    JpqlFilter filter = filter(kind, status);
    TypedQuery<Long> q = em.createQuery("select count(j) from Job j" + filter.where(), Long.class);
    filter.bind(q);
    return q.getSingleResult();
  }

  private static JpqlFilter filter(JobKind kind, JobStatus status) {
    return new JpqlFilter()
        .and("j.kind = :kind", "kind", kind)
        .and("j.status = :status", "status", status);
  }

  @Override
  public List<JobErrorView> errors(long jobId, int offset, int limit) {
    return em
        .createQuery("select e from JobError e where e.jobId = :id order by e.id", JobError.class)
        .setParameter("id", jobId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            e ->
                new JobErrorView(
                    e.getRow(), e.getNoteId(), e.getField(), e.getLocation(), e.getMessage()))
        .toList();
  }

  @Override
  public long countErrors(long jobId) {
    return em.createQuery("select count(e) from JobError e where e.jobId = :id", Long.class)
        .setParameter("id", jobId)
        .getSingleResult();
  }

  @Override
  public boolean claim(long jobId, String runner) {
    return sql("claim job " + jobId, c -> JobRows.claim(c, jobId, runner));
  }

  @Override
  public boolean launched(long jobId, long executionId, String runner) {
    return sql(
        "mark job " + jobId + " running", c -> JobRows.launched(c, jobId, executionId, runner));
  }

  @Override
  public boolean requeueOrphan(long jobId, String runner, Long executionId) {
    return sql("requeue job " + jobId, c -> JobRows.requeueOrphan(c, jobId, runner, executionId));
  }

  @Override
  public void progress(long jobId, long processed, long succeeded, long failed) {
    sql(
        "update job " + jobId,
        c -> {
          JobRows.count(c, jobId, processed, succeeded, failed);
          return null;
        });
  }

  @Override
  public void remaining(long jobId, long remaining) {
    sql(
        "update job " + jobId,
        c -> {
          JobRows.total(c, jobId, remaining);
          return null;
        });
  }

  @Override
  public boolean apply(long jobId, JobTransition transition) {
    return sql("change job " + jobId, c -> JobRows.transition(c, jobId, transition));
  }

  @Override
  public void finishImport(long jobId, JobTransition end, long total, List<JobErrorView> errors) {
    sql(
        "finish job " + jobId,
        c -> {
          JobRows.errors(c, jobId, errors);
          JobRows.totalExactly(c, jobId, total);
          JobRows.transition(c, jobId, end);
          return null;
        });
  }
}

package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.JobService;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobError;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Arrays;

@Stateless
public class JobServiceBean implements JobService {
  @PersistenceContext private EntityManager em;

  @Override
  public JobView job(long jobId) {
    Job job = em.find(Job.class, jobId);
    if (job == null) {
      throw new NotFoundException("Job", jobId);
    }
    return Views.job(job);
  }

  @Override
  public Page<JobView> jobs(String kind, String status, PageRequest page) {
    JpqlFilter filter =
        new JpqlFilter()
            .and("j.kind = :kind", "kind", kind == null ? null : parse(JobKind.class, "kind", kind))
            .and(
                "j.status = :status",
                "status",
                status == null ? null : parse(JobStatus.class, "status", status));
    String where = filter.where();
    TypedQuery<Job> q =
        em.createQuery("select j from Job j" + where + " order by j.id desc", Job.class);
    TypedQuery<Long> count = em.createQuery("select count(j) from Job j" + where, Long.class);
    filter.bind(q, count);
    return new Page<>(
        q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
            .map(Views::job)
            .toList(),
        page.page(),
        page.size(),
        count.getSingleResult());
  }

  @Override
  public Page<JobErrorView> errors(long jobId, PageRequest page) {
    job(jobId);
    var items =
        em
            .createQuery(
                "select e from JobError e where e.jobId = :id order by e.id", JobError.class)
            .setParameter("id", jobId)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList()
            .stream()
            .map(
                e ->
                    new JobErrorView(
                        e.getRow(), e.getNoteId(), e.getField(), e.getLocation(), e.getMessage()))
            .toList();
    long total =
        em.createQuery("select count(e) from JobError e where e.jobId = :id", Long.class)
            .setParameter("id", jobId)
            .getSingleResult();
    return new Page<>(items, page.page(), page.size(), total);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was " + value);
    }
  }
}

package io.clinsum.ee.application.internal;

import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import jakarta.persistence.EntityManager;
import java.util.List;

/** The jobs of one kind that are queued or running, oldest first: what the supervisors look at. */
final class OpenJobs {
  private OpenJobs() {}

  static List<Job> of(EntityManager em, JobKind kind) {
    return em.createQuery(
            "select j from Job j where j.kind = :kind and j.status in :open order by j.id",
            Job.class)
        .setParameter("kind", kind)
        .setParameter("open", List.of(JobStatus.QUEUED, JobStatus.RUNNING))
        .getResultList();
  }
}

package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.GroupMemberView;
import io.clinsum.ee.application.GroupingService;
import io.clinsum.ee.application.GroupingView;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.PatientGroupView;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.jdbc.GroupingRows;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

@Stateless
public class GroupingServiceBean implements GroupingService {
  static final int MAX_K = 200;

  @PersistenceContext private EntityManager em;
  @EJB private JobTracker tracker;
  @EJB private GroupingRunner runner;
  @EJB private AuditTrail audit;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @Override
  public JobView regroup(Actor actor, String algorithm, Integer k) {
    String a = algorithm == null ? "kmeans" : algorithm.trim().toLowerCase(Locale.ROOT);
    if (!a.equals("kmeans") && !a.equals("hdbscan")) {
      throw new InvalidInputException(
          "algorithm", "must be kmeans or hdbscan, was '" + algorithm + "'");
    }
    if (k != null && (k < 2 || k > MAX_K)) {
      throw new InvalidInputException("k", "must be 2 to " + MAX_K + ", was " + k);
    }
    if (k != null && a.equals("hdbscan")) {
      throw new InvalidInputException("k", "applies to kmeans only; hdbscan finds k itself");
    }
    String parameters = "algorithm=" + a + (k == null ? "" : ";k=" + k);
    long jobId = tracker.create(JobKind.GROUP, JobStatus.QUEUED, actor.username(), parameters);
    audit.record(actor, AuditTrail.JOB_CHANGED, "job", jobId, "regroup " + parameters);
    runner.launch(jobId, parameters, actor.username());
    Job job = em.find(Job.class, jobId);
    em.refresh(job);
    return Views.job(job);
  }

  @Override
  public Optional<JobView> latestJob() {
    return em.createQuery("select j from Job j where j.kind = :kind order by j.id desc", Job.class)
        .setParameter("kind", JobKind.GROUP)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(Views::job);
  }

  @Override
  public Page<GroupingView> groupings(PageRequest page) {
    return read(
        c ->
            new Page<>(
                GroupingRows.page(c, page.offset(), page.size()),
                page.page(),
                page.size(),
                GroupingRows.count(c)));
  }

  @Override
  public GroupingView grouping(long id) {
    return read(c -> GroupingRows.find(c, id))
        .orElseThrow(() -> new NotFoundException("Grouping", id));
  }

  @Override
  public GroupingView latest() {
    return read(GroupingRows::latest)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no grouping yet; start one with POST /api/groupings"));
  }

  @Override
  public Page<GroupMemberView> members(long groupingId, Integer group, PageRequest page) {
    return read(
        c -> {
          // Only whether it exists: the console reads members page after page.
          if (!GroupingRows.exists(c, groupingId)) {
            throw new NotFoundException("Grouping", groupingId);
          }
          List<GroupMemberView> items =
              GroupingRows.members(c, groupingId, group, page.offset(), page.size());
          return new Page<>(
              items, page.page(), page.size(), GroupingRows.countMembers(c, groupingId, group));
        });
  }

  @Override
  public PatientGroupView patientGroup(String patientId) {
    return read(c -> GroupingRows.patientGroup(c, patientId))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No grouping includes patient "
                        + patientId
                        + " (unknown, or without a summary when the last grouping ran)"));
  }

  @Override
  public PatientGroupView patientGroup(long patientNumber) {
    return read(c -> GroupingRows.patientGroup(c, patientNumber))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No grouping includes patient number "
                        + patientNumber
                        + " (unknown, or without a summary when the last grouping ran)"));
  }

  @FunctionalInterface
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> read) {
    try (Connection c = dataSource.getConnection()) {
      return read.run(c);
    } catch (SQLException e) {
      throw new jakarta.ejb.EJBException("Cannot read groupings: " + e.getMessage(), e);
    }
  }
}

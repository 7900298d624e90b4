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
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.GroupingStore;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.NewJob;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

@Stateless
public class GroupingServiceBean implements GroupingService {
  static final int MAX_K = 200;

  @Inject JobStore jobs;
  @Inject GroupingStore store;
  @EJB GroupingRunner runner;
  @Inject AuditLog audit;

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
    long jobId = Jobs.create(jobs, NewJob.queued(JobKind.GROUP, actor.username(), parameters));
    audit.record(actor, AuditLog.JOB_CHANGED, "job", jobId, "regroup " + parameters);
    runner.launch(jobId, parameters, actor.username());
    return Jobs.view(jobs, jobId);
  }

  @Override
  public Optional<JobView> latestJob() {
    return jobs.latest(JobKind.GROUP).map(Views::job);
  }

  @Override
  public Page<GroupingView> groupings(PageRequest page) {
    return new Page<>(
        store.page(page.offset(), page.size()), page.page(), page.size(), store.count());
  }

  @Override
  public GroupingView grouping(long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("Grouping", id));
  }

  @Override
  public GroupingView latest() {
    return store
        .latest()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no grouping yet; start one with POST /api/groupings"));
  }

  @Override
  public Page<GroupMemberView> members(long groupingId, Integer group, PageRequest page) {
    // Only whether it exists: the console reads members page after page.
    if (!store.exists(groupingId)) {
      throw new NotFoundException("Grouping", groupingId);
    }
    return new Page<>(
        store.members(groupingId, group, page.offset(), page.size()),
        page.page(),
        page.size(),
        store.countMembers(groupingId, group));
  }

  @Override
  public PatientGroupView patientGroup(String patientId) {
    return store
        .patientGroup(patientId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No grouping includes patient "
                        + patientId
                        + " (unknown, or without a summary when the last grouping ran)"));
  }

  @Override
  public PatientGroupView patientGroup(long patientNumber) {
    return store
        .patientGroup(patientNumber)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No grouping includes patient number "
                        + patientNumber
                        + " (unknown, or without a summary when the last grouping ran)"));
  }
}

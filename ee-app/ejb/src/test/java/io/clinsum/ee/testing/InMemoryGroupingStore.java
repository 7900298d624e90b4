package io.clinsum.ee.testing;

import io.clinsum.ee.application.GroupMemberView;
import io.clinsum.ee.application.GroupingView;
import io.clinsum.ee.application.PatientGroupView;
import io.clinsum.ee.application.port.GroupingStore;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.grouping.Grouping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link GroupingStore} in memory: it holds the grouping input and the ids of saved versions; a
 * save ends the job through the {@link InMemoryJobStore} as the JDBC store does.
 */
public final class InMemoryGroupingStore implements GroupingStore {
  private final InMemoryJobStore jobs;
  private final List<PatientSummaries> input = new ArrayList<>();
  private final List<Long> saved = new ArrayList<>();
  private long patients;

  public InMemoryGroupingStore(InMemoryJobStore jobs) {
    this.jobs = jobs;
  }

  /** A patient with summaries to group by. */
  public void addPatient(long number, String id, List<String> summaries) {
    input.add(new PatientSummaries(number, id, summaries));
    patients++;
  }

  /** Versions saved so far, by the job that saved them. */
  public List<Long> savedByJobs() {
    return List.copyOf(saved);
  }

  @Override
  public long save(long jobId, String createdBy, Grouping grouping, long[] patientNumbers) {
    if (!jobs.apply(jobId, JobTransition.succeed())) {
      throw new IllegalStateException("Grouping job " + jobId + " is no longer running");
    }
    saved.add(jobId);
    return saved.size();
  }

  @Override
  public List<PatientSummaries> patientSummaries() {
    return List.copyOf(input);
  }

  @Override
  public long patients() {
    return patients;
  }

  @Override
  public List<GroupingView> page(int offset, int limit) {
    return List.of();
  }

  @Override
  public long count() {
    return 0;
  }

  @Override
  public Optional<GroupingView> find(long groupingId) {
    return Optional.empty();
  }

  @Override
  public boolean exists(long groupingId) {
    return false;
  }

  @Override
  public Optional<GroupingView> latest() {
    return Optional.empty();
  }

  @Override
  public List<GroupMemberView> members(long groupingId, Integer group, int offset, int limit) {
    return List.of();
  }

  @Override
  public long countMembers(long groupingId, Integer group) {
    return 0;
  }

  @Override
  public Optional<PatientGroupView> patientGroup(String patientId) {
    return Optional.empty();
  }

  @Override
  public Optional<PatientGroupView> patientGroup(long patientNumber) {
    return Optional.empty();
  }
}

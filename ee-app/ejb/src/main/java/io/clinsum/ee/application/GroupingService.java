package io.clinsum.ee.application;

import java.util.Optional;

/**
 * Groups patients with similar diagnoses from their summaries (rejected summaries left out), and
 * keeps every grouping as a version.
 */
public interface GroupingService {
  /**
   * Starts a job that groups every patient with a summary, making a new version when it ends.
   *
   * @param algorithm {@code kmeans} or {@code hdbscan}
   * @param k fixed number of k-means groups, or null to choose it
   * @throws InvalidInputException on an unknown algorithm or k out of range
   * @throws ConflictException when a grouping job is already queued or running
   */
  JobView regroup(Actor actor, String algorithm, Integer k);

  /** The newest grouping job, if there was one (its progress while it runs). */
  Optional<JobView> latestJob();

  /** Grouping versions, newest first, with their groups. */
  Page<GroupingView> groupings(PageRequest page);

  /** One version. */
  GroupingView grouping(long id);

  /** The newest version. */
  GroupingView latest();

  /**
   * Patients of a grouping, by group number then similarity (most typical first).
   *
   * @param group a group number to list only that group, or null for all
   */
  Page<GroupMemberView> members(long groupingId, Integer group, PageRequest page);

  /** The group of patient {@code patientId} in the newest grouping that includes them. */
  PatientGroupView patientGroup(String patientId);

  /** {@link #patientGroup(String)} by the patient's number. */
  PatientGroupView patientGroup(long patientNumber);
}

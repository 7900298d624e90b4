package io.clinsum.ee.application.port;

import io.clinsum.ee.application.GroupMemberView;
import io.clinsum.ee.application.GroupingView;
import io.clinsum.ee.application.PatientGroupView;
import io.clinsum.grouping.Grouping;
import java.util.List;
import java.util.Optional;

/** Grouping versions: written once, with the end of their job, then read page by page. */
public interface GroupingStore {
  /** One patient's summaries, the input of a grouping. */
  record PatientSummaries(long patientNumber, String patientId, List<String> texts) {}

  /**
   * Stores {@code grouping} as a new version and marks job {@code jobId} SUCCEEDED, in one
   * transaction: a version exists exactly when its job succeeded.
   *
   * @param patientNumbers database ids of the patients, in the order of {@link Grouping#members()}
   * @return the new version's id
   * @throws IllegalStateException (storing nothing) when the job is no longer RUNNING
   */
  long save(long jobId, String createdBy, Grouping grouping, long[] patientNumbers);

  /**
   * Every patient with at least one summary that was not rejected, with those summaries (as
   * reviewed, oldest note first).
   */
  List<PatientSummaries> patientSummaries();

  /** Patients in all. */
  long patients();

  /** Versions, newest first. */
  List<GroupingView> page(int offset, int limit);

  long count();

  Optional<GroupingView> find(long groupingId);

  /** Whether version {@code groupingId} exists (one row lookup). */
  boolean exists(long groupingId);

  Optional<GroupingView> latest();

  /** Members of a version, in one group or all, most typical first. */
  List<GroupMemberView> members(long groupingId, Integer group, int offset, int limit);

  long countMembers(long groupingId, Integer group);

  /** The patient's group in the newest version that includes them. */
  Optional<PatientGroupView> patientGroup(String patientId);

  Optional<PatientGroupView> patientGroup(long patientNumber);
}

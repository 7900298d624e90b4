package io.clinsum.ee.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One grouping version: which model and parameters made it, when, and its groups.
 *
 * @param id the version
 * @param jobId the job that computed it
 * @param model embedding model name
 * @param modelVersion its version or file fingerprint
 * @param algorithm {@code k-means} or {@code hdbscan}
 * @param parameters k, seed and what else was used
 * @param patients patients grouped
 * @param silhouette quality, in [-1, 1]
 * @param notes how it was made (sampling, patients left out)
 * @param groups its groups, number 1 first (the largest); number 0 holds ungrouped patients
 */
public record GroupingView(
    long id,
    Long jobId,
    String createdBy,
    Instant createdAt,
    String model,
    String modelVersion,
    String algorithm,
    Map<String, String> parameters,
    int patients,
    int groupCount,
    double silhouette,
    List<String> notes,
    List<GroupView> groups) {
  public GroupingView {
    parameters = Map.copyOf(parameters);
    notes = List.copyOf(notes);
    groups = List.copyOf(groups);
  }
}

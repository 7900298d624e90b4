package io.clinsum.grouping;

import io.clinsum.core.embedding.EmbedderInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of grouping patients: the groups, where each patient went, and how it was made.
 *
 * @param embedder the model whose vectors were grouped
 * @param algorithm {@code k-means} or {@code hdbscan}
 * @param parameters the parameters used (k, seed, ...), for the record
 * @param groups the groups, largest first, numbered 0.. in that order
 * @param members one entry per patient, in input order
 * @param silhouette quality of the grouping: mean silhouette with cosine distance, in [-1, 1]
 *     (above 0.25 is a usable structure, near 0 means the groups overlap)
 * @param notes what people should know about how the grouping was made (sampling, noise)
 * @param embedTime time spent embedding
 * @param groupTime time spent clustering, scoring and labelling
 */
public record Grouping(
    EmbedderInfo embedder,
    String algorithm,
    Map<String, String> parameters,
    List<PatientGroup> groups,
    List<Membership> members,
    double silhouette,
    List<String> notes,
    Duration embedTime,
    Duration groupTime) {
  /** The group id of patients who fit no group. */
  public static final int UNGROUPED = -1;

  public Grouping {
    parameters = Map.copyOf(parameters);
    groups = List.copyOf(groups);
    members = List.copyOf(members);
    notes = List.copyOf(notes);
  }

  /** The group called {@code id}, if there is one. */
  public Optional<PatientGroup> group(int id) {
    return groups.stream().filter(g -> g.id() == id).findFirst();
  }

  /** Each patient's group label in input order ({@code "ungrouped"} for noise), for evaluation. */
  public List<String> labelsInOrder() {
    return members.stream()
        .map(m -> m.groupId() == UNGROUPED ? "ungrouped" : Integer.toString(m.groupId()))
        .toList();
  }
}

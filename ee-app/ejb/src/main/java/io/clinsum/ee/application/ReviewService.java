package io.clinsum.ee.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * Review of summaries. Each change names the version the reviewer saw; if the summary changed
 * since, the change is refused with {@link StaleVersionException} and nothing is written.
 */
@Local
public interface ReviewService {
  /** The review queue and other lists: oldest first, filtered by the non-null arguments. */
  Page<SummaryView> list(
      String state,
      String patientId,
      String noteType,
      String modelVersion,
      Instant from,
      Instant to,
      PageRequest page);

  /** Counts per review state. */
  java.util.Map<String, Long> counts();

  /** One summary with its note's text (an audited read). */
  SummaryView read(Actor actor, long summaryId);

  /** The summary of a note, with the note's text (an audited read). */
  SummaryView readForNote(Actor actor, long noteId);

  SummaryView approve(Actor actor, long summaryId, long expectedVersion, String comment);

  SummaryView edit(Actor actor, long summaryId, long expectedVersion, String text, String comment);

  SummaryView reject(Actor actor, long summaryId, long expectedVersion, String reason);

  List<RevisionView> history(long summaryId);

  /** Every model version that wrote summaries, with its review counts and ROUGE agreement. */
  List<ModelView> models();
}

package io.clinsum.ee.application.port;

import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.domain.model.summary.GeneratedSummary;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.domain.model.summary.SummaryRevision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Summaries and their histories. Calls join the caller's transaction; summaries returned are
 * managed there, so a review changes the summary and {@link #saveReview} makes it stick.
 */
public interface SummaryStore {
  /** Which summaries a list shows; null fields do not filter. */
  record Filter(
      ReviewState state,
      String patientId,
      String noteType,
      String modelVersion,
      Instant from,
      Instant to) {}

  /**
   * What one group of notes produced, stored together: the summaries, the notes that failed, and,
   * for a job, its counters.
   *
   * @param notes how many notes the group held (stored, duplicates and failures)
   * @param jobId the job to count them for; null for notes summarized on demand
   */
  record GeneratedBatch(
      List<GeneratedSummary> summaries,
      List<JobErrorView> failures,
      int notes,
      Long jobId,
      String actor) {
    public GeneratedBatch {
      summaries = List.copyOf(summaries);
      failures = List.copyOf(failures);
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** Summaries of one model version in one review state. */
  record ModelStateCount(
      String backend, String modelId, String modelVersion, ReviewState state, long count) {}

  /** A reviewed (approved or edited) summary's model, generated text and kept text. */
  record ReviewedText(
      String backend, String modelId, String modelVersion, String generatedText, String text) {}

  /** Receives the export's note and summary pairs one at a time. */
  @FunctionalInterface
  interface PairSink {
    void accept(String note, String summary);
  }

  Optional<Summary> find(long summaryId);

  Optional<Summary> findByNote(long noteId);

  /** Summaries matching {@code filter}, oldest first, with their notes and patients loaded. */
  List<Summary> page(Filter filter, int offset, int limit);

  long count(Filter filter);

  /** How many summaries are in each review state (states without any are left out). */
  Map<ReviewState, Long> countByState();

  /** Counts by model version and state, ordered by backend, model and version. */
  List<ModelStateCount> countByModelAndState();

  /** Every approved or edited summary's texts. */
  List<ReviewedText> reviewedTexts();

  /**
   * Makes a review of {@code summary} stick and appends {@code revision}, numbered one past the
   * last, to its history. The versioned update comes first, so of two reviewers of the same version
   * the second waits, then fails here, before either numbers a revision.
   *
   * @throws io.clinsum.ee.application.StaleVersionException when someone else changed the summary
   *     since it was read
   */
  void saveReview(Summary summary, SummaryRevision revision);

  /** The summary's history, oldest first. */
  List<SummaryRevision> history(long summaryId);

  /**
   * Stores new summaries (a note that already has one is skipped, so a rerun never duplicates it)
   * with revision 0 of their histories, and, for a job, its errors and counters, all in the
   * caller's transaction.
   *
   * @return how many summaries were new
   * @throws StoreException when they cannot be stored
   */
  int storeGenerated(GeneratedBatch batch);

  /**
   * Streams every approved or edited summary with its note, oldest first, to {@code sink}.
   *
   * @return how many pairs were written
   */
  long exportReviewed(PairSink sink);
}

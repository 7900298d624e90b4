package io.clinsum.ee.domain.model.summary;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a summary stands in review. A summary is GENERATED once, by a model; review moves it to
 * APPROVED, EDITED or REJECTED, and a reviewer may revise a decision later (each review is a new
 * revision of its history). Nothing returns to GENERATED: the model's text is kept apart as the
 * generated text, and the history shows every step.
 */
public enum ReviewState {
  /** Written by a model, not yet reviewed. */
  GENERATED,
  /** A reviewer accepted the current text as it is. */
  APPROVED,
  /** A reviewer corrected the text; the correction is the summary now. */
  EDITED,
  /** A reviewer found the summary unusable, with a reason. */
  REJECTED;

  /** Whether a reviewer decided on the summary (every state but GENERATED). */
  public boolean isReviewed() {
    return this != GENERATED;
  }

  /** The states a summary in this one may move to by review. */
  public Set<ReviewState> next() {
    return EnumSet.of(APPROVED, EDITED, REJECTED);
  }

  /** Whether review may move a summary in this state to {@code target}. */
  public boolean canBecome(ReviewState target) {
    return next().contains(target);
  }

  /**
   * Refuses a change review does not have.
   *
   * @throws IllegalReviewTransitionException unless {@link #canBecome(ReviewState)
   *     canBecome(target)}
   */
  public void requireCanBecome(ReviewState target) {
    if (!canBecome(target)) {
      throw new IllegalReviewTransitionException(this, target);
    }
  }
}

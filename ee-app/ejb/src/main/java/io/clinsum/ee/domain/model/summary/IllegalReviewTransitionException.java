package io.clinsum.ee.domain.model.summary;

/** A change of review state that review ({@link ReviewState}) does not have. */
public class IllegalReviewTransitionException extends IllegalStateException {
  private final ReviewState from;
  private final ReviewState to;

  public IllegalReviewTransitionException(ReviewState from, ReviewState to) {
    super(
        "A " + from + " summary cannot become " + to + " by review; it can become " + from.next());
    this.from = from;
    this.to = to;
  }

  public ReviewState from() {
    return from;
  }

  public ReviewState to() {
    return to;
  }
}

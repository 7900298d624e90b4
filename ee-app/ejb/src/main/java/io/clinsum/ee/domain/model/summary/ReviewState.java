package io.clinsum.ee.domain.model.summary;

/** Where a summary stands in review. */
public enum ReviewState {
  /** Written by a model, not yet reviewed. */
  GENERATED,
  /** A reviewer accepted the generated text as it is. */
  APPROVED,
  /** A reviewer corrected the text; the correction is the summary now. */
  EDITED,
  /** A reviewer found the summary unusable, with a reason. */
  REJECTED
}

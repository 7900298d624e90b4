package io.clinsum.ee.application.internal;

import io.clinsum.core.deid.Deidentifier;
import io.clinsum.ee.application.PhiSpanView;
import java.util.List;

/**
 * Finds the PHI in a note for the review screen with the SDK's rule-based de-identifier, the same
 * one the SageMaker path and the training-data export mask with.
 */
final class PhiSpans {
  private PhiSpans() {}

  /** Built on first use: loading the dictionaries takes a moment, and no static work at start. */
  private static final class Holder {
    static final Deidentifier DEIDENTIFIER = Deidentifier.builder().build();
  }

  /** The application's de-identifier (tag mode, every category, built-in rules). */
  static Deidentifier deidentifier() {
    return Holder.DEIDENTIFIER;
  }

  static List<PhiSpanView> of(String noteText) {
    return deidentifier().find(noteText).stream()
        .map(s -> new PhiSpanView(s.start(), s.end(), s.category().name()))
        .toList();
  }
}

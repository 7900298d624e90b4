package io.clinsum.core.deid.spi;

import io.clinsum.core.deid.PhiSpan;
import java.util.List;

/**
 * Finds PHI in a text. The built-in rules are one detector; add others (a named-entity model, a
 * site's own identifier formats) with {@link io.clinsum.core.deid.Deidentifier.Builder#detector}.
 * The deidentifier merges the spans of all detectors (overlaps resolved in favour of the longer,
 * then the more confident span) and does the masking itself.
 *
 * <p>Implementations must be thread-safe and must not log or keep the text.
 */
@FunctionalInterface
public interface PhiDetector {
  /**
   * The PHI spans in {@code text}, in any order; overlapping spans are allowed.
   *
   * @param text the note, never {@code null}
   */
  List<PhiSpan> detect(String text);
}

package io.clinsum.core.deid;

import java.util.Objects;

/**
 * One piece of PHI found in a text: where it is, what kind, how sure the detector is and which rule
 * found it. Holds offsets only, never the text itself, so spans can be logged.
 *
 * @param start offset of the first character, inclusive
 * @param end offset after the last character, exclusive
 * @param category the kind of identifier
 * @param confidence from 0 (a guess) to 1 (certain)
 * @param rule name of the rule or detector that found it, such as {@code title-name} or {@code
 *     mrn-context}
 */
public record PhiSpan(int start, int end, PhiCategory category, double confidence, String rule) {
  public PhiSpan {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rule, "rule");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("span needs 0 <= start < end, was " + start + ".." + end);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
    }
  }

  /** Number of characters covered. */
  public int length() {
    return end - start;
  }

  /** Whether this span and {@code other} share at least one character. */
  public boolean overlaps(PhiSpan other) {
    return start < other.end && other.start < end;
  }
}

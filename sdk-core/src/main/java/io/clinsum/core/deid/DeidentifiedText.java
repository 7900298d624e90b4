package io.clinsum.core.deid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A note after masking.
 *
 * @param text the masked text
 * @param spans the PHI found, in order, with offsets into the <em>original</em> text
 * @param replacements the same spans, in the same order, with offsets into the masked {@link
 *     #text()} (to highlight what was replaced; empty ranges are not kept, so in {@link
 *     MaskingMode#REMOVE} mode this list is empty)
 * @param reidentificationMap surrogate → original values, present only when the deidentifier was
 *     built with {@link Deidentifier.Builder#keepReidentificationMap(boolean)}
 */
public record DeidentifiedText(
    String text,
    List<PhiSpan> spans,
    List<PhiSpan> replacements,
    Optional<ReidentificationMap> reidentificationMap) {
  public DeidentifiedText {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    replacements = List.copyOf(replacements);
    Objects.requireNonNull(reidentificationMap, "reidentificationMap");
  }

  @Override
  public String toString() {
    // Never the text: even masked text is kept out of logs.
    return "DeidentifiedText[chars="
        + text.length()
        + ", spans="
        + spans.size()
        + ", map="
        + reidentificationMap.isPresent()
        + "]";
  }
}

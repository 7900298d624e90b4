package io.clinsum.core.text;

import java.util.List;
import java.util.Objects;

/**
 * A part of a clinical note under one heading, such as {@code CHIEF COMPLAINT} or {@code
 * ASSESSMENT}; text before the first heading has an empty heading.
 *
 * @param heading the heading in upper case without its colon, or {@code ""}
 * @param span where the section's body lies in the note
 * @param sentences the body's sentences, in order
 */
public record Section(String heading, Span span, List<Span> sentences) {
  public Section {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(span, "span");
    sentences = List.copyOf(sentences);
  }
}

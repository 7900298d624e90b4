package io.clinsum.core.spi;

import io.clinsum.core.GenerationOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backend is asked to summarize: text that fits its input budget, the instruction, and
 * options with the summarizer's defaults already applied.
 *
 * @param text note text (or a part of a long note, or joined partial summaries)
 * @param instruction the instruction, or {@code null}
 * @param options resolved generation options
 */
public record Prompt(String text, String instruction, GenerationOptions options) {
  public Prompt {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
  }

  public Optional<String> instructionIfAny() {
    return Optional.ofNullable(instruction);
  }
}

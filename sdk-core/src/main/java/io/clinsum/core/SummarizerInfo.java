package io.clinsum.core;

import java.util.Objects;

/**
 * What a summarizer is: its backend, model and input budget.
 *
 * @param backend provider name, such as {@code extractive}
 * @param modelId model identifier
 * @param modelVersion model version
 * @param maxInputTokens the most tokens of note (and instruction) the model reads at once; longer
 *     notes are chunked
 */
public record SummarizerInfo(
    String backend, String modelId, String modelVersion, int maxInputTokens) {
  public SummarizerInfo {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    if (maxInputTokens < 16) {
      throw new IllegalArgumentException(
          "maxInputTokens must be at least 16, was " + maxInputTokens);
    }
  }
}

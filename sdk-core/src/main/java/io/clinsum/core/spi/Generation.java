package io.clinsum.core.spi;

import java.util.Objects;

/**
 * What a backend produced for one {@link Prompt}.
 *
 * @param text the summary
 * @param inputTokens tokens the backend read
 * @param outputTokens tokens the backend wrote
 */
public record Generation(String text, int inputTokens, int outputTokens) {
  public Generation {
    Objects.requireNonNull(text, "text");
  }
}

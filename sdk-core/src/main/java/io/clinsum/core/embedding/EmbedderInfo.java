package io.clinsum.core.embedding;

import java.util.Objects;

/**
 * What an {@link Embedder} is, recorded with every grouping so that a grouping can say which model
 * made it.
 *
 * @param model model name, such as {@code all-MiniLM-L6-v2} or {@code tf-idf}
 * @param version model version or a fingerprint of its files
 * @param dimension length of every vector
 */
public record EmbedderInfo(String model, String version, int dimension) {
  public EmbedderInfo {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive, was " + dimension);
    }
  }

  /** {@code model version} for people. */
  @Override
  public String toString() {
    return model + " " + version;
  }
}

package io.clinsum.core.grouping;

import io.clinsum.core.ProgressListener;
import java.util.List;

/**
 * Turns texts into fixed-length vectors whose cosine similarity says how alike the texts are in
 * meaning. Grouping patients is built on it. Implementations are thread-safe unless they say
 * otherwise, and hold native memory: close them.
 *
 * <pre>{@code
 * try (Embedder embedder = Embedders.open("minilm")) {
 *   List<float[]> vectors = embedder.embedAll(summaries, ProgressListener.NONE);
 * }
 * }</pre>
 */
public interface Embedder extends AutoCloseable {
  /** Which model this is and how long its vectors are. */
  EmbedderInfo info();

  /**
   * The vectors of {@code texts}, in order, each of {@link EmbedderInfo#dimension()} values and
   * unit length (L2 norm 1), so that a dot product is the cosine similarity. Long texts are not
   * cut: an implementation with a token limit embeds them piece by piece and averages the pieces.
   *
   * @param progress told after each text
   * @throws io.clinsum.core.InvalidRequestException when a text is null
   */
  List<float[]> embedAll(List<String> texts, ProgressListener progress);

  /** The vector of one text. */
  default float[] embed(String text) {
    return embedAll(List.of(text), ProgressListener.NONE).get(0);
  }

  /** Releases the model; later calls fail. */
  @Override
  void close();
}

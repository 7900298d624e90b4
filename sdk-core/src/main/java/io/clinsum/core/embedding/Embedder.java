package io.clinsum.core.embedding;

import io.clinsum.core.ProgressListener;
import java.util.List;

/**
 * Turns texts into fixed-length vectors whose cosine similarity says how alike the texts are in
 * meaning. Grouping patients ({@code clinsum-sdk-grouping}) is built on it.
 *
 * <p>This is the user's type: easy to mock and to decorate (a cache, metrics). Backends do not
 * implement it; they implement {@link io.clinsum.core.embedding.spi.EmbeddingBackend}, and {@link
 * Embedders#open} or {@link Embedders#of} wraps them in the shared behaviour (validation, progress,
 * checks on what the backend returns, refusal after close). Embedders so opened are thread-safe
 * when their backend is, and may hold native memory: close them.
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
   * unit length (L2 norm 1), so that a dot product is the cosine similarity; a text in which the
   * model finds nothing it knows (possible with TF-IDF) gets the zero vector. Long texts are not
   * cut: an implementation with a token limit embeds them piece by piece and averages the pieces.
   *
   * @param texts at least one text; an empty string is a text
   * @param progress told after each batch of texts, with the texts done so far and the total
   * @throws io.clinsum.core.InvalidRequestException when the list is empty or a text is null,
   *     naming its index
   * @throws io.clinsum.core.BackendException when the model fails or returns a wrong answer
   * @throws EmbedderClosedException when this embedder is closed
   */
  List<float[]> embedAll(List<String> texts, ProgressListener progress);

  /** The vector of one text. */
  default float[] embed(String text) {
    return embedAll(List.of(text), ProgressListener.NONE).get(0);
  }

  /** Releases the model; later calls fail. Idempotent. */
  @Override
  void close();
}

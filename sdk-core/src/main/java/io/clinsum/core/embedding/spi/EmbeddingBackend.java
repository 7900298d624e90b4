package io.clinsum.core.embedding.spi;

import io.clinsum.core.embedding.EmbedderInfo;
import java.util.List;

/**
 * What an embedding backend implements: turn a batch of texts into vectors. Users never call it;
 * {@link io.clinsum.core.embedding.Embedders#open} and {@link
 * io.clinsum.core.embedding.Embedders#of} wrap it in an {@link io.clinsum.core.embedding.Embedder}
 * that validates the input, reports progress, checks the answer and refuses work after close, so a
 * backend does none of that.
 *
 * <p>The wrapper calls {@link #embed} from the caller's threads (possibly several at once) and
 * calls {@link #close} once; it never calls {@link #embed} after {@link #close}.
 */
public interface EmbeddingBackend extends AutoCloseable {
  /** Which model this is and how long its vectors are; the same on every call. */
  EmbedderInfo info();

  /**
   * The vectors of {@code texts}, in order: one per text, each of {@link EmbedderInfo#dimension()}
   * values and unit length (L2 norm 1), or all zeros for a text in which the model finds nothing it
   * knows. Long texts must not be cut: embed them piece by piece and average the pieces.
   *
   * @param texts at least one text, none null (empty strings are texts)
   * @throws io.clinsum.core.BackendException when the model fails
   */
  List<float[]> embed(List<String> texts);

  /** Releases the model and its native memory. */
  @Override
  void close();
}

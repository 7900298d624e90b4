package io.clinsum.core.embedding.spi;

/**
 * A named source of {@link EmbeddingBackend}s, found through {@link java.util.ServiceLoader}:
 * implementations are listed in {@code
 * META-INF/services/io.clinsum.core.embedding.spi.EmbedderProvider}. Constructing a provider must
 * be cheap; loading happens in {@link #open}. Users open embedders with {@link
 * io.clinsum.core.embedding.Embedders#open}, which wraps the backend.
 */
public interface EmbedderProvider {
  /** The embedder's name, such as {@code minilm}. */
  String name();

  /** One sentence for people choosing an embedder. */
  String description();

  /**
   * Loads the model; the caller owns the backend and must close it.
   *
   * @throws io.clinsum.core.ConfigurationException when its model cannot be loaded, saying why
   */
  EmbeddingBackend open();
}

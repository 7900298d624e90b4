package io.clinsum.core.spi;

import io.clinsum.core.grouping.Embedder;

/**
 * A source of {@link Embedder}s, found through {@link java.util.ServiceLoader}: implementations are
 * listed in {@code META-INF/services/io.clinsum.core.spi.EmbedderProvider}. Constructing a provider
 * must be cheap; loading happens in {@link #open}.
 */
public interface EmbedderProvider {
  /** The embedder's name, such as {@code minilm}. */
  String name();

  /** One sentence for people choosing an embedder. */
  String description();

  /**
   * Opens an embedder; the caller owns it and must close it.
   *
   * @throws io.clinsum.core.ConfigurationException when its model cannot be loaded, saying why
   */
  Embedder open();
}

package io.clinsum.ee.application.port;

import io.clinsum.core.embedding.Embedder;

/** The embedder the grouping job uses, opened on first use and kept. */
public interface EmbedderSource {
  /** The embedder; thread-safe. */
  Embedder get();
}

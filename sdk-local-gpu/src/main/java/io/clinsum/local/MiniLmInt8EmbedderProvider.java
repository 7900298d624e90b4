package io.clinsum.local;

import io.clinsum.core.embedding.spi.EmbedderProvider;
import io.clinsum.core.embedding.spi.EmbeddingBackend;

/** Provider of the {@code minilm-int8} embedder: all-MiniLM-L6-v2 quantized to int8. */
public final class MiniLmInt8EmbedderProvider implements EmbedderProvider {
  @Override
  public String name() {
    return "minilm-int8";
  }

  @Override
  public String description() {
    return "all-MiniLM-L6-v2 quantized to int8: about 2.5 times faster on CPUs, nearly the same"
        + " vectors.";
  }

  @Override
  public EmbeddingBackend open() {
    return OnnxEmbedder.openQuantized();
  }
}

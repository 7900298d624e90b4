package io.clinsum.local;

import io.clinsum.core.embedding.spi.EmbedderProvider;
import io.clinsum.core.embedding.spi.EmbeddingBackend;

/** Provider of the {@code minilm} embedder: all-MiniLM-L6-v2 in float32 through ONNX Runtime. */
public final class MiniLmEmbedderProvider implements EmbedderProvider {
  @Override
  public String name() {
    return "minilm";
  }

  @Override
  public String description() {
    return "all-MiniLM-L6-v2 sentence embeddings (384 dimensions) through ONNX Runtime, offline.";
  }

  @Override
  public EmbeddingBackend open() {
    return OnnxEmbedder.openDefault();
  }
}

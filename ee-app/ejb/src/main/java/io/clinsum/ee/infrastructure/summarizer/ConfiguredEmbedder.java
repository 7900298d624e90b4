package io.clinsum.ee.infrastructure.summarizer;

import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.Embedders;
import io.clinsum.ee.application.port.EmbedderSource;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.logging.Logger;

/**
 * The embedder the grouping job uses, opened on first use and kept: {@code clinsum.embedder} (or
 * {@code CLINSUM_EMBEDDER}) names it, {@code minilm} (all-MiniLM-L6-v2) by default, {@code
 * minilm-int8} for large hospitals that regroup often.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConfiguredEmbedder implements EmbedderSource {
  /** System property naming the embedder. */
  public static final String PROPERTY = "clinsum.embedder";

  private static final Logger LOG = Logger.getLogger(ConfiguredEmbedder.class.getName());

  private Embedder embedder;

  /** The embedder; thread-safe. */
  @Override
  public synchronized Embedder get() {
    if (embedder == null) {
      String name = name();
      embedder = Embedders.open(name);
      LOG.info(() -> "Grouping with embedder '" + name + "', model " + embedder.info());
    }
    return embedder;
  }

  static String name() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("CLINSUM_EMBEDDER");
    }
    return configured == null || configured.isBlank() ? "minilm" : configured.trim();
  }

  @PreDestroy
  synchronized void close() {
    if (embedder != null) {
      embedder.close();
      embedder = null;
    }
  }
}

package io.clinsum.core.embedding;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.embedding.internal.ManagedEmbedder;
import io.clinsum.core.embedding.spi.EmbedderProvider;
import io.clinsum.core.embedding.spi.EmbeddingBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Opens {@link Embedder}s: by name from the providers on the class path ({@code minilm} and {@code
 * minilm-int8} come with clinsum-sdk-local-gpu), or around a backend built in code (such as the
 * TF-IDF baseline of clinsum-sdk-grouping, which is fitted to a corpus first).
 *
 * <pre>{@code
 * try (Embedder embedder = Embedders.open("minilm")) {
 *   float[] v = embedder.embed("Chest pain radiating to the left arm.");
 * }
 * }</pre>
 */
public final class Embedders {
  private Embedders() {}

  /** Every provider on the class path of the calling thread, sorted by name. */
  public static List<EmbedderProvider> providers() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Embedders.class.getClassLoader();
    }
    List<EmbedderProvider> out = new ArrayList<>();
    ServiceLoader.load(EmbedderProvider.class, loader).forEach(out::add);
    out.sort(Comparator.comparing(EmbedderProvider::name));
    return out;
  }

  /**
   * Opens the embedder called {@code name}; the caller owns it and must close it.
   *
   * @throws ConfigurationException when no provider has that name, or its model cannot be loaded
   */
  public static Embedder open(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    List<EmbedderProvider> all = providers();
    EmbedderProvider provider =
        all.stream()
            .filter(p -> p.name().equals(wanted))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "No embedder named '"
                            + name
                            + "'; available: "
                            + (all.isEmpty()
                                ? "none (add clinsum-sdk-local-gpu to the class path for minilm)"
                                : all.stream()
                                    .map(EmbedderProvider::name)
                                    .collect(Collectors.joining(", ")))));
    EmbeddingBackend backend = provider.open();
    if (backend == null) {
      throw new ConfigurationException(
          "The embedder provider '" + provider.name() + "' opened no backend (provider bug)");
    }
    return new ManagedEmbedder(provider.name(), backend);
  }

  /**
   * Wraps a backend built in code in the shared behaviour. The embedder owns the backend: closing
   * the embedder closes it. Errors name the backend by its {@linkplain EmbedderInfo#model() model}.
   */
  public static Embedder of(EmbeddingBackend backend) {
    Objects.requireNonNull(backend, "backend");
    return new ManagedEmbedder(backend.info().model(), backend);
  }
}

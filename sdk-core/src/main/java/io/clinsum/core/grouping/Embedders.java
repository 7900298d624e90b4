package io.clinsum.core.grouping;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.spi.EmbedderProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds embedders on the class path and opens them by name ({@code minilm} comes with
 * clinsum-sdk-local-gpu). The TF-IDF baseline is not among them: it is fitted to a corpus, see
 * {@link TfIdfEmbedder#fit}.
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
   * Opens the embedder called {@code name}.
   *
   * @throws ConfigurationException when no provider has that name, or its model cannot be loaded
   */
  public static Embedder open(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    List<EmbedderProvider> all = providers();
    return all.stream()
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
                                .collect(Collectors.joining(", ")))))
        .open();
  }
}

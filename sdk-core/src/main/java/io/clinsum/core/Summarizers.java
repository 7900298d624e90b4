package io.clinsum.core;

import io.clinsum.core.deid.Deidentifier;
import io.clinsum.core.deid.DeidentifyingSummarizer;
import io.clinsum.core.deid.MaskingMode;
import io.clinsum.core.internal.ManagedSummarizer;
import io.clinsum.core.spi.BackendOption;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.spi.SummarizerProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds summarization backends on the class path and opens summarizers by name.
 *
 * <pre>{@code
 * try (Summarizer s = Summarizers.open("extractive", BackendSettings.empty())) { ... }
 * }</pre>
 *
 * <p>Backends are discovered with {@link ServiceLoader} on every call (no caching, no global
 * state). The system property {@value #BACKEND_PROPERTY} (or the environment variable {@value
 * #BACKEND_ENV}) names the backend {@link #openDefault(BackendSettings)} uses; without it, the
 * available backend with the highest priority wins.
 */
public final class Summarizers {
  /** System property naming the default backend. */
  public static final String BACKEND_PROPERTY = "clinsum.backend";

  /** Environment variable naming the default backend when the property is unset. */
  public static final String BACKEND_ENV = "CLINSUM_BACKEND";

  /**
   * Setting every backend accepts: {@code off} (default), {@code tag}, {@code surrogate} or {@code
   * remove}. When on, {@link #open} wraps the summarizer in a {@link
   * io.clinsum.core.deid.DeidentifyingSummarizer}: notes and instructions are masked before the
   * backend sees them (turn it on for remote backends such as {@code sagemaker}), and in surrogate
   * mode the surrogates in each summary are replaced by the original values.
   */
  public static final BackendOption<String> DEIDENTIFY =
      new BackendOption<>(
          "deidentify",
          String.class,
          "off",
          "Mask PHI before the backend sees a note: off, tag, surrogate or remove (surrogates are"
              + " put back into the summary).");

  /**
   * Setting: the environment variable that holds the surrogate-mode secret (at least 16
   * characters). Default {@code CLINSUM_DEID_SECRET}. The secret itself is never a setting, so it
   * cannot end up in a logged settings map.
   */
  public static final BackendOption<String> DEIDENTIFY_SECRET_ENV =
      new BackendOption<>(
          "deidentify-secret-env",
          String.class,
          "CLINSUM_DEID_SECRET",
          "Environment variable holding the secret of deidentify=surrogate (16+ characters).");

  private Summarizers() {}

  /** Every provider on the class path of the calling thread, sorted by name. */
  public static List<SummarizerProvider> providers() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Summarizers.class.getClassLoader();
    }
    List<SummarizerProvider> out = new ArrayList<>();
    ServiceLoader.load(SummarizerProvider.class, loader).forEach(out::add);
    out.sort(Comparator.comparing(SummarizerProvider::name));
    return out;
  }

  /**
   * The provider named {@code backend}.
   *
   * @throws ConfigurationException when none or several have that name
   */
  public static SummarizerProvider provider(String backend) {
    String wanted = backend.trim().toLowerCase(Locale.ROOT);
    List<SummarizerProvider> all = providers();
    List<SummarizerProvider> matches =
        all.stream().filter(p -> p.name().equals(wanted)).collect(Collectors.toList());
    if (matches.isEmpty()) {
      throw new ConfigurationException(
          "No summarization backend named '"
              + backend
              + "' is on the class path (available: "
              + names(all)
              + "). Add the module that provides it"
              + " (onnx: clinsum-sdk-local-gpu, sagemaker: clinsum-sdk-sagemaker) or set "
              + BACKEND_PROPERTY
              + " to an available one.");
    }
    if (matches.size() > 1) {
      throw new ConfigurationException(
          "Several backends are named '"
              + backend
              + "': "
              + matches.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
              + ". Remove one of them from the class path.");
    }
    return matches.get(0);
  }

  /** Opens the named backend with default settings. */
  public static Summarizer open(String backend) {
    return open(backend, BackendSettings.empty());
  }

  /**
   * Opens the named backend.
   *
   * @throws ConfigurationException when the backend is missing, a setting is unknown or malformed,
   *     or the backend is unavailable as configured
   */
  public static Summarizer open(String backend, BackendSettings settings) {
    SummarizerProvider provider = provider(backend);
    checkKeys(provider, settings);
    SummarizerProvider.Availability availability = provider.availability(settings);
    if (!availability.available()) {
      throw new ConfigurationException(
          "Backend '" + provider.name() + "' is unavailable: " + availability.reason());
    }
    return deidentifying(of(provider.create(settings)), settings);
  }

  private static Summarizer deidentifying(Summarizer summarizer, BackendSettings settings) {
    String mode = settings.get(DEIDENTIFY).toLowerCase(Locale.ROOT);
    if (mode.equals("off") || mode.equals("false") || mode.isEmpty()) {
      return summarizer;
    }
    try {
      MaskingMode m;
      try {
        m = MaskingMode.valueOf(mode.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "Option 'deidentify' must be off, tag, surrogate or remove, got '" + mode + "'");
      }
      Deidentifier.Builder b = Deidentifier.builder().mode(m);
      if (m == MaskingMode.SURROGATE) {
        String env = settings.get(DEIDENTIFY_SECRET_ENV);
        String secret = System.getenv(env);
        if (secret == null || secret.length() < 16) {
          throw new ConfigurationException(
              "Option 'deidentify=surrogate' needs a secret of at least 16 characters in the"
                  + " environment variable "
                  + env
                  + " (set 'deidentify-secret-env' to use another)");
        }
        b.secret(secret.getBytes(StandardCharsets.UTF_8)).keepReidentificationMap(true);
      }
      return DeidentifyingSummarizer.wrap(summarizer, b.build());
    } catch (RuntimeException e) {
      summarizer.close();
      throw e;
    }
  }

  /**
   * Wraps a backend built in code (for example one holding a client the caller configured) in the
   * shared behaviour every summarizer has: validation, defaults, chunking of long notes, timing,
   * error mapping and use-after-close checks. The returned summarizer owns {@code backend} and
   * closes it.
   *
   * <pre>{@code
   * try (Summarizer s = Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.LEAD, 30))) { ... }
   * }</pre>
   */
  public static Summarizer of(SummarizationBackend backend) {
    return new ManagedSummarizer(backend);
  }

  /**
   * Opens the backend named by {@value #BACKEND_PROPERTY} or {@value #BACKEND_ENV}, else the
   * available backend of highest priority.
   */
  public static Summarizer openDefault(BackendSettings settings) {
    return open(defaultBackend(settings), settings);
  }

  /** The backend {@link #openDefault(BackendSettings)} would open. */
  public static String defaultBackend(BackendSettings settings) {
    String named = System.getProperty(BACKEND_PROPERTY);
    if (named == null || named.isBlank()) {
      named = System.getenv(BACKEND_ENV);
    }
    if (named != null && !named.isBlank()) {
      return named.trim();
    }
    return providers().stream()
        .filter(p -> p.availability(settings).available())
        .max(Comparator.comparingInt(SummarizerProvider::priority))
        .map(SummarizerProvider::name)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "No summarization backend is available; set "
                        + BACKEND_PROPERTY
                        + " (backends on the class path: "
                        + names(providers())
                        + ")"));
  }

  private static void checkKeys(SummarizerProvider provider, BackendSettings settings) {
    Set<String> known = new TreeSet<>();
    known.add(DEIDENTIFY.name());
    known.add(DEIDENTIFY_SECRET_ENV.name());
    for (BackendOption<?> option : provider.options()) {
      known.add(option.name());
    }
    for (String key : settings.asMap().keySet()) {
      if (!known.contains(key)) {
        throw new ConfigurationException(
            "Backend '"
                + provider.name()
                + "' has no option '"
                + key
                + "' (options: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + ")");
      }
    }
    settings.get(DEIDENTIFY);
    for (BackendOption<?> option : provider.options()) {
      settings.get(option); // parse now, so a malformed value fails at open, naming the option
    }
  }

  private static String names(List<SummarizerProvider> providers) {
    return providers.isEmpty()
        ? "none"
        : providers.stream().map(SummarizerProvider::name).collect(Collectors.joining(", "));
  }
}

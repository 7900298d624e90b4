package io.clinsum.ee.infrastructure.summarizer;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.ee.application.UnavailableException;
import io.clinsum.ee.application.port.SummarizerSource;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The one {@link Summarizer} of this application, opened on first use through the SDK's backend SPI
 * and closed at undeployment. The backend comes from the system property {@code clinsum.backend} or
 * the environment variable {@code CLINSUM_BACKEND} (else the SDK's default); its settings from
 * system properties {@code clinsum.backend.<name>.<key>} and environment variables {@code
 * CLINSUM_BACKEND_<NAME>_<KEY>} (dashes as underscores). For {@code sagemaker} the setting {@code
 * deidentify} defaults to {@code tag}: notes are masked before they leave (see docs/deid.md).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConfiguredSummarizer implements SummarizerSource {
  private static final Logger LOG = Logger.getLogger(ConfiguredSummarizer.class.getName());

  /** How long a failure to open the backend is remembered before the next attempt. */
  static final long RETRY_AFTER_MS = 5_000;

  /** Backends that send notes out of the hospital: de-identified by default. */
  static final java.util.Set<String> REMOTE_BACKENDS = java.util.Set.of("sagemaker");

  private volatile Summarizer summarizer;
  private volatile Map<String, String> settings = Map.of();
  private RuntimeException lastFailure;
  private long lastFailureAt;

  /**
   * The summarizer; opened on the first call (loading a model can take seconds). When opening fails
   * (model files missing or damaged, say), the failure is thrown again for {@value #RETRY_AFTER_MS}
   * ms and then opening is tried anew, so the application recovers by itself once the files are
   * fixed.
   */
  @Override
  public Summarizer get() {
    Summarizer s = summarizer;
    if (s == null) {
      synchronized (this) {
        s = summarizer;
        if (s == null) {
          long now = System.currentTimeMillis();
          if (lastFailure != null && now - lastFailureAt < RETRY_AFTER_MS) {
            throw lastFailure;
          }
          try {
            s = open();
          } catch (RuntimeException e) {
            if (lastFailure == null
                || !String.valueOf(lastFailure.getMessage()).equals(e.getMessage())) {
              // A reason names files and settings, never note text.
              LOG.warning(() -> "The summarization backend cannot be opened: " + e.getMessage());
            }
            lastFailure = e;
            lastFailureAt = now;
            throw e;
          }
          lastFailure = null;
          summarizer = s;
        }
      }
    }
    return s;
  }

  /**
   * The summarizer if it can be opened now.
   *
   * @throws UnavailableException saying why it cannot
   */
  @Override
  public Summarizer require() {
    try {
      return get();
    } catch (RuntimeException e) {
      throw new UnavailableException(
          "The summarization backend '" + backendName() + "' is unavailable: " + e.getMessage(),
          e instanceof ClinSumException c ? c.reason() : FailureReason.UNAVAILABLE);
    }
  }

  /** The backend this application is configured with. */
  @Override
  public String backendName() {
    return Summarizers.defaultBackend(BackendSettings.empty());
  }

  /** The settings the summarizer was opened with (empty before the first use). */
  @Override
  public Map<String, String> settings() {
    return settings;
  }

  private Summarizer open() {
    String backend = backendName();
    BackendSettings backendSettings = settingsFor(backend, System.getProperties(), System.getenv());
    Summarizer opened = Summarizers.open(backend, backendSettings);
    settings = new TreeMap<>(backendSettings.asMap());
    LOG.info(
        () ->
            "Summarizing with backend '"
                + backend
                + "', model "
                + opened.info().modelId()
                + " "
                + opened.info().modelVersion());
    return opened;
  }

  static BackendSettings settingsFor(
      String backend, Properties properties, Map<String, String> environment) {
    BackendSettings.Builder b = BackendSettings.builder();
    String envPrefix = "CLINSUM_BACKEND_" + backend.toUpperCase().replace('-', '_') + "_";
    environment.forEach(
        (key, value) -> {
          if (key.startsWith(envPrefix) && key.length() > envPrefix.length()) {
            b.set(key.substring(envPrefix.length()).toLowerCase().replace('_', '-'), value);
          }
        });
    // System properties win over the environment.
    BackendSettings.fromProperties(properties, "clinsum.backend." + backend + ".")
        .asMap()
        .forEach(b::set);
    BackendSettings built = b.build();
    if (REMOTE_BACKENDS.contains(backend)
        && !built.asMap().containsKey(Summarizers.DEIDENTIFY.name())) {
      // Notes sent to a remote endpoint leave the hospital: mask them unless told otherwise
      // (CLINSUM_BACKEND_SAGEMAKER_DEIDENTIFY=off, or =surrogate with CLINSUM_DEID_SECRET set).
      return built.toBuilder().set(Summarizers.DEIDENTIFY.name(), "tag").build();
    }
    return built;
  }

  @PreDestroy
  void close() {
    Summarizer s = summarizer;
    if (s != null) {
      s.close();
    }
  }
}

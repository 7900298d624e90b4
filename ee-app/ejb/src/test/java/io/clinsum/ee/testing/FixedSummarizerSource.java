package io.clinsum.ee.testing;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.ee.application.UnavailableException;
import io.clinsum.ee.application.port.SummarizerSource;
import java.util.Map;

/** A {@link SummarizerSource} with the SDK's extractive backend, or one that cannot open. */
public final class FixedSummarizerSource implements SummarizerSource, AutoCloseable {
  private final Summarizer summarizer;
  private final String failure;

  private FixedSummarizerSource(Summarizer summarizer, String failure) {
    this.summarizer = summarizer;
    this.failure = failure;
  }

  /** The extractive backend (pure Java, deterministic). */
  public static FixedSummarizerSource extractive() {
    return new FixedSummarizerSource(Summarizers.open("extractive"), null);
  }

  /** A backend that cannot be opened, for {@code reason}. */
  public static FixedSummarizerSource broken(String reason) {
    return new FixedSummarizerSource(null, reason);
  }

  @Override
  public Summarizer get() {
    if (summarizer == null) {
      throw new IllegalStateException(failure);
    }
    return summarizer;
  }

  @Override
  public Summarizer require() {
    try {
      return get();
    } catch (RuntimeException e) {
      throw new UnavailableException(
          "The summarization backend '" + backendName() + "' is unavailable: " + e.getMessage());
    }
  }

  @Override
  public String backendName() {
    return summarizer == null ? "onnx" : "extractive";
  }

  @Override
  public Map<String, String> settings() {
    return summarizer == null ? Map.of() : Map.of("sentences", "2");
  }

  @Override
  public void close() {
    if (summarizer != null) {
      summarizer.close();
    }
  }
}

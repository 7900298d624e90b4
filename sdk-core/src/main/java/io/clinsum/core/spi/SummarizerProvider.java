package io.clinsum.core.spi;

import java.util.List;

/**
 * A summarization backend, found through {@link java.util.ServiceLoader}: implementations are
 * listed in {@code META-INF/services/io.clinsum.core.spi.SummarizerProvider}. Constructing a
 * provider must be cheap and free of side effects; all work happens in {@link #create}.
 */
public interface SummarizerProvider {

  /** The backend's name, such as {@code extractive}, {@code onnx} or {@code sagemaker}. */
  String name();

  /** One sentence for people choosing a backend. */
  String description();

  /** The settings this backend understands. */
  List<BackendOption<?>> options();

  /**
   * Whether this backend can run here as configured (model files present, credentials set), and if
   * not, why. Used to pick the best backend available offline.
   */
  Availability availability(BackendSettings settings);

  /**
   * Preference among available backends when the caller names none: higher wins. Backends that can
   * do worse than the extractive one on real notes should rank below it.
   */
  int priority();

  /**
   * Creates the backend; {@link io.clinsum.core.Summarizers#open(String, BackendSettings)} wraps it
   * in a {@link io.clinsum.core.Summarizer}, which owns and closes it. Settings have been checked
   * against {@link #options()} and the backend found available.
   */
  SummarizationBackend create(BackendSettings settings);

  /**
   * Whether a backend can run.
   *
   * @param available true when it can
   * @param reason why not, or a short description of what it will use
   */
  record Availability(boolean available, String reason) {
    public static Availability yes(String what) {
      return new Availability(true, what);
    }

    public static Availability no(String why) {
      return new Availability(false, why);
    }
  }
}

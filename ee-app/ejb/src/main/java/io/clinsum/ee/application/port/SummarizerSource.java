package io.clinsum.ee.application.port;

import io.clinsum.core.Summarizer;
import java.util.Map;

/** The application's one configured {@link Summarizer}, opened on first use. */
public interface SummarizerSource {
  /**
   * The summarizer; opened on the first call.
   *
   * @throws RuntimeException why it cannot be opened (files missing, settings wrong)
   */
  Summarizer get();

  /**
   * The summarizer if it can be opened now.
   *
   * @throws io.clinsum.ee.application.UnavailableException saying why it cannot
   */
  Summarizer require();

  /** The backend this application is configured with. */
  String backendName();

  /** The settings the summarizer was opened with (empty before the first use). */
  Map<String, String> settings();
}

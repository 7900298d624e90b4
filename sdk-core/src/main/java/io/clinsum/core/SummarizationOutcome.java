package io.clinsum.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one request of {@link Summarizer#summarizeEach}: its result, or the error that
 * stopped it.
 *
 * @param requestId the request's id
 * @param result the summary, or {@code null} when the request failed
 * @param error why the request failed, or {@code null} when it succeeded
 */
public record SummarizationOutcome(
    String requestId, SummarizationResult result, ClinSumException error) {
  public SummarizationOutcome {
    Objects.requireNonNull(requestId, "requestId");
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of result and error must be set");
    }
  }

  /** Whether the request produced a summary. */
  public boolean succeeded() {
    return result != null;
  }

  /** The summary, if the request succeeded. */
  public Optional<SummarizationResult> resultIfAny() {
    return Optional.ofNullable(result);
  }
}

package io.clinsum.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A generated summary and how it was made.
 *
 * @param requestId the id of the request this answers
 * @param text the summary
 * @param backend the backend name, such as {@code extractive} or {@code onnx}
 * @param modelId the model that wrote it
 * @param modelVersion the model's version
 * @param elapsed wall time spent on this request, chunking included
 * @param inputTokens tokens in the note as the backend counts them
 * @param outputTokens tokens in the summary as the backend counts them
 * @param chunks how many parts the note was split into; 1 when it fit the model in one piece
 * @param warnings notes for the caller (chunking, fallbacks); never note text
 */
public record SummarizationResult(
    String requestId,
    String text,
    String backend,
    String modelId,
    String modelVersion,
    Duration elapsed,
    int inputTokens,
    int outputTokens,
    int chunks,
    List<String> warnings) {

  public SummarizationResult {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(elapsed, "elapsed");
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be at least 1, was " + chunks);
    }
    warnings = List.copyOf(warnings);
  }

  /** Whether the note was longer than the model's input budget and summarized in parts. */
  public boolean chunked() {
    return chunks > 1;
  }

  @Override
  public String toString() {
    return "SummarizationResult[requestId="
        + requestId
        + ", backend="
        + backend
        + ", model="
        + modelId
        + "@"
        + modelVersion
        + ", elapsed="
        + elapsed.toMillis()
        + "ms, chunks="
        + chunks
        + ", chars="
        + text.length()
        + "]";
  }
}

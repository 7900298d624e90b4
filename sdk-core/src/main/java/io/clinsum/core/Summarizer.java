package io.clinsum.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Summarizes clinical notes with one backend and model: the type applications code against. Open
 * one through {@link Summarizers}, use it from any number of threads, and close it when done:
 *
 * <pre>{@code
 * try (Summarizer summarizer = Summarizers.open("extractive")) {
 *   SummarizationResult result = summarizer.summarize(SummarizationRequest.of(noteText));
 *   System.out.println(result.text());
 * }
 * }</pre>
 *
 * <p>An interface, so that callers can mock it, decorate it (caching, metrics, de-identification)
 * or write a test double without a backend. Backends do not implement it: they implement {@link
 * io.clinsum.core.spi.SummarizationBackend}, and {@link Summarizers} wraps each in the shared
 * behaviour — validation, defaults, chunking of long notes on section and sentence boundaries
 * (never cutting text silently: {@link SummarizationResult#chunks()} says so), timing and error
 * mapping.
 */
public interface Summarizer extends AutoCloseable {
  /** Longest note accepted, in characters (about 250 pages); longer text is not one note. */
  int MAX_NOTE_CHARS = 1_000_000;

  /** The backend, model and input budget. */
  SummarizerInfo info();

  /** Options applied where a request leaves them unset. */
  GenerationOptions defaultOptions();

  /**
   * Summarizes one note.
   *
   * @throws InvalidRequestException if the note is empty, blank or over {@link #MAX_NOTE_CHARS}
   * @throws BackendException if the backend fails
   * @throws SummarizerClosedException if this summarizer is closed
   */
  SummarizationResult summarize(SummarizationRequest request);

  /**
   * Summarizes several notes; results come back in request order. Every request is validated before
   * any work starts. Summarizers opened through {@link Summarizers} let the backend batch them;
   * this default summarizes them one by one.
   *
   * @throws InvalidRequestException naming the index and id of the first bad request
   */
  default List<SummarizationResult> summarizeAll(List<SummarizationRequest> requests) {
    List<SummarizationResult> out = new ArrayList<>(requests.size());
    for (SummarizationRequest request : requests) {
      out.add(summarize(request));
    }
    return out;
  }

  /**
   * Summarizes several notes like {@link #summarizeAll}, but a bad note or a failing backend call
   * fails only its own request: each outcome holds a result or the error, in request order. Use it
   * for bulk work that must go on past a bad row.
   *
   * @throws SummarizerClosedException if this summarizer is closed
   */
  default List<SummarizationOutcome> summarizeEach(List<SummarizationRequest> requests) {
    List<SummarizationOutcome> out = new ArrayList<>(requests.size());
    for (SummarizationRequest request : requests) {
      try {
        out.add(new SummarizationOutcome(request.id(), summarize(request), null));
      } catch (SummarizerClosedException e) {
        throw e;
      } catch (ClinSumException e) {
        out.add(new SummarizationOutcome(request.id(), null, e));
      }
    }
    return out;
  }

  /**
   * Summarizes one note without blocking the caller. Summarizers opened through {@link Summarizers}
   * run it on their own worker threads (as many as processors), which close with them; this default
   * uses the common fork-join pool. Errors complete the future exceptionally.
   */
  default CompletableFuture<SummarizationResult> summarizeAsync(SummarizationRequest request) {
    return CompletableFuture.supplyAsync(() -> summarize(request));
  }

  /**
   * Closes the backend's resources. Idempotent; later calls to summarize fail with {@link
   * SummarizerClosedException}.
   */
  @Override
  void close();
}

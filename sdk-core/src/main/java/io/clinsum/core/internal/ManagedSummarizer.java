package io.clinsum.core.internal;

import io.clinsum.core.BackendException;
import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.SummarizerClosedException;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.text.TextChunker;
import io.clinsum.core.text.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Summarizer} every backend is wrapped in: validates requests, applies default
 * options, splits notes longer than the model's input budget into parts on section and sentence
 * boundaries (summarizing the parts and then their joined summaries), batches, times the work, maps
 * failures to {@link ClinSumException}s and refuses use after close. Not API: obtain one through
 * {@link io.clinsum.core.Summarizers}.
 */
public class ManagedSummarizer implements Summarizer {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedSummarizer.class);
  private static final int MAX_MERGE_ROUNDS = 8;

  /** Tokens kept free in each part for separators and special tokens. */
  private static final int BUDGET_RESERVE = 8;

  private final SummarizationBackend backend;
  private final SummarizerInfo info;
  private final GenerationOptions defaults;
  private final TokenCounter counter;
  private final TextChunker chunker;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object executorLock = new Object();
  private ExecutorService executor;

  /** Wraps {@code backend}, which this summarizer now owns and closes. */
  public ManagedSummarizer(SummarizationBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.info = Objects.requireNonNull(backend.info(), "backend.info()");
    this.defaults = Objects.requireNonNull(backend.defaultOptions(), "backend.defaultOptions()");
    this.counter = Objects.requireNonNull(backend.tokenCounter(), "backend.tokenCounter()");
    this.chunker = new TextChunker(counter);
  }

  @Override
  public SummarizerInfo info() {
    return info;
  }

  @Override
  public GenerationOptions defaultOptions() {
    return defaults;
  }

  @Override
  public SummarizationResult summarize(SummarizationRequest request) {
    ensureOpen();
    validate(request, null);
    return summarizeValid(request);
  }

  /** Validates every request, then lets the backend batch those that fit its budget. */
  @Override
  public List<SummarizationResult> summarizeAll(List<SummarizationRequest> requests) {
    ensureOpen();
    for (int i = 0; i < requests.size(); i++) {
      validate(requests.get(i), i);
    }
    long start = System.nanoTime();
    List<SummarizationResult> results = new ArrayList<>(requests.size());
    List<Prompt> direct = new ArrayList<>();
    List<Integer> directIndex = new ArrayList<>();
    List<Integer> directTokens = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      results.add(null);
      SummarizationRequest r = requests.get(i);
      int tokens = counter.count(r.text());
      if (tokens <= budget(r)) {
        direct.add(prompt(r.text(), r));
        directIndex.add(i);
        directTokens.add(tokens);
      }
    }
    if (!direct.isEmpty()) {
      List<Generation> generated = callBackend(direct);
      Duration perRequest = Duration.ofNanos((System.nanoTime() - start) / direct.size());
      for (int k = 0; k < direct.size(); k++) {
        int i = directIndex.get(k);
        results.set(
            i,
            result(
                requests.get(i), generated.get(k), directTokens.get(k), 1, perRequest, List.of()));
      }
    }
    for (int i = 0; i < requests.size(); i++) {
      if (results.get(i) == null) {
        results.set(i, summarizeValid(requests.get(i)));
      }
    }
    return results;
  }

  /** Tries the whole batch first; only when it fails are the requests run one by one. */
  @Override
  public List<SummarizationOutcome> summarizeEach(List<SummarizationRequest> requests) {
    ensureOpen();
    try {
      List<SummarizationOutcome> out = new ArrayList<>(requests.size());
      for (SummarizationResult r : summarizeAll(requests)) {
        out.add(new SummarizationOutcome(r.requestId(), r, null));
      }
      return out;
    } catch (SummarizerClosedException e) {
      throw e;
    } catch (ClinSumException batchFailure) {
      // Find out which requests fail by running them one by one, as the interface does.
      return Summarizer.super.summarizeEach(requests);
    }
  }

  /** Runs on this summarizer's own worker threads (as many as processors), closed with it. */
  @Override
  public CompletableFuture<SummarizationResult> summarizeAsync(SummarizationRequest request) {
    ensureOpen();
    return CompletableFuture.supplyAsync(() -> summarize(request), executor());
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (executorLock) {
      if (executor != null) {
        executor.shutdown();
      }
    }
    backend.close();
  }

  private SummarizationResult summarizeValid(SummarizationRequest request) {
    long start = System.nanoTime();
    String text = request.text();
    int inputTokens = counter.count(text);
    int budget = budget(request);
    if (inputTokens <= budget) {
      Generation g = callBackend(List.of(prompt(text, request))).get(0);
      return result(
          request, g, inputTokens, 1, Duration.ofNanos(System.nanoTime() - start), List.of());
    }
    List<String> warnings = new ArrayList<>();
    TextChunker.Chunks chunks = chunker.split(text, budget);
    int parts = chunks.parts().size();
    warnings.add(
        "note of "
            + inputTokens
            + " tokens exceeds the input budget of "
            + budget
            + "; summarized in "
            + parts
            + " parts, then merged");
    if (chunks.splitSentences() > 0) {
      warnings.add(
          chunks.splitSentences() + " sentence(s) longer than the budget were split between words");
    }
    LOG.debug("Request {}: {} tokens, {} parts", request.id(), inputTokens, parts);
    String merged = summarizeParts(chunks.parts(), request);
    int rounds = 0;
    while (counter.count(merged) > budget) {
      if (++rounds > MAX_MERGE_ROUNDS) {
        throw new BackendException(
            info.backend(),
            FailureReason.MODEL_ERROR,
            "partial summaries did not shrink below the input budget of "
                + budget
                + " tokens after "
                + MAX_MERGE_ROUNDS
                + " rounds; lower options.maxLength",
            null);
      }
      merged = summarizeParts(chunker.split(merged, budget).parts(), request);
    }
    Generation g = callBackend(List.of(prompt(merged, request))).get(0);
    return result(
        request, g, inputTokens, parts, Duration.ofNanos(System.nanoTime() - start), warnings);
  }

  private String summarizeParts(List<String> parts, SummarizationRequest request) {
    List<Prompt> prompts = new ArrayList<>(parts.size());
    for (String part : parts) {
      prompts.add(prompt(part, request));
    }
    StringBuilder joined = new StringBuilder();
    for (Generation g : callBackend(prompts)) {
      if (!g.text().isBlank()) {
        joined.append(joined.length() == 0 ? "" : "\n").append(g.text().strip());
      }
    }
    return joined.toString();
  }

  private List<Generation> callBackend(List<Prompt> prompts) {
    ensureOpen();
    List<Generation> out;
    try {
      out = backend.generate(prompts);
    } catch (ClinSumException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BackendException(
          info.backend(),
          FailureReason.INTERNAL,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          e);
    }
    if (out == null || out.size() != prompts.size()) {
      throw new BackendException(
          info.backend(),
          "returned "
              + (out == null ? "no" : out.size())
              + " summaries for "
              + prompts.size()
              + " prompts (backend bug)");
    }
    return out;
  }

  private Prompt prompt(String text, SummarizationRequest request) {
    return new Prompt(text, request.instruction().orElse(null), request.options().orElse(defaults));
  }

  private int budget(SummarizationRequest request) {
    int instructionTokens = request.instruction().map(counter::count).orElse(0);
    return Math.max(16, info.maxInputTokens() - instructionTokens - BUDGET_RESERVE);
  }

  private SummarizationResult result(
      SummarizationRequest request,
      Generation g,
      int inputTokens,
      int chunks,
      Duration elapsed,
      List<String> warnings) {
    return new SummarizationResult(
        request.id(),
        g.text(),
        info.backend(),
        info.modelId(),
        info.modelVersion(),
        elapsed,
        inputTokens,
        g.outputTokens(),
        chunks,
        warnings);
  }

  private static void validate(SummarizationRequest request, Integer index) {
    Objects.requireNonNull(request, "request");
    String where = index == null ? "" : "requests[" + index + "] (id=" + request.id() + ") ";
    String text = request.text();
    if (text.isEmpty()) {
      throw new InvalidRequestException(where + "text", "is empty; send the note's text");
    }
    if (text.isBlank()) {
      throw new InvalidRequestException(
          where + "text", "contains only whitespace; send the note's text");
    }
    if (text.length() > Summarizer.MAX_NOTE_CHARS) {
      throw new InvalidRequestException(
          where + "text",
          "is "
              + text.length()
              + " characters, above the limit of "
              + Summarizer.MAX_NOTE_CHARS
              + "; split the document into notes");
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new SummarizerClosedException(info.backend());
    }
  }

  private ExecutorService executor() {
    synchronized (executorLock) {
      ensureOpen();
      if (executor == null) {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        executor =
            Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "clinsum-" + info.backend() + "-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
      }
      return executor;
    }
  }
}

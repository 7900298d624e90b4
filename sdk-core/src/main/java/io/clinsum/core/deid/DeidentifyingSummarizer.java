package io.clinsum.core.deid;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.SummarizerClosedException;
import io.clinsum.core.SummarizerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Summarizer} that masks every note (and instruction) before the summarizer it wraps sees
 * it, and puts the original values back into the summary: a remote endpoint only ever receives
 * de-identified text, the caller gets a summary about the real patient.
 *
 * <pre>{@code
 * Deidentifier deid = Deidentifier.builder()
 *     .mode(MaskingMode.SURROGATE)
 *     .secret(secret)
 *     .keepReidentificationMap(true)
 *     .build();
 * try (Summarizer s = DeidentifyingSummarizer.wrap(Summarizers.open("sagemaker", settings), deid)) {
 *   s.summarize(request);
 * }
 * }</pre>
 *
 * <p>With a surrogate deidentifier that keeps its map, surrogates in the summary are replaced by
 * the originals; with tags or removal, the summary keeps {@code [NAME]}-style tags or gaps. A note
 * whose masking fails fails its request ({@link io.clinsum.core.FailureReason#INTERNAL}, or {@link
 * io.clinsum.core.FailureReason#BAD_INPUT} for input the deidentifier refuses) and is never passed
 * on unmasked.
 *
 * <p>This summarizer owns the one it wraps: {@link #close()} closes it. Thread-safe when the
 * wrapped summarizer is.
 */
public final class DeidentifyingSummarizer implements Summarizer {
  private final Summarizer delegate;
  private final Deidentifier deidentifier;
  private final Function<SummarizationRequest, String> patientKey;

  private DeidentifyingSummarizer(
      Summarizer delegate,
      Deidentifier deidentifier,
      Function<SummarizationRequest, String> patientKey) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.deidentifier = Objects.requireNonNull(deidentifier, "deidentifier");
    this.patientKey = Objects.requireNonNull(patientKey, "patientKey");
  }

  /** Wraps {@code delegate}; every note is masked under one patient key (the empty one). */
  public static DeidentifyingSummarizer wrap(Summarizer delegate, Deidentifier deidentifier) {
    return new DeidentifyingSummarizer(delegate, deidentifier, r -> "");
  }

  /**
   * Wraps {@code delegate}; {@code patientKey} says which patient a request is about (read from its
   * id, say), so that surrogates and date offsets are per patient.
   */
  public static DeidentifyingSummarizer wrap(
      Summarizer delegate,
      Deidentifier deidentifier,
      Function<SummarizationRequest, String> patientKey) {
    return new DeidentifyingSummarizer(delegate, deidentifier, patientKey);
  }

  /** A masked request and the map that undoes it. */
  private record Masked(SummarizationRequest request, ReidentificationMap map) {}

  private Masked mask(SummarizationRequest request) {
    String key = patientKey.apply(request);
    DeidentifiedText note = deidentifier.deidentify(request.text(), key);
    ReidentificationMap map = note.reidentificationMap().orElse(ReidentificationMap.empty());
    SummarizationRequest.Builder masked = request.toBuilder().text(note.text());
    if (request.instruction().isPresent()) {
      DeidentifiedText instruction = deidentifier.deidentify(request.instruction().get(), key);
      masked.instruction(instruction.text());
      map = map.merge(instruction.reidentificationMap().orElse(ReidentificationMap.empty()));
    }
    return new Masked(masked.build(), map);
  }

  private static SummarizationResult restore(SummarizationResult r, ReidentificationMap map) {
    if (map.size() == 0) {
      return r;
    }
    return new SummarizationResult(
        r.requestId(),
        map.reidentify(r.text()),
        r.backend(),
        r.modelId(),
        r.modelVersion(),
        r.elapsed(),
        r.inputTokens(),
        r.outputTokens(),
        r.chunks(),
        r.warnings());
  }

  @Override
  public SummarizerInfo info() {
    return delegate.info();
  }

  @Override
  public GenerationOptions defaultOptions() {
    return delegate.defaultOptions();
  }

  @Override
  public SummarizationResult summarize(SummarizationRequest request) {
    Masked m = mask(request);
    return restore(delegate.summarize(m.request()), m.map());
  }

  @Override
  public List<SummarizationResult> summarizeAll(List<SummarizationRequest> requests) {
    List<Masked> masked = new ArrayList<>(requests.size());
    for (SummarizationRequest r : requests) {
      masked.add(mask(r));
    }
    List<SummarizationResult> results =
        delegate.summarizeAll(masked.stream().map(Masked::request).toList());
    List<SummarizationResult> out = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      out.add(restore(results.get(i), masked.get(i).map()));
    }
    return out;
  }

  @Override
  public List<SummarizationOutcome> summarizeEach(List<SummarizationRequest> requests) {
    SummarizationOutcome[] out = new SummarizationOutcome[requests.size()];
    List<Masked> masked = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      SummarizationRequest r = requests.get(i);
      try {
        masked.add(mask(r));
        where.add(i);
      } catch (SummarizerClosedException e) {
        throw e;
      } catch (ClinSumException e) {
        out[i] = new SummarizationOutcome(r.id(), null, e);
      }
    }
    List<SummarizationOutcome> done =
        masked.isEmpty()
            ? List.of()
            : delegate.summarizeEach(masked.stream().map(Masked::request).toList());
    for (int j = 0; j < done.size(); j++) {
      SummarizationOutcome o = done.get(j);
      int i = where.get(j);
      out[i] =
          o.succeeded()
              ? new SummarizationOutcome(
                  o.requestId(), restore(o.result(), masked.get(j).map()), null)
              : o;
    }
    return List.of(out);
  }

  @Override
  public CompletableFuture<SummarizationResult> summarizeAsync(SummarizationRequest request) {
    Masked m;
    try {
      m = mask(request);
    } catch (ClinSumException e) {
      return CompletableFuture.failedFuture(e);
    }
    return delegate.summarizeAsync(m.request()).thenApply(r -> restore(r, m.map()));
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "DeidentifyingSummarizer[" + deidentifier.mode() + ", " + delegate + "]";
  }
}

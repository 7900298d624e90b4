package io.clinsum.local;

import io.clinsum.core.BackendException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.text.TokenCounter;
import io.clinsum.local.internal.GenerationParams;
import io.clinsum.local.internal.ModelConfig;
import io.clinsum.local.internal.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The {@code onnx} backend: summarizes with a loaded {@link OnnxModel}. Open it by name ({@code
 * Summarizers.open("onnx", settings)}), or wrap one built in code:
 *
 * <pre>{@code
 * try (OnnxModel model = OnnxModel.load(spec);
 *     Summarizer s = Summarizers.of(new OnnxBackend(model, "", m -> {}))) { ... }
 * }</pre>
 *
 * <p>Concurrent calls from many threads are batched together by the model's batcher. For a seq2seq
 * model the input is the instruction (if any) on its own line, then the note, after an optional
 * model-specific prefix such as T5's {@code "summarize: "}. A decoder-only model gets the plain
 * prompt of {@link #plainPrompt} (after the prefix) and its summary is the generated continuation
 * only, never the prompt.
 */
public final class OnnxBackend implements SummarizationBackend {
  private final OnnxModel model;
  private final String prefix;
  private final Consumer<OnnxModel> onClose;
  private final SummarizerInfo info;
  private final GenerationOptions defaults;
  private final Sampling sampling;
  private final List<String> stopStrings;

  /**
   * @param model the model; not closed by this backend unless {@code onClose} does it
   * @param prefix text put before every input ({@code ""} for none)
   * @param onClose called once when this backend closes (releases a shared model)
   */
  public OnnxBackend(OnnxModel model, String prefix, Consumer<OnnxModel> onClose) {
    this(model, prefix, null, List.of(), onClose);
  }

  /**
   * As above, drawing tokens by seeded {@code sampling} ({@code null}: greedy or beam search) and
   * ending a summary before the first of {@code stopStrings} it produces.
   */
  OnnxBackend(
      OnnxModel model,
      String prefix,
      Sampling sampling,
      List<String> stopStrings,
      Consumer<OnnxModel> onClose) {
    this.sampling = sampling;
    this.stopStrings = List.copyOf(stopStrings);
    this.model = model;
    this.prefix = prefix;
    this.onClose = onClose;
    this.defaults = defaults(model.config.defaults());
    int maxInput = model.maxInputTokens();
    if (model.isDecoderOnly()) {
      // The context holds the prompt's own words and the summary too.
      int overhead = promptIds(new Prompt("", null, GenerationOptions.none())).length;
      maxInput -= overhead + model.config.defaults().maxNewTokens();
    }
    this.info =
        new SummarizerInfo("onnx", model.modelId(), model.modelVersion(), Math.max(16, maxInput));
  }

  /** The instruction of a decoder-only model's plain prompt when a request has none. */
  public static final String DEFAULT_INSTRUCTION = "Summarize the following clinical note.";

  /**
   * The plain prompt of a decoder-only model (base models without a chat template): the
   * instruction, a blank line, the note, a blank line, and {@code Summary:}, after which the model
   * writes the summary.
   *
   * <pre>
   * Summarize the following clinical note.
   *
   * Pt is a 45 yo male with chest pain ...
   *
   * Summary:</pre>
   *
   * @param instruction what to do; {@link #DEFAULT_INSTRUCTION} when the request has none
   * @param note the note
   */
  public static String plainPrompt(String instruction, String note) {
    return instruction + "\n\n" + note + "\n\nSummary:";
  }

  private static GenerationOptions defaults(ModelConfig.GenerationDefaults d) {
    return GenerationOptions.builder()
        .maxLength(d.maxNewTokens())
        .minLength(d.minNewTokens())
        .numBeams(d.numBeams())
        .lengthPenalty(d.lengthPenalty())
        .noRepeatNgramSize(d.noRepeatNgramSize())
        .repetitionPenalty(d.repetitionPenalty())
        .earlyStopping(d.earlyStopping())
        .build();
  }

  /** Where the model runs: {@code cpu} or {@code cuda:N}. */
  public String device() {
    return model.device();
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
  public TokenCounter tokenCounter() {
    return model.tokenizer::count;
  }

  @Override
  public List<Generation> generate(List<Prompt> prompts) {
    List<CompletableFuture<long[]>> futures = new ArrayList<>(prompts.size());
    List<long[]> inputs = new ArrayList<>(prompts.size());
    for (Prompt p : prompts) {
      long[] ids = promptIds(p);
      inputs.add(ids);
      futures.add(model.batcher.submit(ids, params(p.options())));
    }
    List<Generation> out = new ArrayList<>(prompts.size());
    for (int i = 0; i < prompts.size(); i++) {
      long[] seq;
      try {
        seq = futures.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackendException(
            "onnx", FailureReason.UNAVAILABLE, "interrupted while generating", e);
      } catch (ExecutionException e) {
        throw new BackendException(
            "onnx",
            FailureReason.MODEL_ERROR,
            "generation failed: " + e.getCause().getMessage(),
            e.getCause());
      }
      // Seq2seq outputs begin with the decoder start token; decoder-only ones hold only the
      // continuation.
      int lead = model.generator.leadingTokens();
      long[] generated = java.util.Arrays.copyOfRange(seq, lead, seq.length);
      out.add(
          new Generation(
              beforeStop(model.tokenizer.decode(generated)).strip(),
              inputs.get(i).length,
              generated.length));
    }
    return out;
  }

  /**
   * The token ids a prompt is generated from. A decoder-only model with a chat template gets its
   * rendering ({@link io.clinsum.local.internal.ChatTemplate#prompt}: the instruction as the system
   * message, or before the note when the template has no system role; the note, after the prefix,
   * as the user message; the assistant's turn opened), tokenized without added special tokens since
   * the template writes them; one without a template gets {@link #plainPrompt}.
   */
  long[] promptIds(Prompt p) {
    String instruction = p.instruction() == null ? DEFAULT_INSTRUCTION : p.instruction();
    if (model.isDecoderOnly()) {
      if (model.chatTemplate.isPresent()) {
        return model.tokenizer.encodeWithoutSpecialTokens(
            model.chatTemplate.get().prompt(instruction, prefix + p.text()));
      }
      return model.tokenizer.encode(prefix + plainPrompt(instruction, p.text()));
    }
    return model.tokenizer.encode(
        p.instruction() == null ? prefix + p.text() : prefix + p.instruction() + "\n" + p.text());
  }

  /** The text before the first stop string in it (all of it when none occurs). */
  private String beforeStop(String text) {
    int end = text.length();
    for (String stop : stopStrings) {
      int at = text.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return text.substring(0, end);
  }

  private GenerationParams params(GenerationOptions o) {
    return GenerationParams.of(
            model.config,
            o.maxLength().orElse(64),
            o.minLength().orElse(0),
            o.numBeams().orElse(1),
            o.lengthPenalty().orElse(1.0),
            o.earlyStopping().orElse(false),
            o.noRepeatNgramSize().orElse(0),
            o.repetitionPenalty().orElse(1.0))
        .withSampling(sampling)
        .withStop(
            stopStrings.isEmpty()
                ? null
                : tokens -> {
                  String text = model.tokenizer.decode(tokens);
                  return stopStrings.stream().anyMatch(text::contains);
                });
  }

  @Override
  public void close() {
    onClose.accept(model);
  }
}

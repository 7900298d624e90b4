package io.clinsum.local;

import io.clinsum.core.BackendException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.Summarizer;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.local.internal.GenerationParams;
import io.clinsum.local.internal.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The {@code onnx} backend: summarizes with a loaded {@link OnnxModel}. Concurrent calls from many
 * threads are batched together by the model's batcher. The input is the instruction (if any) on its
 * own line, then the note, after an optional model-specific prefix such as T5's {@code "summarize:
 * "}.
 */
public final class OnnxSummarizer extends Summarizer {
  private final OnnxModel model;
  private final String prefix;
  private final Consumer<OnnxModel> onClose;

  /**
   * @param model the model; not closed by this summarizer unless {@code onClose} does it
   * @param prefix text put before every input ({@code ""} for none)
   * @param onClose called once when this summarizer closes (releases a shared model)
   */
  public OnnxSummarizer(OnnxModel model, String prefix, Consumer<OnnxModel> onClose) {
    super(
        new SummarizerInfo(
            "onnx", model.modelId(), model.modelVersion(), Math.max(16, model.maxInputTokens())),
        defaults(model.config.defaults()),
        model.tokenizer::count);
    this.model = model;
    this.prefix = prefix;
    this.onClose = onClose;
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
  protected List<Generation> generate(List<Prompt> prompts) {
    List<CompletableFuture<long[]>> futures = new ArrayList<>(prompts.size());
    List<long[]> inputs = new ArrayList<>(prompts.size());
    for (Prompt p : prompts) {
      long[] ids = model.tokenizer.encode(input(p));
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
        throw new BackendException("onnx", "interrupted while generating", true, e);
      } catch (ExecutionException e) {
        throw new BackendException(
            "onnx", "generation failed: " + e.getCause().getMessage(), false, e.getCause());
      }
      out.add(
          new Generation(
              model.tokenizer.decode(seq).strip(), inputs.get(i).length, seq.length - 1));
    }
    return out;
  }

  private String input(Prompt p) {
    return p.instruction() == null ? prefix + p.text() : prefix + p.instruction() + "\n" + p.text();
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
        o.repetitionPenalty().orElse(1.0));
  }

  @Override
  protected void release() {
    onClose.accept(model);
  }
}

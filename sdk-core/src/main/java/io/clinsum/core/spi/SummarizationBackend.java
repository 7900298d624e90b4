package io.clinsum.core.spi;

import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.text.TokenCounter;
import java.util.List;

/**
 * What a summarization backend implements: turn prompts that already fit the model into summaries.
 * Users never call it directly; {@link io.clinsum.core.Summarizers} wraps every backend in the
 * shared behaviour of a {@link io.clinsum.core.Summarizer} (validation, defaults, chunking of long
 * notes to {@link SummarizerInfo#maxInputTokens()}, timing, error mapping, use-after-close checks),
 * as DJL keeps its {@code Translator} apart from the user's {@code Predictor}.
 *
 * <p>A backend is created by its {@link SummarizerProvider} (or in code, then passed to {@link
 * io.clinsum.core.Summarizers#of(SummarizationBackend)}) and is owned by the summarizer that wraps
 * it, which closes it once.
 */
public interface SummarizationBackend extends AutoCloseable {

  /** The backend, model and input budget. */
  SummarizerInfo info();

  /** Options applied where a request leaves them unset. */
  GenerationOptions defaultOptions();

  /** Counts tokens as the model's tokenizer does; the chunker sizes parts with it. */
  TokenCounter tokenCounter();

  /**
   * Generates one summary per prompt, in order. Every prompt fits the input budget of {@link
   * #info()} and its options have the defaults applied. Called from any number of threads at once;
   * a backend that cannot run concurrently guards itself. Exceptions other than {@link
   * io.clinsum.core.ClinSumException} are wrapped in a {@link io.clinsum.core.BackendException}.
   */
  List<Generation> generate(List<Prompt> prompts);

  /**
   * Releases native sessions, clients and threads. Called once, by the summarizer that owns this
   * backend; a backend that holds nothing keeps this default.
   */
  @Override
  default void close() {}
}

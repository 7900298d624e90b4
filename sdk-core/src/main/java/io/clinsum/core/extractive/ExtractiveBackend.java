package io.clinsum.core.extractive;

import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.text.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * A model-free summarizer that selects a note's key sentences. It knows clinical section headings
 * (chief complaint, diagnosis, assessment, impression, procedure ...) and prefers their sentences,
 * scores the rest by position and by how central their terms are to the note, and returns the best
 * sentences in note order within the length budget ({@code maxLength}, in words). An instruction
 * about symptoms or about diagnosis and treatment steers the choice.
 *
 * <p>Runs anywhere, instantly and deterministically; it never writes a word that is not in the
 * note. Open it as backend {@code extractive} (or {@code lead}), or wrap one built in code:
 *
 * <pre>{@code
 * try (Summarizer s = Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 40))) {
 *   ...
 * }
 * }</pre>
 */
public final class ExtractiveBackend implements SummarizationBackend {
  static final String VERSION = "1.0";
  private final SummarizerInfo info;
  private final GenerationOptions defaults;
  private final SentenceScorer scorer;

  /**
   * @param mode section-aware selection or the lead-sentence baseline
   * @param maxWords default summary length in words
   */
  public ExtractiveBackend(SentenceScorer.Mode mode, int maxWords) {
    this.info =
        new SummarizerInfo(
            mode == SentenceScorer.Mode.LEAD ? "lead" : "extractive",
            mode == SentenceScorer.Mode.LEAD ? "lead-sentence" : "clinsum-extractive",
            VERSION,
            // Sentence selection reads any length; chunking only bounds the work per part.
            20_000);
    this.defaults = GenerationOptions.builder().maxLength(maxWords).minLength(1).build();
    this.scorer = new SentenceScorer(mode);
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
    return TokenCounter.approximate();
  }

  @Override
  public List<Generation> generate(List<Prompt> prompts) {
    List<Generation> out = new ArrayList<>(prompts.size());
    for (Prompt p : prompts) {
      int maxWords = p.options().maxLength().orElse(40);
      String summary = scorer.summarize(p.text(), p.instruction(), maxWords);
      out.add(
          new Generation(
              summary,
              TokenCounter.approximate().count(p.text()),
              TokenCounter.approximate().count(summary)));
    }
    return out;
  }
}

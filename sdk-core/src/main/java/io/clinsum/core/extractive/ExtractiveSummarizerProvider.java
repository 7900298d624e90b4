package io.clinsum.core.extractive;

import io.clinsum.core.spi.BackendOption;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.spi.SummarizerProvider;
import java.util.List;

/**
 * Provider of the {@code extractive} backend (and, with {@link Lead}, the {@code lead} baseline).
 */
public class ExtractiveSummarizerProvider implements SummarizerProvider {
  /** Default summary length in words. */
  public static final BackendOption<Integer> MAX_WORDS =
      new BackendOption<>(
          "max-words",
          Integer.class,
          40,
          "Default summary length in words, when a request sets no maxLength.");

  @Override
  public String name() {
    return "extractive";
  }

  @Override
  public String description() {
    return "Section-aware sentence selection in pure Java; no model, runs anywhere.";
  }

  @Override
  public List<BackendOption<?>> options() {
    return List.of(MAX_WORDS);
  }

  @Override
  public Availability availability(BackendSettings settings) {
    return Availability.yes("pure Java, no model needed");
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public SummarizationBackend create(BackendSettings settings) {
    return new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, settings.get(MAX_WORDS));
  }

  /** The {@code lead} baseline: the note's first sentence. */
  public static final class Lead extends ExtractiveSummarizerProvider {
    @Override
    public String name() {
      return "lead";
    }

    @Override
    public String description() {
      return "Baseline: the first sentence of the note.";
    }

    @Override
    public int priority() {
      return 0;
    }

    @Override
    public SummarizationBackend create(BackendSettings settings) {
      return new ExtractiveBackend(SentenceScorer.Mode.LEAD, settings.get(MAX_WORDS));
    }
  }
}

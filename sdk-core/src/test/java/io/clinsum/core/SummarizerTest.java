package io.clinsum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.text.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour {@link Summarizers#of} wraps around every backend, with a backend that records what
 * it is asked.
 */
class SummarizerTest {

  /** Answers each prompt with its first word; counts words as tokens. */
  static final class RecordingBackend implements SummarizationBackend {
    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    final int budget;
    RuntimeException failure;
    boolean dropOne;

    RecordingBackend(int budget) {
      this.budget = budget;
    }

    @Override
    public SummarizerInfo info() {
      return new SummarizerInfo("recording", "first-word", "1", budget);
    }

    @Override
    public GenerationOptions defaultOptions() {
      return GenerationOptions.builder().maxLength(7).numBeams(1).build();
    }

    @Override
    public TokenCounter tokenCounter() {
      return text -> text.toString().isBlank() ? 0 : text.toString().trim().split("\\s+").length;
    }

    @Override
    public List<Generation> generate(List<Prompt> batch) {
      calls.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      prompts.addAll(batch);
      List<Generation> out = new ArrayList<>();
      for (Prompt p : batch) {
        out.add(new Generation(p.text().trim().split("\\s+")[0], 1, 1));
      }
      return dropOne ? out.subList(1, out.size()) : out;
    }

    @Override
    public void close() {
      releases.incrementAndGet();
    }
  }

  private static String words(int n, String word) {
    return (word + ". ").repeat(n).trim();
  }

  @Test
  void summarize_requestOptions_winOverDefaultsAndUnsetOnesFallBack() {
    RecordingBackend b = new RecordingBackend(100);
    try (Summarizer s = Summarizers.of(b)) {
      s.summarize(
          SummarizationRequest.builder()
              .text("hello world")
              .options(GenerationOptions.builder().numBeams(4).build())
              .build());

      GenerationOptions used = b.prompts.get(0).options();
      assertThat(used.numBeams()).contains(4);
      assertThat(used.maxLength()).contains(7);
    }
  }

  @Test
  void summarize_noteOverBudget_summarizesPartsThenTheirSummaries() {
    RecordingBackend b = new RecordingBackend(40);
    try (Summarizer s = Summarizers.of(b)) {
      String note = words(30, "alpha") + "\n" + words(30, "beta") + "\n" + words(30, "gamma");

      SummarizationResult r = s.summarize(SummarizationRequest.of("long", note));

      assertThat(r.chunks()).isGreaterThan(2);
      assertThat(r.warnings()).singleElement().asString().contains("parts");
      // every part was under budget, and the last prompt merged the part summaries
      assertThat(b.prompts).allMatch(p -> p.text().split("\\s+").length <= 40);
      Prompt merge = b.prompts.get(b.prompts.size() - 1);
      assertThat(merge.text()).contains("alpha.").contains("gamma.");
      assertThat(r.inputTokens()).isEqualTo(90);
    }
  }

  @Test
  void summarize_instruction_reducesTheBudgetForTheNote() {
    RecordingBackend b = new RecordingBackend(30);
    try (Summarizer s = Summarizers.of(b)) {
      String note = words(20, "alpha");
      String instruction = "Summarize the symptoms that the patient is experiencing right now.";

      SummarizationResult r =
          s.summarize(SummarizationRequest.builder().text(note).instruction(instruction).build());

      assertThat(r.chunks()).isGreaterThan(1);
      assertThat(b.prompts).allMatch(p -> instruction.equals(p.instruction()));
    }
  }

  @Test
  void summarizeAll_mixOfShortAndLongNotes_batchesTheShortOnesInOneCall() {
    RecordingBackend b = new RecordingBackend(40);
    try (Summarizer s = Summarizers.of(b)) {
      List<SummarizationRequest> requests =
          List.of(
              SummarizationRequest.of("a", "one two"),
              SummarizationRequest.of("b", words(100, "long")),
              SummarizationRequest.of("c", "three four"));

      List<SummarizationResult> results = s.summarizeAll(requests);

      assertThat(results).extracting(SummarizationResult::requestId).containsExactly("a", "b", "c");
      assertThat(results)
          .extracting(SummarizationResult::text)
          .containsExactly("one", "long.", "three");
      assertThat(b.prompts.subList(0, 2))
          .extracting(Prompt::text)
          .containsExactly("one two", "three four");
    }
  }

  @Test
  void summarize_backendThrowsRuntimeException_isWrappedInBackendException() {
    RecordingBackend b = new RecordingBackend(40);
    try (Summarizer s = Summarizers.of(b)) {
      b.failure = new IllegalStateException("session crashed");

      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of("x y")))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("recording")
          .hasMessageContaining("session crashed")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void summarize_backendReturnsTooFewResults_failsLoudly() {
    RecordingBackend b = new RecordingBackend(40);
    try (Summarizer s = Summarizers.of(b)) {
      b.dropOne = true;

      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of("x y")))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("returned 0 summaries for 1 prompts");
    }
  }

  @Test
  void summarizeEach_oneBadRequest_failsAloneAndTheOthersSucceed() {
    RecordingBackend b = new RecordingBackend(40);
    try (Summarizer s = Summarizers.of(b)) {
      List<SummarizationOutcome> outcomes =
          s.summarizeEach(
              List.of(
                  SummarizationRequest.of("a", "one two"),
                  SummarizationRequest.of("b", "   "),
                  SummarizationRequest.of("c", "three four")));

      assertThat(outcomes)
          .extracting(SummarizationOutcome::requestId)
          .containsExactly("a", "b", "c");
      assertThat(outcomes)
          .extracting(SummarizationOutcome::succeeded)
          .containsExactly(true, false, true);
      assertThat(outcomes.get(1).error()).isInstanceOf(InvalidRequestException.class);
      assertThat(outcomes.get(2).result().text()).isEqualTo("three");
    }
  }

  @Test
  void summarizeEach_afterClose_throwsInsteadOfReportingEveryRequest() {
    RecordingBackend b = new RecordingBackend(40);
    Summarizer s = Summarizers.of(b);
    s.close();

    assertThatThrownBy(() -> s.summarizeEach(List.of(SummarizationRequest.of("x y"))))
        .isInstanceOf(SummarizerClosedException.class);
  }

  @Test
  void close_twice_releasesOnce() {
    RecordingBackend b = new RecordingBackend(40);
    Summarizer s = Summarizers.of(b);
    s.close();
    s.close();

    assertThat(b.releases).hasValue(1);
  }

  @Test
  void summarizeAsync_invalidRequest_completesExceptionally() {
    RecordingBackend b = new RecordingBackend(40);
    try (Summarizer s = Summarizers.of(b)) {
      assertThatThrownBy(() -> s.summarizeAsync(SummarizationRequest.of("")).join())
          .hasCauseInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void requestToString_neverContainsTheNoteText() {
    SummarizationRequest r = SummarizationRequest.of("id", "Patient John Smith has HIV");

    assertThat(r.toString()).doesNotContain("John").contains("chars=26");
  }

  @Test
  void generationOptions_minAboveMax_isRejected() {
    assertThatThrownBy(() -> GenerationOptions.builder().minLength(10).maxLength(5).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("options.minLength");
  }

  @Test
  void approximateTokenCounter_countsWordsAndPunctuation() {
    assertThat(TokenCounter.approximate().count("Chest pain, MI.")).isEqualTo(5);
    assertThat(TokenCounter.approximate().count("")).isZero();
    assertThat(TokenCounter.approximate().count("electrocardiogram")).isEqualTo(3);
  }
}

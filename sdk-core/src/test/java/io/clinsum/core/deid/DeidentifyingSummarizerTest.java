package io.clinsum.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.text.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeidentifyingSummarizerTest {
  private static final byte[] SECRET =
      "another-secret-for-the-decorator".getBytes(StandardCharsets.UTF_8);

  /** A "remote" backend that records what it was sent and echoes it as the summary. */
  static final class Remote implements SummarizationBackend {
    final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    public SummarizerInfo info() {
      return new SummarizerInfo("remote", "echo", "1", 10_000);
    }

    @Override
    public GenerationOptions defaultOptions() {
      return GenerationOptions.none();
    }

    @Override
    public TokenCounter tokenCounter() {
      return TokenCounter.approximate();
    }

    @Override
    public List<Generation> generate(List<Prompt> prompts) {
      return prompts.stream()
          .map(
              p -> {
                received.add(p.text());
                return new Generation(p.text(), 10, 5);
              })
          .toList();
    }
  }

  private static Deidentifier deid() {
    return Deidentifier.builder()
        .mode(MaskingMode.SURROGATE)
        .secret(SECRET)
        .keepReidentificationMap(true)
        .build();
  }

  @Test
  void summarize_sendsMaskedNoteAndReidentifiesTheSummary() {
    Remote remote = new Remote();
    try (Summarizer s = DeidentifyingSummarizer.wrap(Summarizers.of(remote), deid())) {
      SummarizationResult r =
          s.summarize(
              SummarizationRequest.of(
                  "n1", "Mr. John Smith seen on 03/14/2021 for chest pain. Call 555-123-4567."));

      assertThat(remote.received).hasSize(1);
      assertThat(remote.received.get(0))
          .doesNotContain("Smith", "03/14/2021", "555-123-4567")
          .contains("chest pain");
      assertThat(r.text())
          .isEqualTo("Mr. John Smith seen on 03/14/2021 for chest pain. Call 555-123-4567.");
      assertThat(r.requestId()).isEqualTo("n1");
    }
  }

  @Test
  void summarizeAll_andEach_maskEveryNoteAndKeepOrder() {
    Remote remote = new Remote();
    try (Summarizer s = DeidentifyingSummarizer.wrap(Summarizers.of(remote), deid(), r -> r.id())) {
      List<SummarizationRequest> batch =
          List.of(
              SummarizationRequest.of("a", "Dr. Patel reviewed. Stable."),
              SummarizationRequest.of("b", "MRN: 7781234 admitted. Febrile."));
      List<SummarizationResult> all = s.summarizeAll(batch);
      assertThat(all)
          .extracting(SummarizationResult::text)
          .containsExactly("Dr. Patel reviewed. Stable.", "MRN: 7781234 admitted. Febrile.");

      List<SummarizationOutcome> each =
          s.summarizeEach(
              List.of(batch.get(0), SummarizationRequest.of("blank", "   "), batch.get(1)));
      assertThat(each)
          .extracting(SummarizationOutcome::requestId)
          .containsExactly("a", "blank", "b");
      assertThat(each.get(1).succeeded()).isFalse();
      assertThat(each.get(2).result().text()).isEqualTo("MRN: 7781234 admitted. Febrile.");
      assertThat(remote.received).noneMatch(t -> t.contains("Patel") || t.contains("7781234"));
    }
  }

  @Test
  void summarizeAsync_masksToo() throws Exception {
    Remote remote = new Remote();
    try (Summarizer s = DeidentifyingSummarizer.wrap(Summarizers.of(remote), deid())) {
      assertThat(s.summarizeAsync(SummarizationRequest.of("Mrs. Jane Doe called.")).get().text())
          .isEqualTo("Mrs. Jane Doe called.");
      assertThat(remote.received.get(0)).doesNotContain("Doe");
    }
  }

  @Test
  void summarize_maskingFails_failsTheRequestAndSendsNothing() {
    Remote remote = new Remote();
    Deidentifier broken =
        Deidentifier.builder()
            .detector(
                t -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    try (Summarizer s = DeidentifyingSummarizer.wrap(Summarizers.of(remote), broken)) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of("Mr. Smith.")))
          .isInstanceOf(ClinSumException.class)
          .satisfies(
              e -> assertThat(((ClinSumException) e).reason()).isEqualTo(FailureReason.INTERNAL));
      List<SummarizationOutcome> each =
          s.summarizeEach(List.of(SummarizationRequest.of("x", "Mr. Smith.")));
      assertThat(each.get(0).error().reason()).isEqualTo(FailureReason.INTERNAL);
      assertThat(s.summarizeAsync(SummarizationRequest.of("Mr. Smith.")))
          .isCompletedExceptionally();
    }
    assertThat(remote.received).isEmpty();
  }

  @Test
  void close_closesTheWrappedSummarizer() {
    Summarizer inner = Summarizers.of(new Remote());
    DeidentifyingSummarizer s = DeidentifyingSummarizer.wrap(inner, deid());
    s.close();
    assertThatThrownBy(() -> inner.summarize(SummarizationRequest.of("x")))
        .isInstanceOf(io.clinsum.core.SummarizerClosedException.class);
  }
}

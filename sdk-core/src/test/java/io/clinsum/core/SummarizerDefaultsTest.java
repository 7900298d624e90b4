package io.clinsum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link Summarizer} is an interface a caller can implement by hand (a test double, a decorator):
 * the bulk and asynchronous methods come from its default methods.
 */
class SummarizerDefaultsTest {

  /** A hand-written double: upper-cases the note, fails on notes that say "fail". */
  static final class Shouting implements Summarizer {
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public SummarizerInfo info() {
      return new SummarizerInfo("double", "shout", "1", 100);
    }

    @Override
    public GenerationOptions defaultOptions() {
      return GenerationOptions.none();
    }

    @Override
    public SummarizationResult summarize(SummarizationRequest request) {
      if (closed.get()) {
        throw new SummarizerClosedException("double");
      }
      if (request.text().contains("fail")) {
        throw new BackendException("double", "told to fail");
      }
      return new SummarizationResult(
          request.id(),
          request.text().toUpperCase(java.util.Locale.ROOT),
          "double",
          "shout",
          "1",
          java.time.Duration.ofMillis(1),
          1,
          1,
          1,
          List.of());
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void summarizeAll_default_summarizesEachInOrder() {
    try (Summarizer s = new Shouting()) {
      List<SummarizationResult> results =
          s.summarizeAll(
              List.of(SummarizationRequest.of("a", "one"), SummarizationRequest.of("b", "two")));

      assertThat(results).extracting(SummarizationResult::text).containsExactly("ONE", "TWO");
    }
  }

  @Test
  void summarizeEach_default_keepsGoingPastAFailure() {
    try (Summarizer s = new Shouting()) {
      List<SummarizationOutcome> outcomes =
          s.summarizeEach(
              List.of(
                  SummarizationRequest.of("a", "one"),
                  SummarizationRequest.of("b", "fail here"),
                  SummarizationRequest.of("c", "three")));

      assertThat(outcomes)
          .extracting(SummarizationOutcome::succeeded)
          .containsExactly(true, false, true);
      assertThat(outcomes.get(1).error()).isInstanceOf(BackendException.class);
    }
  }

  @Test
  void summarizeEach_default_afterClose_throws() {
    Summarizer s = new Shouting();
    s.close();

    assertThatThrownBy(() -> s.summarizeEach(List.of(SummarizationRequest.of("x"))))
        .isInstanceOf(SummarizerClosedException.class);
  }

  @Test
  void summarizeAsync_default_completesWithTheResult() {
    try (Summarizer s = new Shouting()) {
      assertThat(s.summarizeAsync(SummarizationRequest.of("id", "note")).join().text())
          .isEqualTo("NOTE");
    }
  }
}

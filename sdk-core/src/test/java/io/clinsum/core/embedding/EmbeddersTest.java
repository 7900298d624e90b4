package io.clinsum.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.BackendException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.embedding.spi.EmbeddingBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared behaviour that {@link Embedders} wraps around every backend. */
class EmbeddersTest {
  /** A backend that answers each text with {@code answer}, recording the batches it was given. */
  private static class FakeBackend implements EmbeddingBackend {
    final List<List<String>> batches = new ArrayList<>();
    final Function<String, float[]> answer;
    int closed;

    FakeBackend(Function<String, float[]> answer) {
      this.answer = answer;
    }

    @Override
    public EmbedderInfo info() {
      return new EmbedderInfo("fake", "1", 2);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      batches.add(texts);
      return texts.stream().map(answer).toList();
    }

    @Override
    public void close() {
      closed++;
    }
  }

  private static FakeBackend unitVectors() {
    return new FakeBackend(t -> t.isEmpty() ? new float[2] : new float[] {0.6f, 0.8f});
  }

  @Test
  void embedAll_manyTexts_batchesInOrderAndReportsProgressAfterEachBatch() {
    FakeBackend backend = unitVectors();
    List<String> texts = IntStream.range(0, 600).mapToObj(i -> "t" + i).toList();
    List<Long> seen = new ArrayList<>();
    try (Embedder embedder = Embedders.of(backend)) {
      List<float[]> vectors =
          embedder.embedAll(texts, (done, total) -> seen.add(done * 1000 + total));
      assertThat(vectors).hasSize(600);
    }
    assertThat(backend.batches).extracting(List::size).containsExactly(256, 256, 88);
    assertThat(backend.batches.get(1).get(0)).isEqualTo("t256");
    assertThat(seen).containsExactly(256_600L, 512_600L, 600_600L);
  }

  @Test
  void embedAll_emptyText_getsItsVectorAndZeroVectorsAreAccepted() {
    try (Embedder embedder = Embedders.of(unitVectors())) {
      assertThat(embedder.embed("")).containsExactly(0f, 0f);
      assertThat(embedder.embed("x")).containsExactly(0.6f, 0.8f);
      assertThat(embedder.info()).isEqualTo(new EmbedderInfo("fake", "1", 2));
    }
  }

  @Test
  void embedAll_badInput_refusedNamingTheField() {
    FakeBackend backend = unitVectors();
    try (Embedder embedder = Embedders.of(backend)) {
      assertThatThrownBy(() -> embedder.embedAll(null, ProgressListener.NONE))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith("texts: is null");
      assertThatThrownBy(() -> embedder.embedAll(List.of(), ProgressListener.NONE))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith("texts: is empty");
      assertThatThrownBy(
              () -> embedder.embedAll(Arrays.asList("fine", null), ProgressListener.NONE))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("texts[1]")
          .extracting(e -> ((InvalidRequestException) e).field())
          .isEqualTo("texts[1]");
    }
    assertThat(backend.batches).isEmpty();
  }

  @Test
  void embedAll_wrongAnswers_areBackendExceptionsNamingTheBackend() {
    assertWrong(t -> new float[] {1, 0, 0}, "a vector of 3 values for texts[1], expected 2");
    assertWrong(
        t -> new float[] {3, 4}, "a vector of length 5.0 for texts[1], expected unit length");
    assertWrong(t -> new float[] {Float.NaN, 0}, "for texts[1], expected unit length");
    assertWrong(t -> null, "no vector for texts[1]");
    FakeBackend tooFew =
        new FakeBackend(t -> new float[] {1, 0}) {
          @Override
          public List<float[]> embed(List<String> texts) {
            return List.of(new float[] {1, 0});
          }
        };
    try (Embedder embedder = Embedders.of(tooFew)) {
      assertThatThrownBy(() -> embedder.embedAll(List.of("a", "b"), ProgressListener.NONE))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("fake: returned 1 vectors for 2 texts");
    }
  }

  private static void assertWrong(Function<String, float[]> second, String message) {
    FakeBackend backend =
        new FakeBackend(t -> t.equals("a") ? new float[] {1, 0} : second.apply(t));
    try (Embedder embedder = Embedders.of(backend)) {
      assertThatThrownBy(() -> embedder.embedAll(List.of("a", "b"), ProgressListener.NONE))
          .isInstanceOf(BackendException.class)
          .hasMessageStartingWith("fake: ")
          .hasMessageContaining(message)
          .satisfies(e -> assertThat(((BackendException) e).backend()).isEqualTo("fake"));
    }
  }

  @Test
  void embedAll_backendFailure_isMappedUnlessAlreadyOurs() {
    FakeBackend broken =
        new FakeBackend(
            t -> {
              throw new IllegalStateException("native crash");
            });
    try (Embedder embedder = Embedders.of(broken)) {
      assertThatThrownBy(() -> embedder.embed("x"))
          .isInstanceOf(BackendException.class)
          .hasMessage("fake: IllegalStateException: native crash")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
    BackendException ours = new BackendException("fake", FailureReason.UNAVAILABLE, "busy", null);
    FakeBackend busy =
        new FakeBackend(
            t -> {
              throw ours;
            });
    try (Embedder embedder = Embedders.of(busy)) {
      assertThatThrownBy(() -> embedder.embed("x")).isSameAs(ours);
    }
  }

  @Test
  void close_isIdempotentAndLaterCallsFailClearly() {
    FakeBackend backend = unitVectors();
    Embedder embedder = Embedders.of(backend);
    embedder.close();
    embedder.close();
    assertThat(backend.closed).isEqualTo(1);
    assertThatThrownBy(() -> embedder.embed("x"))
        .isInstanceOf(EmbedderClosedException.class)
        .hasMessageContaining("'fake' embedder is closed");
    assertThat(backend.batches).isEmpty();
  }

  @Test
  void open_unknownName_listsWhatIsAvailable() {
    assertThat(Embedders.providers()).isEmpty();
    assertThatThrownBy(() -> Embedders.open("word2vec"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No embedder named 'word2vec'; available: none");
  }

  @Test
  void of_returnedVectorsAreTheBackendsInOrder() {
    FakeBackend backend =
        new FakeBackend(t -> t.equals("a") ? new float[] {1, 0} : new float[] {0, -1});
    try (Embedder embedder = Embedders.of(backend)) {
      List<float[]> v = embedder.embedAll(List.of("a", "b", "a"), ProgressListener.NONE);
      assertThat(v).containsExactly(new float[] {1, 0}, new float[] {0, -1}, new float[] {1, 0});
    }
  }
}

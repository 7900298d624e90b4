package io.clinsum.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.Embedders;
import io.clinsum.grouping.internal.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfEmbedderTest {
  private static final List<String> CORPUS =
      List.of(
          "Chest pain radiating to the left arm, troponin raised.",
          "Crushing chest pain, ST elevation, troponin 2.3.",
          "Fall at home, hip pain, shortened externally rotated leg.",
          "Unwitnessed fall, hip fracture on X-ray.");

  @Test
  void similarTextsAreCloserThanDifferentOnes() {
    try (TfIdfEmbedder e = TfIdfEmbedder.fit(CORPUS, 100)) {
      List<float[]> v = e.embed(CORPUS);
      assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)));
      assertThat(Vectors.dot(v.get(2), v.get(3))).isGreaterThan(Vectors.dot(v.get(1), v.get(3)));
      for (float[] x : v) {
        assertThat(Vectors.dot(x, x)).isCloseTo(1.0, within(1e-5));
      }
      assertThat(e.vocabulary()).contains("chest pain", "troponin", "fall").doesNotContain("the");
      assertThat(e.info().dimension()).isEqualTo(e.vocabulary().size());
    }
  }

  @Test
  void vocabularyKeepsTheTermsInMostTexts() {
    try (TfIdfEmbedder e = TfIdfEmbedder.fit(CORPUS, 3)) {
      // chest, chest pain, fall, hip, pain, troponin appear twice or more; alphabetical ties.
      assertThat(e.vocabulary()).containsExactlyInAnyOrder("pain", "chest", "chest pain");
    }
  }

  @Test
  void unknownWordsGiveAZeroVectorThatTheEmbedderAccepts() {
    try (Embedder e = Embedders.of(TfIdfEmbedder.fit(CORPUS, 100))) {
      float[] none = e.embed("zzz qqq");
      assertThat(none).containsOnly(0f);
      assertThat(e.info().model()).isEqualTo("tf-idf");
    }
  }

  @Test
  void asAnEmbedder_reportsProgressAndRefusesNullByPosition() {
    try (Embedder e = Embedders.of(TfIdfEmbedder.fit(CORPUS, 100))) {
      List<Long> seen = new ArrayList<>();
      List<float[]> v = e.embedAll(CORPUS, (done, total) -> seen.add(done * 10 + total));
      assertThat(v).hasSize(4);
      assertThat(seen).containsExactly(44L);
      List<String> texts = new ArrayList<>(Arrays.asList("chest pain", null));
      assertThatThrownBy(() -> e.embedAll(texts, ProgressListener.NONE))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("texts[1]");
    }
  }
}

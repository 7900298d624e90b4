package io.clinsum.core.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.grouping.internal.Vectors;
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
      List<float[]> v = e.embedAll(CORPUS, ProgressListener.NONE);
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
  void unknownWordsGiveAZeroVectorAndNullIsRefusedByPosition() {
    try (TfIdfEmbedder e = TfIdfEmbedder.fit(CORPUS, 100)) {
      float[] none = e.embed("zzz qqq");
      assertThat(none).containsOnly(0f);
      List<String> texts = new ArrayList<>(Arrays.asList("chest pain", null));
      assertThatThrownBy(() -> e.embedAll(texts, ProgressListener.NONE))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("texts[1]");
    }
  }

  @Test
  void reportsProgressPerText() {
    try (TfIdfEmbedder e = TfIdfEmbedder.fit(CORPUS, 100)) {
      List<Long> seen = new ArrayList<>();
      e.embedAll(CORPUS, (done, total) -> seen.add(done));
      assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
    }
  }
}

package io.clinsum.grouping.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SilhouetteTest {
  // Unit vectors; expected values from scikit-learn 1.9.1:
  // silhouette_score(X, labels, metric="cosine").
  private static final float[][] X = {
    {1.0f, 0.0f, 0.0f},
    {0.99388373f, 0.11043153f, 0.0f},
    {0.96308682f, 0.24077171f, 0.12038585f},
    {0.0f, 1.0f, 0.0f},
    {0.10783277f, 0.97049496f, 0.21566555f},
    {0.0f, 0.19611614f, 0.98058068f},
    {0.11043153f, 0.0f, 0.99388373f}
  };

  @Test
  void matchesScikitLearnOnThreeLabellings() {
    Silhouette s = new Silhouette(X);
    assertThat(s.mean(new int[] {0, 0, 0, 1, 1, 2, 2})).isCloseTo(0.9690415263175964, within(1e-5));
    assertThat(s.mean(new int[] {0, 0, 1, 1, 1, 2, 2})).isCloseTo(0.5758549571037292, within(1e-5));
    assertThat(s.mean(new int[] {0, 0, 0, 0, 1, 1, 1}))
        .isCloseTo(0.38163724541664124, within(1e-5));
  }

  @Test
  void oneGroupScoresZeroAndNoiseIsLeftOut() {
    Silhouette s = new Silhouette(X);
    assertThat(s.mean(new int[7])).isZero();
    // Noise (-1) on the last two points: the rest is scored as the first five points alone.
    Silhouette firstFive = new Silhouette(java.util.Arrays.copyOf(X, 5));
    assertThat(s.mean(new int[] {0, 0, 0, 1, 1, -1, -1}))
        .isCloseTo(firstFive.mean(new int[] {0, 0, 0, 1, 1}), within(1e-9));
  }
}

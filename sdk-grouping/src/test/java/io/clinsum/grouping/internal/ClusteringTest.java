package io.clinsum.grouping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusteringTest {
  @Test
  void candidateKsSpreadOnALogScaleWithoutRepeats() {
    assertThat(Clustering.candidates(2, 30))
        .startsWith(2, 3)
        .endsWith(30)
        .hasSizeLessThanOrEqualTo(12)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(Clustering.candidates(2, 5)).containsExactly(2, 3, 4, 5);
    assertThat(Clustering.candidates(2, 2)).containsExactly(2);
  }

  @Test
  void sampleRowsAreDistinctSeededAndAllRowsWhenFew() {
    int[] rows = Clustering.sampleRows(1000, 100, 7);
    assertThat(rows).hasSize(100).doesNotHaveDuplicates();
    assertThat(Arrays.stream(rows).allMatch(r -> r >= 0 && r < 1000)).isTrue();
    assertThat(Clustering.sampleRows(1000, 100, 7)).isEqualTo(rows);
    assertThat(Clustering.sampleRows(5, 100, 7)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }

  @Test
  void kMeansAutoFindsThreeWellSeparatedBlobs() {
    float[][] x = blobs(3, 40, 0.05, 1);
    Clustering.Result r = Clustering.kMeansAuto(x, 2, 10, 42, 2, 2000);
    assertThat(r.groups()).isEqualTo(3);
    assertThat(r.parameters()).containsKeys("k", "silhouette-by-k");
    // Each blob is one group.
    for (int b = 0; b < 3; b++) {
      int first = r.labels()[b * 40];
      for (int i = b * 40; i < (b + 1) * 40; i++) {
        assertThat(r.labels()[i]).isEqualTo(first);
      }
    }
  }

  @Test
  void hdbscanFindsBlobsAndCallsTheStrayPointNoise() {
    float[][] blobs = blobs(3, 30, 0.03, 2);
    float[][] x = Arrays.copyOf(blobs, blobs.length + 1);
    x[blobs.length] =
        Vectors.normalize(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f});
    Clustering.Result r = Clustering.hdbscan(x, 5, 2000, 42, 2);
    assertThat(r.groups()).isEqualTo(3);
    assertThat(r.labels()[x.length - 1]).isEqualTo(Clustering.NOISE);
    assertThat(r.notes()).anyMatch(n -> n.contains("fit no group"));
  }

  @Test
  void hdbscanAboveTheSampleLimitFitsASampleAndPlacesTheRest() {
    float[][] x = blobs(3, 60, 0.03, 3);
    Clustering.Result r = Clustering.hdbscan(x, 5, 60, 42, 2);
    assertThat(r.notes()).anyMatch(n -> n.contains("random sample of 60 of 180"));
    assertThat(r.groups()).isEqualTo(3);
    long placed = Arrays.stream(r.labels()).filter(l -> l >= 0).count();
    assertThat(placed).isGreaterThan(170);
  }

  /** {@code count} blobs of {@code size} unit vectors around orthogonal axes of R^8. */
  static float[][] blobs(int count, int size, double spread, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[count * size][];
    for (int b = 0; b < count; b++) {
      for (int i = 0; i < size; i++) {
        float[] v = new float[8];
        v[b] = 1;
        for (int d = 0; d < v.length; d++) {
          v[d] += (float) (random.nextGaussian() * spread);
        }
        x[b * size + i] = Vectors.normalize(v);
      }
    }
    return x;
  }
}

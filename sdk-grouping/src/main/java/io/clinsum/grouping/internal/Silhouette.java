package io.clinsum.grouping.internal;

import java.util.Arrays;

/**
 * Mean silhouette coefficient (Rousseeuw 1987) with cosine distance on unit vectors: for each
 * point, (b - a) / max(a, b) where a is its mean distance to its own group and b to the nearest
 * other group. In [-1, 1]; higher means tighter, better separated groups. Points labelled {@link
 * Clustering#NOISE} are left out; a point alone in its group scores 0, as in scikit-learn.
 *
 * <p>The pairwise distances are computed once, so that scoring many labellings of the same points
 * (choosing k) costs O(n²) each rather than O(n²·d).
 */
public final class Silhouette {
  private final float[] distances;
  private final int n;

  /** Precomputes the distances between the rows of {@code x} (keep n to a few thousand). */
  public Silhouette(float[][] x) {
    n = x.length;
    distances = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        float d = (float) (1 - Vectors.dot(x[i], x[j]));
        distances[i * n + j] = d;
        distances[j * n + i] = d;
      }
    }
  }

  /** The mean silhouette of {@code labels}, or 0 when fewer than two groups have members. */
  public double mean(int[] labels) {
    int groups = Arrays.stream(labels).max().orElse(-1) + 1;
    if (groups < 2) {
      return 0;
    }
    int[] sizes = new int[groups];
    for (int l : labels) {
      if (l >= 0) {
        sizes[l]++;
      }
    }
    double total = 0;
    int counted = 0;
    double[] sums = new double[groups];
    for (int i = 0; i < n; i++) {
      int own = labels[i];
      if (own < 0) {
        continue;
      }
      counted++;
      if (sizes[own] <= 1) {
        continue;
      }
      Arrays.fill(sums, 0);
      int row = i * n;
      for (int j = 0; j < n; j++) {
        if (labels[j] >= 0) {
          sums[labels[j]] += distances[row + j];
        }
      }
      double a = sums[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int g = 0; g < groups; g++) {
        if (g != own && sizes[g] > 0) {
          b = Math.min(b, sums[g] / sizes[g]);
        }
      }
      double m = Math.max(a, b);
      total += b == Double.POSITIVE_INFINITY || m == 0 ? 0 : (b - a) / m;
    }
    return counted == 0 ? 0 : total / counted;
  }
}

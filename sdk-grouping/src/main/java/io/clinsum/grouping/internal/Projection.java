package io.clinsum.grouping.internal;

import java.util.Random;

/**
 * A 2-D picture of high-dimensional points: their coordinates on the first two principal
 * components, found by power iteration on the centred data (never forming the d×d covariance).
 */
public final class Projection {
  private static final int ITERATIONS = 60;

  private Projection() {}

  /** {@code [n][2]} coordinates of the rows of {@code x}. */
  public static float[][] principalPlane(float[][] x) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / (double) n;
      }
    }
    double[] first = component(x, mean, null);
    double[] second = component(x, mean, first);
    float[][] out = new float[n][2];
    for (int i = 0; i < n; i++) {
      out[i][0] = (float) project(x[i], mean, first);
      out[i][1] = (float) project(x[i], mean, second);
    }
    return out;
  }

  private static double[] component(float[][] x, double[] mean, double[] orthogonalTo) {
    int d = mean.length;
    Random random = new Random(17);
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = random.nextGaussian();
    }
    for (int it = 0; it < ITERATIONS; it++) {
      deflate(v, orthogonalTo);
      normalize(v);
      double[] next = new double[d];
      for (float[] row : x) {
        double p = project(row, mean, v);
        for (int j = 0; j < d; j++) {
          next[j] += p * (row[j] - mean[j]);
        }
      }
      v = next;
    }
    deflate(v, orthogonalTo);
    normalize(v);
    return v;
  }

  private static double project(float[] row, double[] mean, double[] v) {
    double p = 0;
    for (int j = 0; j < v.length; j++) {
      p += (row[j] - mean[j]) * v[j];
    }
    return p;
  }

  private static void deflate(double[] v, double[] u) {
    if (u == null) {
      return;
    }
    double p = 0;
    for (int j = 0; j < v.length; j++) {
      p += v[j] * u[j];
    }
    for (int j = 0; j < v.length; j++) {
      v[j] -= p * u[j];
    }
  }

  private static void normalize(double[] v) {
    double norm = 0;
    for (double value : v) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
  }
}

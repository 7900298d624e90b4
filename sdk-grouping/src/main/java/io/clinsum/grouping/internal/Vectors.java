package io.clinsum.grouping.internal;

import java.util.List;

/** Small dense-vector arithmetic on {@code float[]} (the embedders' currency). */
public final class Vectors {
  private Vectors() {}

  public static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Scales {@code v} to unit length in place; a zero vector stays zero. */
  public static float[] normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
    return v;
  }

  /** The unit-length mean of {@code vectors} (all of one length, at least one). */
  public static float[] normalizedMean(List<float[]> vectors) {
    float[] mean = new float[vectors.get(0).length];
    for (float[] v : vectors) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += v[i];
      }
    }
    return normalize(mean);
  }
}

package io.clinsum.local.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded sampling, the next-token strategy beside greedy search's argmax: the processed logits are
 * divided by the temperature, cut to the {@code topK} best and to the smallest set whose
 * probability reaches {@code topP} (transformers' warper order), and one token is drawn from the
 * softmax of what remains. Each row draws from its own generator seeded with {@code seed}, so a
 * request gives the same tokens for the same seed whatever it is batched with.
 *
 * @param temperature &gt; 0; lower is closer to greedy
 * @param topK 0 keeps every token
 * @param topP in (0, 1]; 1 keeps every token
 * @param seed the seed of each row's generator
 */
public record Sampling(double temperature, int topK, double topP, long seed) {
  public Sampling {
    if (!(temperature > 0) || topK < 0 || !(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException(
          "invalid sampling: temperature " + temperature + ", top-k " + topK + ", top-p " + topP);
    }
  }

  /** A new generator for one row. */
  SplittableRandom newRow() {
    return new SplittableRandom(seed);
  }

  /** Draws the next token from {@code scores} (processed logits; not modified). */
  int choose(float[] scores, SplittableRandom random) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      order[i] = i;
      max = Math.max(max, scores[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    // Best first; ties by lower id, as a stable sort of torch.topk would keep them.
    Arrays.sort(
        order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : a - b);
    int keep = topK > 0 ? Math.min(topK, n) : n;
    double[] p = new double[keep];
    double sum = 0;
    for (int i = 0; i < keep; i++) {
      double s = scores[order[i]];
      p[i] = s == Double.NEGATIVE_INFINITY ? 0 : Math.exp((s - max) / temperature);
      sum += p[i];
    }
    if (topP < 1) {
      double cumulative = 0;
      int cut = keep;
      for (int i = 0; i < keep; i++) {
        cumulative += p[i] / sum;
        if (cumulative >= topP) {
          cut = i + 1;
          break;
        }
      }
      keep = cut;
      sum = 0;
      for (int i = 0; i < keep; i++) {
        sum += p[i];
      }
    }
    double u = random.nextDouble() * sum;
    for (int i = 0; i < keep; i++) {
      u -= p[i];
      if (u < 0) {
        return order[i];
      }
    }
    return order[keep - 1];
  }
}

package io.clinsum.grouping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to group patients. Defaults: k-means with k chosen between 2 and 30 by silhouette.
 *
 * <pre>{@code
 * GroupingOptions options = GroupingOptions.builder().algorithm(Algorithm.HDBSCAN).build();
 * }</pre>
 */
public final class GroupingOptions {
  /** The clustering algorithm. */
  public enum Algorithm {
    /** k-means++: every patient gets a group; k fixed or chosen by silhouette. */
    KMEANS,
    /** HDBSCAN*: finds the number of groups itself and leaves outliers ungrouped. */
    HDBSCAN
  }

  private final Algorithm algorithm;
  private final int k;
  private final int minK;
  private final int maxK;
  private final int minClusterSize;
  private final int sampleLimit;
  private final int labelTerms;
  private final long seed;
  private final int threads;

  private GroupingOptions(Builder b) {
    algorithm = b.algorithm;
    k = b.k;
    minK = b.minK;
    maxK = b.maxK;
    minClusterSize = b.minClusterSize;
    sampleLimit = b.sampleLimit;
    labelTerms = b.labelTerms;
    seed = b.seed;
    threads = b.threads;
  }

  /** The defaults. */
  public static GroupingOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Algorithm algorithm() {
    return algorithm;
  }

  /** Fixed number of k-means groups, or 0 to choose it. */
  public int k() {
    return k;
  }

  public int minK() {
    return minK;
  }

  public int maxK() {
    return maxK;
  }

  /** HDBSCAN's smallest group. */
  public int minClusterSize() {
    return minClusterSize;
  }

  /**
   * Above this many patients, the quadratic steps (choosing k, HDBSCAN, silhouette) work on a
   * random sample of this size.
   */
  public int sampleLimit() {
    return sampleLimit;
  }

  /** Terms per group label. */
  public int labelTerms() {
    return labelTerms;
  }

  public long seed() {
    return seed;
  }

  public int threads() {
    return threads;
  }

  /** The options as text, for the record kept with a grouping. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("algorithm", algorithm.name().toLowerCase(java.util.Locale.ROOT));
    if (algorithm == Algorithm.KMEANS) {
      out.put("k", k == 0 ? "auto " + minK + ".." + maxK : Integer.toString(k));
    } else {
      out.put("min-cluster-size", Integer.toString(minClusterSize));
    }
    out.put("sample-limit", Integer.toString(sampleLimit));
    out.put("seed", Long.toString(seed));
    return out;
  }

  /** Builds {@link GroupingOptions}; every setter checks its value. */
  public static final class Builder {
    private Algorithm algorithm = Algorithm.KMEANS;
    private int k;
    private int minK = 2;
    private int maxK = 30;
    private int minClusterSize = 5;
    private int sampleLimit = 2000;
    private int labelTerms = 3;
    private long seed = 42;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    public Builder algorithm(Algorithm algorithm) {
      this.algorithm = java.util.Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** A fixed number of groups for k-means (at least 1), or 0 to choose it. */
    public Builder k(int k) {
      this.k = check("k", k, 0);
      return this;
    }

    /** The range k is chosen from when {@link #k} is 0. */
    public Builder kRange(int min, int max) {
      check("minimum k", min, 2);
      if (max < min) {
        throw new IllegalArgumentException("maximum k " + max + " is below minimum k " + min);
      }
      this.minK = min;
      this.maxK = max;
      return this;
    }

    public Builder minClusterSize(int size) {
      this.minClusterSize = check("minimum cluster size", size, 2);
      return this;
    }

    public Builder sampleLimit(int limit) {
      this.sampleLimit = check("sample limit", limit, 10);
      return this;
    }

    public Builder labelTerms(int terms) {
      this.labelTerms = check("label terms", terms, 1);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = check("threads", threads, 1);
      return this;
    }

    public GroupingOptions build() {
      return new GroupingOptions(this);
    }

    private static int check(String what, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(what + " must be at least " + min + ", was " + value);
      }
      return value;
    }
  }
}

package io.clinsum.grouping.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * k-means and HDBSCAN* from Tribuo over unit-length vectors, plus the choices Tribuo leaves open:
 * how many groups k-means makes, and what to do when HDBSCAN's quadratic cost would be too high.
 */
public final class Clustering {
  /** Group of points HDBSCAN calls noise. */
  public static final int NOISE = -1;

  private static final int K_MEANS_ITERATIONS = 100;
  private static final int K_CANDIDATES = 12;

  // Tribuo logs every k-means iteration at INFO through java.util.logging; keep that out of
  // ClinSum's output unless the application configured Tribuo's logging itself.
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    if (TRIBUO_LOG.getLevel() == null) {
      TRIBUO_LOG.setLevel(Level.WARNING);
    }
  }

  private Clustering() {}

  /**
   * A clustering.
   *
   * @param labels group of each point, 0..groups-1, or {@link #NOISE}
   * @param groups number of groups
   * @param algorithm {@code k-means} or {@code hdbscan}
   * @param parameters what was used, for the record
   * @param notes what people should know about how it was done
   * @param scorer the silhouette scorer the clustering already built (choosing k), or null
   */
  public record Result(
      int[] labels,
      int groups,
      String algorithm,
      Map<String, String> parameters,
      List<String> notes,
      SampleScorer scorer) {}

  /**
   * Silhouettes over a fixed, seeded sample of at most {@code limit} rows (all rows when fewer),
   * whose pairwise distances are computed once: choosing k and scoring the final grouping use the
   * same rows, so they share the quadratic work.
   */
  public static final class SampleScorer {
    private final int[] rows;
    private final float[][] sample;
    private final Silhouette silhouette;

    private SampleScorer(float[][] x, int limit, long seed) {
      rows = x.length <= limit ? null : sampleRows(x.length, limit, seed);
      if (rows == null) {
        sample = x;
      } else {
        sample = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
          sample[i] = x[rows[i]];
        }
      }
      silhouette = new Silhouette(sample);
    }

    public static SampleScorer of(float[][] x, int limit, long seed) {
      return new SampleScorer(x, limit, seed);
    }

    /** The sampled rows. */
    float[][] sample() {
      return sample;
    }

    /** The mean silhouette of labels given for the sampled rows. */
    double scoreSample(int[] sampleLabels) {
      return silhouette.mean(sampleLabels);
    }

    /** The mean silhouette, on the sample, of labels given for every row. */
    public double score(int[] labels) {
      if (rows == null) {
        return silhouette.mean(labels);
      }
      int[] sampled = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        sampled[i] = labels[rows[i]];
      }
      return silhouette.mean(sampled);
    }
  }

  /** k-means++ with {@code k} groups. */
  public static Result kMeans(float[][] x, int k, long seed, int threads) {
    int[] labels = kMeansLabels(x, k, seed, threads);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("k", Integer.toString(k));
    params.put("seed", Long.toString(seed));
    return new Result(labels, k, "k-means", params, List.of(), null);
  }

  /**
   * k-means with k chosen in {@code [kMin, kMax]} by the best mean silhouette. The choice is made
   * on a random sample of at most {@code sampleLimit} points (silhouette is quadratic), then the
   * final k-means runs on every point.
   */
  public static Result kMeansAuto(
      float[][] x, int kMin, int kMax, long seed, int threads, int sampleLimit) {
    int n = x.length;
    int hi = Math.min(kMax, Math.max(2, n / 3));
    int lo = Math.min(kMin, hi);
    List<String> notes = new ArrayList<>();
    SampleScorer scorer = SampleScorer.of(x, sampleLimit, seed);
    float[][] sample = scorer.sample();
    int bestK = lo;
    double best = Double.NEGATIVE_INFINITY;
    StringBuilder tried = new StringBuilder();
    for (int k : candidates(lo, hi)) {
      double s = scorer.scoreSample(kMeansLabels(sample, k, seed, threads));
      tried.append(tried.length() == 0 ? "" : ", ").append(k).append(String.format(": %.3f", s));
      if (s > best) {
        best = s;
        bestK = k;
      }
    }
    if (sample.length < n) {
      notes.add("k chosen on a random sample of " + sample.length + " of " + n + " patients");
    }
    Result result = kMeans(x, bestK, seed, threads);
    Map<String, String> params = new LinkedHashMap<>(result.parameters());
    params.put("k-range", lo + ".." + hi);
    params.put("silhouette-by-k", tried.toString());
    return new Result(result.labels(), bestK, "k-means", params, notes, scorer);
  }

  /**
   * HDBSCAN* with {@code minClusterSize}. Tribuo's implementation grows quadratically with the
   * number of points, so above {@code sampleLimit} points it is fitted on a random sample and the
   * other points join the group of their nearest cluster exemplar (Tribuo's prediction).
   */
  public static Result hdbscan(
      float[][] x, int minClusterSize, int sampleLimit, long seed, int threads) {
    int n = x.length;
    List<String> notes = new ArrayList<>();
    float[][] fit = sample(x, sampleLimit, seed);
    HdbscanTrainer trainer =
        new HdbscanTrainer(
            minClusterSize,
            new L2Distance(),
            Math.min(minClusterSize, fit.length - 1),
            threads,
            NeighboursQueryFactoryType.BRUTE_FORCE);
    HdbscanModel model = trainer.train(dataset(fit));
    int[] raw = new int[n];
    if (fit.length == n) {
      List<Integer> labels = model.getClusterLabels();
      for (int i = 0; i < n; i++) {
        raw[i] = labels.get(i);
      }
    } else {
      notes.add(
          "HDBSCAN fitted on a random sample of "
              + fit.length
              + " of "
              + n
              + " patients; the others joined the group of their nearest exemplar");
      String[] names = FeatureNames.of(x[0].length);
      for (int i = 0; i < n; i++) {
        raw[i] = model.predict(example(names, x[i])).getOutput().getID();
      }
    }
    // Tribuo numbers clusters from 1 with gaps and calls noise 0; renumber densely from 0.
    Map<Integer, Integer> dense = new LinkedHashMap<>();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = raw[i] == 0 ? NOISE : dense.computeIfAbsent(raw[i], k -> dense.size());
    }
    long noise = Arrays.stream(labels).filter(l -> l == NOISE).count();
    if (noise > 0) {
      notes.add(noise + " of " + n + " patients fit no group (HDBSCAN noise)");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("min-cluster-size", Integer.toString(minClusterSize));
    params.put("fitted-on", Integer.toString(fit.length));
    return new Result(labels, dense.size(), "hdbscan", params, notes, null);
  }

  private static int[] kMeansLabels(float[][] x, int k, long seed, int threads) {
    KMeansTrainer trainer =
        new KMeansTrainer(
            k,
            K_MEANS_ITERATIONS,
            new L2Distance(),
            KMeansTrainer.Initialisation.PLUSPLUS,
            threads,
            seed);
    KMeansModel model = trainer.train(dataset(x));
    String[] names = FeatureNames.of(x[0].length);
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      labels[i] = model.predict(example(names, x[i])).getOutput().getID();
    }
    return labels;
  }

  /** Up to {@value #K_CANDIDATES} distinct values in [lo, hi], evenly spread on a log scale. */
  static List<Integer> candidates(int lo, int hi) {
    java.util.TreeSet<Integer> ks = new java.util.TreeSet<>();
    for (int i = 0; i < K_CANDIDATES; i++) {
      double t = K_CANDIDATES == 1 ? 0 : (double) i / (K_CANDIDATES - 1);
      ks.add((int) Math.round(lo * Math.pow((double) hi / lo, t)));
    }
    return List.copyOf(ks);
  }

  /** At most {@code limit} rows of {@code x}, drawn without replacement; all of them if fewer. */
  static float[][] sample(float[][] x, int limit, long seed) {
    if (x.length <= limit) {
      return x;
    }
    int[] rows = sampleRows(x.length, limit, seed);
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = x[rows[i]];
    }
    return out;
  }

  /** {@code min(n, limit)} distinct row numbers in [0, n), drawn by a seeded partial shuffle. */
  public static int[] sampleRows(int n, int limit, long seed) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    int m = Math.min(n, limit);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return Arrays.copyOf(order, m);
  }

  private static MutableDataset<ClusterID> dataset(float[][] x) {
    ClusteringFactory factory = new ClusteringFactory();
    MutableDataset<ClusterID> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("clinsum patients", factory), factory);
    String[] names = FeatureNames.of(x[0].length);
    for (float[] row : x) {
      data.add(example(names, row));
    }
    return data;
  }

  private static Example<ClusterID> example(String[] names, float[] row) {
    double[] values = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      values[i] = row[i];
    }
    return new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, values);
  }

  /** Feature names that sort in index order, as Tribuo keeps features sorted by name. */
  private static final class FeatureNames {
    private static String[] of(int dimension) {
      int width = Integer.toString(dimension - 1).length();
      String[] names = new String[dimension];
      for (int i = 0; i < dimension; i++) {
        names[i] = "d" + "0".repeat(width - Integer.toString(i).length()) + i;
      }
      return names;
    }
  }
}

package io.clinsum.grouping;

import io.clinsum.core.ProgressListener;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.grouping.internal.Clustering;
import io.clinsum.grouping.internal.GroupTerms;
import io.clinsum.grouping.internal.Projection;
import io.clinsum.grouping.internal.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups patients with similar diagnoses: embeds each patient's texts, averages them into one
 * vector per patient, clusters the vectors (k-means or HDBSCAN*, from Tribuo), labels each group
 * with its most distinctive terms and scores the grouping by silhouette.
 *
 * <pre>{@code
 * try (Embedder embedder = Embedders.open("minilm")) {
 *   Grouping grouping = new PatientGrouper(embedder, GroupingOptions.defaults())
 *       .group(patients, ProgressListener.NONE);
 *   grouping.groups().forEach(g -> System.out.println(g.size() + "  " + g.label()));
 * }
 * }</pre>
 *
 * <p>Identical texts are embedded once. The quadratic steps work on a random sample above {@link
 * GroupingOptions#sampleLimit()} patients, so 10,000 patients group in seconds once embedded; the
 * grouping's notes say when that happened. Deterministic for a given seed.
 */
public final class PatientGrouper {
  private final Embedder embedder;
  private final GroupingOptions options;

  public PatientGrouper(Embedder embedder, GroupingOptions options) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Groups {@code patients}.
   *
   * @param progress told as the distinct texts are embedded (after each batch the embedder
   *     reports), then once more when grouped
   * @throws IllegalArgumentException when there are no patients or two share an id
   */
  public Grouping group(List<PatientTexts> patients, ProgressListener progress) {
    if (patients.isEmpty()) {
      throw new IllegalArgumentException("no patients to group");
    }
    Map<String, Integer> distinct = new LinkedHashMap<>();
    Map<String, Integer> seenIds = new HashMap<>();
    for (int i = 0; i < patients.size(); i++) {
      PatientTexts p = patients.get(i);
      Integer earlier = seenIds.putIfAbsent(p.patientId(), i);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "patient id " + p.patientId() + " appears twice (items " + earlier + " and " + i + ")");
      }
      for (String text : p.texts()) {
        distinct.putIfAbsent(text, distinct.size());
      }
    }
    long total = distinct.size() + 1L;
    long started = System.nanoTime();
    List<float[]> vectors =
        embedder.embedAll(
            List.copyOf(distinct.keySet()), (done, all) -> progress.onProgress(done, total));
    float[][] x = new float[patients.size()][];
    for (int i = 0; i < x.length; i++) {
      List<float[]> own = new ArrayList<>();
      for (String text : patients.get(i).texts()) {
        own.add(vectors.get(distinct.get(text)));
      }
      x[i] = Vectors.normalizedMean(own);
    }
    Duration embedTime = Duration.ofNanos(System.nanoTime() - started);
    started = System.nanoTime();
    Grouping grouping = cluster(patients, x, embedTime, started);
    progress.onProgress(total, total);
    return grouping;
  }

  private Grouping cluster(
      List<PatientTexts> patients, float[][] x, Duration embedTime, long started) {
    int n = x.length;
    Clustering.Result result;
    if (n == 1) {
      result = new Clustering.Result(new int[1], 1, "k-means", Map.of("k", "1"), List.of(), null);
    } else if (options.algorithm() == GroupingOptions.Algorithm.HDBSCAN) {
      result =
          Clustering.hdbscan(
              x,
              options.minClusterSize(),
              options.sampleLimit(),
              options.seed(),
              options.threads());
    } else if (options.k() > 0) {
      result = Clustering.kMeans(x, Math.min(options.k(), n), options.seed(), options.threads());
    } else {
      result =
          Clustering.kMeansAuto(
              x,
              options.minK(),
              options.maxK(),
              options.seed(),
              options.threads(),
              options.sampleLimit());
    }
    int[] labels = bySize(result.labels(), result.groups());
    int groups = (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
    float[][] centres = centres(x, labels, groups);
    float[] overall = Vectors.normalizedMean(Arrays.asList(x));
    List<List<String>> texts = patients.stream().map(PatientTexts::texts).toList();
    List<List<String>> terms = GroupTerms.of(texts, labels, groups, options.labelTerms());
    float[][] map = Projection.principalPlane(x);
    double[] cohesion = new double[groups];
    int[] sizes = new int[groups];
    List<Membership> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int g = labels[i];
      double similarity = Vectors.dot(x[i], g >= 0 ? centres[g] : overall);
      if (g >= 0) {
        cohesion[g] += similarity;
        sizes[g]++;
      }
      members.add(
          new Membership(
              patients.get(i).patientId(),
              g >= 0 ? g : Grouping.UNGROUPED,
              similarity,
              map[i][0],
              map[i][1]));
    }
    List<PatientGroup> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<String> t = terms.get(g);
      String label = t.isEmpty() ? "group " + (g + 1) : String.join(", ", t);
      out.add(new PatientGroup(g, label, t, sizes[g], cohesion[g] / sizes[g]));
    }
    // Choosing k already measured the sample's distances; scoring reuses them.
    Clustering.SampleScorer scorer =
        result.scorer() != null
            ? result.scorer()
            : Clustering.SampleScorer.of(x, options.sampleLimit(), options.seed());
    double silhouette = scorer.score(labels);
    Map<String, String> parameters = new LinkedHashMap<>(result.parameters());
    parameters.putIfAbsent("seed", Long.toString(options.seed()));
    return new Grouping(
        embedder.info(),
        result.algorithm(),
        parameters,
        out,
        members,
        silhouette,
        result.notes(),
        embedTime,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Renumbers groups largest first (ties: first member first); noise stays negative. */
  private static int[] bySize(int[] labels, int groups) {
    int[] sizes = new int[groups];
    int[] first = new int[groups];
    Arrays.fill(first, Integer.MAX_VALUE);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        sizes[labels[i]]++;
        first[labels[i]] = Math.min(first[labels[i]], i);
      }
    }
    Integer[] order = new Integer[groups];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order, Comparator.<Integer>comparingInt(g -> -sizes[g]).thenComparingInt(g -> first[g]));
    int[] rank = new int[groups];
    int next = 0;
    for (int g : order) {
      rank[g] = sizes[g] == 0 ? -1 : next++;
    }
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] >= 0 ? rank[labels[i]] : Clustering.NOISE;
    }
    return out;
  }

  private static float[][] centres(float[][] x, int[] labels, int groups) {
    List<List<float[]>> byGroup = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      byGroup.add(new ArrayList<>());
    }
    for (int i = 0; i < x.length; i++) {
      if (labels[i] >= 0) {
        byGroup.get(labels[i]).add(x[i]);
      }
    }
    float[][] centres = new float[groups][];
    for (int g = 0; g < groups; g++) {
      centres[g] = Vectors.normalizedMean(byGroup.get(g));
    }
    return centres;
  }
}

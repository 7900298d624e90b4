package io.clinsum.grouping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a grouping against reference labels (a patient's specialty, say): purity and the adjusted
 * Rand index of Hubert and Arabie (the formula of scikit-learn's {@code adjusted_rand_score}).
 *
 * <pre>{@code
 * GroupingEvaluator.Scores s = GroupingEvaluator.evaluate(groups, specialties);
 * System.out.printf("purity %.3f, ARI %.3f%n", s.purity(), s.adjustedRandIndex());
 * }</pre>
 */
public final class GroupingEvaluator {
  private GroupingEvaluator() {}

  /**
   * The scores of one grouping.
   *
   * @param items how many items were grouped
   * @param groups distinct predicted groups
   * @param classes distinct reference labels
   * @param purity share of items whose group's most common label is their own label, in [0, 1]
   * @param adjustedRandIndex agreement of the two partitions corrected for chance: 1 identical,
   *     about 0 random, negative worse than random
   */
  public record Scores(
      int items, int groups, int classes, double purity, double adjustedRandIndex) {}

  /**
   * Compares {@code predicted} groups with {@code reference} labels, item by item.
   *
   * @throws IllegalArgumentException when the lists differ in length or are empty
   */
  public static Scores evaluate(List<String> predicted, List<String> reference) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(reference, "reference");
    if (predicted.size() != reference.size()) {
      throw new IllegalArgumentException(
          "predicted has "
              + predicted.size()
              + " items but reference has "
              + reference.size()
              + "; they must describe the same items in the same order");
    }
    if (predicted.isEmpty()) {
      throw new IllegalArgumentException("nothing to evaluate: no items");
    }
    int n = predicted.size();
    Map<String, Map<String, Integer>> table = new HashMap<>();
    Map<String, Integer> groupSizes = new HashMap<>();
    Map<String, Integer> classSizes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String g = Objects.requireNonNull(predicted.get(i), "predicted group of item " + i);
      String c = Objects.requireNonNull(reference.get(i), "reference label of item " + i);
      table.computeIfAbsent(g, k -> new HashMap<>()).merge(c, 1, Integer::sum);
      groupSizes.merge(g, 1, Integer::sum);
      classSizes.merge(c, 1, Integer::sum);
    }
    long majority = 0;
    double sumCells = 0;
    for (Map<String, Integer> row : table.values()) {
      int best = 0;
      for (int cell : row.values()) {
        best = Math.max(best, cell);
        sumCells += pairs(cell);
      }
      majority += best;
    }
    double sumGroups = groupSizes.values().stream().mapToDouble(GroupingEvaluator::pairs).sum();
    double sumClasses = classSizes.values().stream().mapToDouble(GroupingEvaluator::pairs).sum();
    double expected = sumGroups * sumClasses / pairs(n);
    double max = (sumGroups + sumClasses) / 2;
    // Both partitions trivial in the same way (one group, or all singletons): identical.
    double ari = max == expected ? 1.0 : (sumCells - expected) / (max - expected);
    return new Scores(n, groupSizes.size(), classSizes.size(), (double) majority / n, ari);
  }

  private static double pairs(int k) {
    return k * (k - 1) / 2.0;
  }
}

package io.clinsum.grouping.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most distinctive terms of each group, by class-based TF-IDF: a term scores high in a group
 * when it is frequent there and rare in the other groups. Ties break alphabetically, so labels are
 * stable from run to run.
 */
public final class GroupTerms {
  private GroupTerms() {}

  /**
   * @param texts the texts of each item
   * @param labels each item's group (negative: in none)
   * @param groups number of groups
   * @param top terms wanted per group
   */
  public static List<List<String>> of(List<List<String>> texts, int[] labels, int groups, int top) {
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      counts.add(new HashMap<>());
    }
    Map<String, Integer> overall = new HashMap<>();
    long words = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        continue;
      }
      for (String text : texts.get(i)) {
        for (String term : Terms.of(text)) {
          counts.get(labels[i]).merge(term, 1, Integer::sum);
          overall.merge(term, 1, Integer::sum);
          words++;
        }
      }
    }
    double averageWordsPerGroup = groups == 0 ? 0 : (double) words / groups;
    List<List<String>> out = new ArrayList<>();
    for (Map<String, Integer> group : counts) {
      long size = group.values().stream().mapToLong(Integer::longValue).sum();
      out.add(
          group.entrySet().stream()
              .filter(e -> e.getValue() > 1 || size < 20)
              .sorted(
                  (a, b) -> {
                    int byScore =
                        Double.compare(
                            score(
                                b.getValue(), size, overall.get(b.getKey()), averageWordsPerGroup),
                            score(
                                a.getValue(), size, overall.get(a.getKey()), averageWordsPerGroup));
                    return byScore != 0 ? byScore : a.getKey().compareTo(b.getKey());
                  })
              .map(Map.Entry::getKey)
              .filter(new DistinctWords())
              .limit(top)
              .toList());
    }
    return out;
  }

  private static double score(int count, long groupSize, int overall, double average) {
    return ((double) count / Math.max(1, groupSize)) * Math.log(1 + average / overall);
  }

  /**
   * Skips a term whose words an earlier, better term already shows ("chest" after "chest pain").
   */
  private static final class DistinctWords implements java.util.function.Predicate<String> {
    private final List<String> kept = new ArrayList<>();

    @Override
    public boolean test(String term) {
      for (String k : kept) {
        if (containsWords(k, term) || containsWords(term, k)) {
          return false;
        }
      }
      kept.add(term);
      return true;
    }

    private static boolean containsWords(String outer, String inner) {
      return (" " + outer + " ").contains(" " + inner + " ");
    }
  }
}

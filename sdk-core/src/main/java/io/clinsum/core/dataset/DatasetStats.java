package io.clinsum.core.dataset;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Size and shape of a dataset: rows, how many have summaries and instructions, note and summary
 * lengths in words (min, median, 95th percentile, max, mean), the compression ratio, and value
 * counts of low-cardinality metadata fields (such as {@code specialty}).
 *
 * @param rows records
 * @param withSummary records with a non-blank summary
 * @param withInstruction records with an instruction
 * @param noteWords distribution of note lengths in words
 * @param summaryWords distribution of summary lengths in words (records with a summary)
 * @param compressionRatio mean summary words divided by mean note words (0 without summaries)
 * @param metadataValues for each metadata field with at most {@value #MAX_DISTINCT} distinct
 *     values: value → count, most frequent first
 */
public record DatasetStats(
    long rows,
    long withSummary,
    long withInstruction,
    Distribution noteWords,
    Distribution summaryWords,
    double compressionRatio,
    Map<String, Map<String, Long>> metadataValues) {

  /** Fields with more distinct values than this are not counted by value. */
  public static final int MAX_DISTINCT = 50;

  /**
   * Percentiles of a length distribution.
   *
   * @param min smallest
   * @param median middle value
   * @param p95 95th percentile
   * @param max largest
   * @param mean average
   */
  public record Distribution(int min, int median, int p95, int max, double mean) {
    static Distribution of(int[] values, int n) {
      if (n == 0) {
        return new Distribution(0, 0, 0, 0, 0);
      }
      int[] v = Arrays.copyOf(values, n);
      Arrays.sort(v);
      long sum = 0;
      for (int x : v) {
        sum += x;
      }
      return new Distribution(
          v[0], v[(n - 1) / 2], v[(int) Math.ceil(0.95 * n) - 1], v[n - 1], (double) sum / n);
    }
  }

  /** Computes statistics over the records (which it consumes). */
  public static DatasetStats of(Iterator<DatasetRecord> records) {
    int[] notes = new int[1024];
    int[] summaries = new int[1024];
    int n = 0;
    int s = 0;
    long instructions = 0;
    Map<String, Map<String, Long>> values = new TreeMap<>();
    java.util.Set<String> tooMany = new java.util.HashSet<>();
    while (records.hasNext()) {
      DatasetRecord r = records.next();
      if (n == notes.length) {
        notes = Arrays.copyOf(notes, n * 2);
      }
      notes[n++] = words(r.note());
      if (r.summary() != null && !r.summary().isBlank()) {
        if (s == summaries.length) {
          summaries = Arrays.copyOf(summaries, s * 2);
        }
        summaries[s++] = words(r.summary());
      }
      if (r.instruction() != null) {
        instructions++;
      }
      for (Map.Entry<String, String> e : r.metadata().entrySet()) {
        if (tooMany.contains(e.getKey())) {
          continue;
        }
        Map<String, Long> counts = values.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
        counts.merge(e.getValue(), 1L, Long::sum);
        if (counts.size() > MAX_DISTINCT) {
          values.remove(e.getKey());
          tooMany.add(e.getKey());
        }
      }
    }
    Distribution noteDist = Distribution.of(notes, n);
    Distribution summaryDist = Distribution.of(summaries, s);
    double ratio = s == 0 || noteDist.mean() == 0 ? 0 : summaryDist.mean() / noteDist.mean();
    Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          Map<String, Long> byCount = new LinkedHashMap<>();
          v.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .forEach(e -> byCount.put(e.getKey(), e.getValue()));
          sorted.put(k, byCount);
        });
    return new DatasetStats(n, s, instructions, noteDist, summaryDist, ratio, sorted);
  }

  /** A readable multi-line description. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "rows: %d (with summary: %d, with instruction: %d)%n",
            rows,
            withSummary,
            withInstruction));
    sb.append(line("note words", noteWords));
    sb.append(line("summary words", summaryWords));
    sb.append(
        String.format(Locale.ROOT, "compression: %.3f (summary/note words)%n", compressionRatio));
    metadataValues.forEach(
        (field, counts) -> {
          sb.append(field).append(": ");
          StringBuilder list = new StringBuilder();
          counts.forEach(
              (v, c) ->
                  list.append(list.length() == 0 ? "" : ", ").append(v).append(" ").append(c));
          sb.append(list).append(System.lineSeparator());
        });
    return sb.toString();
  }

  private static String line(String name, Distribution d) {
    return String.format(
        Locale.ROOT,
        "%s: min %d, median %d, p95 %d, max %d, mean %.1f%n",
        name,
        d.min(),
        d.median(),
        d.p95(),
        d.max(),
        d.mean());
  }

  private static int words(String text) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean ws = Character.isWhitespace(text.charAt(i));
      if (!ws && !in) {
        words++;
      }
      in = !ws;
    }
    return words;
  }
}

package io.clinsum.core.eval;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one summarizer scored on a dataset.
 *
 * @param label name shown in reports (the backend, or backend and model)
 * @param backend backend name
 * @param model model id and version
 * @param items per-record outcome, in dataset order
 * @param aggregates mean scores with bootstrap confidence intervals, by ROUGE type
 * @param elapsed wall time of the summarization
 */
public record EvaluationResult(
    String label,
    String backend,
    String model,
    List<Item> items,
    Map<RougeType, Aggregate> aggregates,
    Duration elapsed) {

  public EvaluationResult {
    Objects.requireNonNull(label, "label");
    items = List.copyOf(items);
    aggregates = Map.copyOf(aggregates);
  }

  /** Records that could not be summarized. */
  public long failures() {
    return items.stream().filter(i -> i.error() != null).count();
  }

  /** Records summarized per second. */
  public double throughput() {
    double s = elapsed.toNanos() / 1e9;
    return s == 0 ? 0 : items.size() / s;
  }

  /**
   * One record's outcome.
   *
   * @param id record id
   * @param prompt the instruction (if any) and the note, as the model saw them
   * @param reference the reference summary
   * @param prediction the generated summary, or {@code null} on error
   * @param scores ROUGE scores (zero when the record failed)
   * @param error why the record failed, or {@code null}
   */
  public record Item(
      String id,
      String prompt,
      String reference,
      String prediction,
      Map<RougeType, RougeScore> scores,
      String error) {
    public Item {
      scores = Map.copyOf(scores);
    }
  }

  /**
   * A mean score with its confidence interval.
   *
   * @param precision mean precision
   * @param recall mean recall
   * @param f1 mean F1
   * @param f1Low lower end of the F1 confidence interval
   * @param f1High upper end of the F1 confidence interval
   */
  public record Aggregate(
      double precision, double recall, double f1, double f1Low, double f1High) {}
}

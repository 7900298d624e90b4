package io.clinsum.core.eval;

import io.clinsum.core.ProgressListener;
import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.dataset.DatasetRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scores any {@link Summarizer} on a dataset with ROUGE, with bootstrap confidence intervals.
 * Records that fail to summarize (an empty note, a backend error) are kept in the result with their
 * error and count as zero, so that a backend cannot look better by failing.
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.builder().bootstrapSamples(1000).seed(7).build();
 * EvaluationResult result = evaluator.evaluate(summarizer, records);
 * System.out.println(result.aggregates().get(RougeType.ROUGE_L).f1());
 * }</pre>
 */
public final class Evaluator {
  private final RougeScorer scorer;
  private final int bootstrapSamples;
  private final double confidence;
  private final long seed;
  private final int batchSize;
  private final ProgressListener progress;

  private Evaluator(Builder b) {
    this.scorer = b.scorer;
    this.bootstrapSamples = b.bootstrapSamples;
    this.confidence = b.confidence;
    this.seed = b.seed;
    this.batchSize = b.batchSize;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Summarizes every record that has a reference summary and scores the results. */
  public EvaluationResult evaluate(Summarizer summarizer, List<DatasetRecord> records) {
    List<DatasetRecord> scored = records.stream().filter(r -> r.summary() != null).toList();
    List<EvaluationResult.Item> items = new ArrayList<>(scored.size());
    long start = System.nanoTime();
    for (int from = 0; from < scored.size(); from += batchSize) {
      List<DatasetRecord> batch = scored.subList(from, Math.min(scored.size(), from + batchSize));
      List<SummarizationOutcome> outcomes = summarizer.summarizeEach(requests(batch));
      for (int i = 0; i < batch.size(); i++) {
        DatasetRecord r = batch.get(i);
        SummarizationOutcome o = outcomes.get(i);
        String prediction = o.succeeded() ? o.result().text() : null;
        items.add(
            new EvaluationResult.Item(
                r.id(),
                prompt(r),
                r.summary(),
                prediction,
                scorer.score(r.summary(), prediction == null ? "" : prediction),
                o.succeeded() ? null : o.error().getMessage()));
      }
      progress.onProgress(items.size(), scored.size());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    SummarizerInfo info = summarizer.info();
    return new EvaluationResult(
        info.backend(),
        info.backend(),
        info.modelId() + "@" + info.modelVersion(),
        items,
        aggregate(items),
        elapsed);
  }

  private static List<SummarizationRequest> requests(List<DatasetRecord> batch) {
    List<SummarizationRequest> requests = new ArrayList<>(batch.size());
    for (DatasetRecord r : batch) {
      requests.add(
          SummarizationRequest.builder()
              .id(r.id())
              .text(r.note())
              .instruction(r.instruction())
              .build());
    }
    return requests;
  }

  private Map<RougeType, EvaluationResult.Aggregate> aggregate(List<EvaluationResult.Item> items) {
    Map<RougeType, EvaluationResult.Aggregate> out = new EnumMap<>(RougeType.class);
    int n = items.size();
    if (n == 0) {
      return out;
    }
    for (RougeType type : scorer.types()) {
      double[] f = new double[n];
      double p = 0;
      double r = 0;
      for (int i = 0; i < n; i++) {
        RougeScore s = items.get(i).scores().get(type);
        f[i] = s.fmeasure();
        p += s.precision();
        r += s.recall();
      }
      double[] ci = bootstrap(f);
      out.put(type, new EvaluationResult.Aggregate(p / n, r / n, mean(f), ci[0], ci[1]));
    }
    return out;
  }

  /** Percentile bootstrap interval of the mean. */
  private double[] bootstrap(double[] values) {
    if (bootstrapSamples == 0) {
      double m = mean(values);
      return new double[] {m, m};
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = values.length;
    double[] means = new double[bootstrapSamples];
    for (int b = 0; b < bootstrapSamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    double alpha = (1 - confidence) / 2;
    int lo = (int) Math.floor(alpha * (bootstrapSamples - 1));
    int hi = (int) Math.ceil((1 - alpha) * (bootstrapSamples - 1));
    return new double[] {means[lo], means[hi]};
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return v.length == 0 ? 0 : sum / v.length;
  }

  private static String prompt(DatasetRecord r) {
    return r.instruction() == null ? r.note() : r.instruction() + "\n\n" + r.note();
  }

  /** Builder for {@link Evaluator}. */
  public static final class Builder {
    private RougeScorer scorer = RougeScorer.standard();
    private int bootstrapSamples = 1000;
    private double confidence = 0.95;
    private long seed = 7;
    private int batchSize = 16;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /** The ROUGE scorer (default: ROUGE-1/2/L/Lsum with stemming, as rouge-score). */
    public Builder scorer(RougeScorer scorer) {
      this.scorer = scorer;
      return this;
    }

    /** Bootstrap resamples for confidence intervals (default 1000; 0 disables). */
    public Builder bootstrapSamples(int bootstrapSamples) {
      if (bootstrapSamples < 0) {
        throw new IllegalArgumentException("bootstrapSamples must be >= 0");
      }
      this.bootstrapSamples = bootstrapSamples;
      return this;
    }

    /** Confidence level of the intervals (default 0.95). */
    public Builder confidence(double confidence) {
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("confidence must be between 0 and 1");
      }
      this.confidence = confidence;
      return this;
    }

    /** Seed of the bootstrap resampling (default 7). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Records sent to the summarizer at once (default 16). */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1");
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Progress after each batch. */
    public Builder progress(ProgressListener progress) {
      this.progress = progress;
      return this;
    }

    public Evaluator build() {
      return new Evaluator(this);
    }
  }
}

package io.clinsum.samples.bench;

import io.clinsum.core.ProgressListener;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.Embedders;
import io.clinsum.core.extractive.ExtractiveBackend;
import io.clinsum.core.extractive.SentenceScorer;
import io.clinsum.grouping.Grouping;
import io.clinsum.grouping.GroupingEvaluator;
import io.clinsum.grouping.GroupingOptions;
import io.clinsum.grouping.PatientGrouper;
import io.clinsum.grouping.PatientTexts;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Embeds and groups synthetic patients and prints the time each stage took:
 *
 * <pre>
 * java -cp samples/target/clinsum.jar io.clinsum.samples.bench.GroupingBenchmark \
 *     [patients=10000] [embedder=minilm] [texts-out]
 * </pre>
 *
 * <p>Each patient is one synthetic note (seed 42), summarized by the extractive summarizer first
 * (timed apart: the application groups summaries it already has). The measured step is what the
 * application's regroup job does: embed every distinct summary, average per patient, choose k,
 * cluster, label, score and project. The scenario and specialty the generator drew give reference
 * labels, so the benchmark also prints purity and ARI. With {@code texts-out}, the summaries are
 * written one per line for the side-by-side Python run in {@code bench/group-bench.sh}.
 */
public final class GroupingBenchmark {
  private GroupingBenchmark() {}

  public static void main(String[] args) throws IOException {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String embedderName = args.length > 1 ? args[1] : "minilm";
    List<DatasetRecord> records =
        SyntheticNoteGenerator.builder().seed(42).build().generate(patients);

    long t0 = System.nanoTime();
    List<String> summaries = new ArrayList<>(patients);
    try (Summarizer summarizer =
        Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 40))) {
      for (SummarizationResult r :
          summarizer.summarizeAll(
              records.stream().map(r -> SummarizationRequest.of(r.id(), r.note())).toList())) {
        summaries.add(r.text());
      }
    }
    double summarizeSeconds = (System.nanoTime() - t0) / 1e9;
    if (args.length > 2) {
      Files.write(
          Path.of(args[2]),
          summaries.stream().map(s -> s.replace('\n', ' ')).toList(),
          StandardCharsets.UTF_8);
    }
    List<PatientTexts> input = new ArrayList<>(patients);
    for (int i = 0; i < patients; i++) {
      input.add(PatientTexts.of("patient-" + i, summaries.get(i)));
    }

    long t1 = System.nanoTime();
    Grouping grouping;
    double loadSeconds;
    try (Embedder embedder = Embedders.open(embedderName)) {
      loadSeconds = (System.nanoTime() - t1) / 1e9;
      grouping =
          new PatientGrouper(embedder, GroupingOptions.defaults())
              .group(input, ProgressListener.NONE);
    }
    double totalSeconds = (System.nanoTime() - t1) / 1e9;

    List<String> scenarios = records.stream().map(r -> r.metadata().get("scenario")).toList();
    List<String> specialties = records.stream().map(r -> r.metadata().get("specialty")).toList();
    GroupingEvaluator.Scores byScenario =
        GroupingEvaluator.evaluate(grouping.labelsInOrder(), scenarios);
    GroupingEvaluator.Scores bySpecialty =
        GroupingEvaluator.evaluate(grouping.labelsInOrder(), specialties);
    long distinct = summaries.stream().distinct().count();
    System.out.printf(
        Locale.ROOT,
        "patients %,d (distinct summaries %,d), embedder %s%n"
            + "summarize (extractive, not counted) %.1f s%n"
            + "embed + group: %.1f s (load model %.1f s, embed %.1f s, group %.1f s) = %,.0f patients/s%n"
            + "groups %d (%s), silhouette %.3f%n"
            + "vs scenario (%d): purity %.3f, ARI %.3f; vs specialty (%d): purity %.3f, ARI %.3f%n",
        patients,
        distinct,
        grouping.embedder(),
        summarizeSeconds,
        totalSeconds,
        loadSeconds,
        grouping.embedTime().toMillis() / 1e3,
        grouping.groupTime().toMillis() / 1e3,
        patients / totalSeconds,
        grouping.groups().size(),
        grouping.parameters().get("k-range") == null
            ? grouping.algorithm()
            : "k-means, k from " + grouping.parameters().get("k-range"),
        grouping.silhouette(),
        byScenario.classes(),
        byScenario.purity(),
        byScenario.adjustedRandIndex(),
        bySpecialty.classes(),
        bySpecialty.purity(),
        bySpecialty.adjustedRandIndex());
    grouping.notes().forEach(n -> System.out.println("note: " + n));
  }
}

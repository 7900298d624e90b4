package io.clinsum.samples.bench;

import io.clinsum.core.ProgressListener;
import io.clinsum.core.dataset.DatasetOptions;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.EmbedderInfo;
import io.clinsum.core.embedding.Embedders;
import io.clinsum.grouping.GroupingEvaluator;
import io.clinsum.grouping.GroupingOptions;
import io.clinsum.grouping.PatientGrouper;
import io.clinsum.grouping.PatientTexts;
import io.clinsum.grouping.TfIdfEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentence embeddings against the TF-IDF baseline on MTSamples, scored by adjusted Rand index
 * against the specialty labels:
 *
 * <pre>
 * java -cp samples/target/clinsum.jar io.clinsum.samples.bench.GroupingEvaluation \
 *     sdk-core/src/test/resources/mtsamples/mtsamples-dev.jsonl [seeds=20]
 * </pre>
 *
 * <p>With 51 records and 21 labels, one k-means run says little: the same k on both vectors, for k
 * in 5, 10, 15 and 21, each over many seeds; it prints mean ARI and purity per cell as Markdown.
 * Both the one-line human summaries ({@code description}) and the full notes ({@code
 * transcription}) are grouped.
 */
public final class GroupingEvaluation {
  private static final int[] KS = {5, 10, 15, 21};

  private GroupingEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<DatasetRecord> records = new ArrayList<>();
    DatasetOptions options =
        DatasetOptions.builder().noteField("transcription").summaryField("description").build();
    try (DatasetReader reader = DatasetReader.open(file, options)) {
      reader.forEachRemaining(records::add);
    }
    List<String> labels = records.stream().map(r -> r.metadata().get("specialty")).toList();
    System.out.printf(
        Locale.ROOT,
        "%d records, %d specialties, %d seeds per cell; mean adjusted Rand index (purity)%n%n",
        records.size(),
        labels.stream().distinct().count(),
        seeds);
    System.out.println("| text | vectors | k=5 | k=10 | k=15 | k=21 | mean ARI |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String source : List.of("description", "transcription")) {
      List<PatientTexts> patients = new ArrayList<>();
      for (DatasetRecord r : records) {
        patients.add(
            PatientTexts.of(r.id(), source.equals("description") ? r.summary() : r.note()));
      }
      List<String> corpus = patients.stream().map(p -> p.texts().get(0)).toList();
      try (Embedder minilm = new Memo(Embedders.open("minilm"));
          Embedder tfidf = Embedders.of(TfIdfEmbedder.fit(corpus, 4096))) {
        for (Embedder embedder : List.of(minilm, tfidf)) {
          StringBuilder row =
              new StringBuilder("| " + source + " | " + embedder.info().model() + " |");
          double sum = 0;
          for (int k : KS) {
            double ari = 0;
            double purity = 0;
            for (int seed = 1; seed <= seeds; seed++) {
              GroupingOptions o = GroupingOptions.builder().k(k).seed(seed).build();
              List<String> predicted =
                  new PatientGrouper(embedder, o)
                      .group(patients, ProgressListener.NONE)
                      .labelsInOrder();
              GroupingEvaluator.Scores s = GroupingEvaluator.evaluate(predicted, labels);
              ari += s.adjustedRandIndex() / seeds;
              purity += s.purity() / seeds;
            }
            sum += ari;
            row.append(String.format(Locale.ROOT, " %.3f (%.2f) |", ari, purity));
          }
          row.append(String.format(Locale.ROOT, " **%.3f** |", sum / KS.length));
          System.out.println(row);
        }
      }
    }
  }

  /** Embeds each distinct text once across the many groupings of one run. */
  private static final class Memo implements Embedder {
    private final Embedder inner;
    private final Map<String, float[]> cache = new HashMap<>();

    Memo(Embedder inner) {
      this.inner = inner;
    }

    @Override
    public EmbedderInfo info() {
      return inner.info();
    }

    @Override
    public List<float[]> embedAll(List<String> texts, ProgressListener progress) {
      List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
      if (!missing.isEmpty()) {
        List<float[]> computed = inner.embedAll(missing, ProgressListener.NONE);
        for (int i = 0; i < missing.size(); i++) {
          cache.put(missing.get(i), computed.get(i));
        }
      }
      return texts.stream().map(cache::get).toList();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}

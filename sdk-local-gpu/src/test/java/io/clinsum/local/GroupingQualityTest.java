package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.Embedders;
import io.clinsum.grouping.GroupingEvaluator;
import io.clinsum.grouping.GroupingOptions;
import io.clinsum.grouping.PatientGrouper;
import io.clinsum.grouping.PatientTexts;
import io.clinsum.grouping.TfIdfEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grouping goal on real text: on the 51 MTSamples records, grouping their one-line human
 * summaries by all-MiniLM-L6-v2 agrees better with the specialty labels (adjusted Rand index) than
 * grouping them by TF-IDF, at the same k. Averaged over k and seeds, since one k-means run on 51
 * points is noise. ({@code GroupingEvaluation} in the samples prints the full table.)
 */
class GroupingQualityTest {
  @Test
  void sentenceEmbeddingsBeatTfIdfOnMtSamplesSummaries() throws IOException {
    List<PatientTexts> patients = new ArrayList<>();
    List<String> specialties = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/mtsamples/mtsamples-dev.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode r = json.readTree(line);
        patients.add(PatientTexts.of(r.path("id").asText(), r.path("description").asText()));
        specialties.add(r.path("specialty").asText());
      }
    }
    assertThat(patients).hasSize(51);
    List<String> corpus = patients.stream().map(p -> p.texts().get(0)).toList();
    double minilm;
    double tfidf;
    try (Embedder e = Embedders.open("minilm")) {
      minilm = meanAri(e, patients, specialties);
    }
    try (Embedder e = Embedders.of(TfIdfEmbedder.fit(corpus, 4096))) {
      tfidf = meanAri(e, patients, specialties);
    }
    System.out.printf(
        "MTSamples descriptions, mean ARI: all-MiniLM-L6-v2 %.3f, TF-IDF %.3f%n", minilm, tfidf);
    assertThat(minilm).isGreaterThan(tfidf + 0.02);
  }

  private static double meanAri(Embedder e, List<PatientTexts> patients, List<String> labels) {
    double sum = 0;
    int runs = 0;
    for (int k : new int[] {5, 10, 15, 21}) {
      for (int seed = 1; seed <= 8; seed++) {
        GroupingOptions o = GroupingOptions.builder().k(k).seed(seed).build();
        List<String> predicted =
            new PatientGrouper(e, o).group(patients, ProgressListener.NONE).labelsInOrder();
        sum += GroupingEvaluator.evaluate(predicted, labels).adjustedRandIndex();
        runs++;
      }
    }
    return sum / runs;
  }
}

package io.clinsum.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.dataset.DatasetRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final List<DatasetRecord> RECORDS =
      List.of(
          DatasetRecord.of(
              "1",
              "Chest pain radiating to left arm. ECG shows ST elevation.",
              "Chest pain, STEMI."),
          DatasetRecord.of(
              "2", "Fell at home. Right hip fracture on x-ray.", "Fall, hip fracture."),
          DatasetRecord.of(
              "3", "<script>alert('x')</script> Cough and fever for 3 days.", "Cough | fever."),
          DatasetRecord.of("4", "   ", "Nothing."),
          DatasetRecord.of("5", "No reference for this one.", null));

  @Test
  void evaluate_lead_scoresEveryRecordWithAReferenceAndCountsFailuresAsZero() {
    try (Summarizer lead = Summarizers.open("lead")) {
      EvaluationResult r =
          Evaluator.builder().bootstrapSamples(200).build().evaluate(lead, RECORDS);

      assertThat(r.items()).hasSize(4);
      assertThat(r.failures()).isEqualTo(1);
      EvaluationResult.Item failed = r.items().get(3);
      assertThat(failed.error()).contains("whitespace");
      assertThat(failed.scores().get(RougeType.ROUGE_1).fmeasure()).isZero();
      assertThat(r.items().get(0).prediction()).isEqualTo("Chest pain radiating to left arm.");
      EvaluationResult.Aggregate rouge1 = r.aggregates().get(RougeType.ROUGE_1);
      assertThat(rouge1.f1()).isBetween(rouge1.f1Low(), rouge1.f1High());
      double mean =
          r.items().stream()
              .mapToDouble(i -> i.scores().get(RougeType.ROUGE_1).fmeasure())
              .average()
              .orElseThrow();
      assertThat(rouge1.f1()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void evaluate_sameSeed_givesTheSameConfidenceIntervals() {
    try (Summarizer lead = Summarizers.open("lead")) {
      Evaluator e = Evaluator.builder().seed(3).build();
      assertThat(e.evaluate(lead, RECORDS).aggregates())
          .isEqualTo(e.evaluate(lead, RECORDS).aggregates());
    }
  }

  @Test
  void report_twoBackends_rendersMarkdownHtmlAndJsonWithEscapedText() throws Exception {
    List<EvaluationResult> results = new ArrayList<>();
    for (String backend : List.of("lead", "extractive")) {
      try (Summarizer s = Summarizers.open(backend)) {
        results.add(Evaluator.builder().bootstrapSamples(50).build().evaluate(s, RECORDS));
      }
    }
    ComparisonReport report = new ComparisonReport("unit <test>", results, 4);

    String md = report.toMarkdown();
    assertThat(md)
        .contains("| lead |")
        .contains("| extractive |")
        .contains("rouge1 F1")
        .contains("| prompt | reference | lead | extractive |")
        .contains("Cough \\| fever.")
        .doesNotContain("<script>");

    String html = report.toHtml();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>")
        .doesNotContain("http://cdn")
        .doesNotContain("https://");

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.get("results")).hasSize(2);
    assertThat(json.at("/results/1/label").asText()).isEqualTo("extractive");
    assertThat(json.at("/results/0/scores/rougeL/f1").asDouble())
        .isEqualTo(results.get(0).aggregates().get(RougeType.ROUGE_L).f1());
    assertThat(json.at("/results/0/items")).hasSize(4);
  }

  @Test
  void report_withCurves_drawsEachCurveEscapedAndListsItInMarkdownAndJson() throws Exception {
    EvaluationResult r;
    try (Summarizer lead = Summarizers.open("lead")) {
      r = Evaluator.builder().bootstrapSamples(20).build().evaluate(lead, RECORDS);
    }
    ComparisonReport report =
        new ComparisonReport("curves", List.of(r), 0)
            .withCurves(
                java.util.Map.of(
                    "train_loss <x>", List.of(2.5, 1.5, 0.75), "single", List.of(1.0)));

    assertThat(report.toHtml())
        .contains("<h2>train_loss &lt;x&gt;</h2>")
        .contains("<polyline")
        .doesNotContain("<h2>single</h2>"); // one point draws no line
    assertThat(report.toMarkdown()).contains("train_loss <x>: 2.5000 → 0.7500 over 3 points");
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.at("/curves/train_loss <x>")).hasSize(3);
  }
}

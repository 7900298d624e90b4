package io.clinsum.core.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.dataset.DatasetOptions;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.eval.ComparisonReport;
import io.clinsum.core.eval.EvaluationResult;
import io.clinsum.core.eval.Evaluator;
import io.clinsum.core.eval.RougeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extractive backend against the lead-sentence baseline on 51 real MTSamples records
 * (transcription → description). Writes the comparison to {@code target/reports/}.
 */
class ExtractiveQualityTest {

  @Test
  void mtsamples_extractive_beatsTheLeadSentenceBaselineOnRougeL() throws Exception {
    List<DatasetRecord> records;
    try (DatasetReader r =
        DatasetReader.open(
            Path.of("src/test/resources/mtsamples/mtsamples-dev.jsonl"),
            DatasetOptions.builder()
                .noteField("transcription")
                .summaryField("description")
                .build())) {
      records = r.readAll();
    }
    List<EvaluationResult> results = new ArrayList<>();
    for (String backend : List.of("lead", "extractive")) {
      try (Summarizer s = Summarizers.open(backend)) {
        results.add(Evaluator.builder().build().evaluate(s, records));
      }
    }
    ComparisonReport report = new ComparisonReport("MTSamples dev (51 real records)", results, 5);
    Path dir = Files.createDirectories(Path.of("target/reports"));
    Files.writeString(dir.resolve("extractive-vs-lead-mtsamples.md"), report.toMarkdown());
    Files.writeString(dir.resolve("extractive-vs-lead-mtsamples.html"), report.toHtml());

    double lead = results.get(0).aggregates().get(RougeType.ROUGE_L).f1();
    double extractive = results.get(1).aggregates().get(RougeType.ROUGE_L).f1();
    assertThat(results).allMatch(r -> r.failures() == 0);
    assertThat(extractive).as("extractive %.4f vs lead %.4f", extractive, lead).isGreaterThan(lead);
  }
}

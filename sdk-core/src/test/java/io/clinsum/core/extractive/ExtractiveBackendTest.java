package io.clinsum.core.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import org.junit.jupiter.api.Test;

class ExtractiveBackendTest {
  private static final String NOTE =
      "PREOPERATIVE DIAGNOSIS:, Nonrestorable teeth.,"
          + "POSTOPERATIVE DIAGNOSIS:, Nonrestorable teeth.,PROCEDURE:, Full-mouth extraction and"
          + " alveoloplasty in all four quadrants.,ANESTHESIA:,  Nasotracheal general anesthesia.,"
          + "EBL:, Minimum.,COMPLICATIONS:, None.";

  @Test
  void summarize_sectionedNote_prefersDiagnosisAndProcedureOverAnesthesia() {
    try (Summarizer s =
        Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 20))) {
      String summary = s.summarize(SummarizationRequest.of(NOTE)).text();

      assertThat(summary).containsAnyOf("Full-mouth extraction", "Nonrestorable teeth");
      assertThat(summary).doesNotContain("anesthesia").doesNotContain("EBL");
    }
  }

  @Test
  void summarize_symptomInstruction_picksTheSymptomSentence() {
    String note =
        "Patient admitted overnight for observation. She reports crushing chest pain and"
            + " nausea since 0300. Vitals stable on arrival. Plan: serial troponins.";
    try (Summarizer s =
        Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 12))) {
      String summary =
          s.summarize(
                  SummarizationRequest.builder()
                      .text(note)
                      .instruction("Summarize the symptoms that the patient is experiencing.")
                      .build())
              .text();

      assertThat(summary).contains("chest pain");
    }
  }

  @Test
  void summarize_maxLength_limitsTheWords() {
    try (Summarizer s =
        Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 40))) {
      String summary =
          s.summarize(
                  SummarizationRequest.builder()
                      .text(NOTE)
                      .options(GenerationOptions.builder().maxLength(5).build())
                      .build())
              .text();

      assertThat(summary.split(" ")).hasSizeLessThanOrEqualTo(5);
    }
  }

  @Test
  void summarize_leadMode_returnsTheFirstSentence() {
    try (Summarizer s = Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.LEAD, 40))) {
      String summary =
          s.summarize(
                  SummarizationRequest.of(
                      "Chest pain since noon. ECG shows ST elevation. Taken to cath lab."))
              .text();

      assertThat(summary).isEqualTo("Chest pain since noon.");
    }
  }

  @Test
  void summarize_onlyWordsFromTheNote_neverInventsText() {
    try (Summarizer s =
        Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 30))) {
      String summary = s.summarize(SummarizationRequest.of(NOTE)).text();

      for (String word : summary.split("\\s+")) {
        assertThat(NOTE).contains(word.replaceAll("[.,]+$", ""));
      }
    }
  }
}

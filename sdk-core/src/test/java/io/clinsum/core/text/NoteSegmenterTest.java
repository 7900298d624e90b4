package io.clinsum.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteSegmenterTest {
  private final NoteSegmenter segmenter = NoteSegmenter.get();

  private List<String> sentences(String text) {
    return segmenter.sentences(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void sentences_abbreviationsDecimalsAndInitials_doNotEndSentences() {
    assertThat(sentences("Seen by Dr. Smith at 10 a.m. today. Given 2.5 mg IV. J. Doe notified."))
        .containsExactly(
            "Seen by Dr. Smith at 10 a.m. today.", "Given 2.5 mg IV.", "J. Doe notified.");
  }

  @Test
  void sentences_lineBreaks_endSentencesUnlessTheNextLineContinuesInLowerCase() {
    assertThat(sentences("BP 120/80\nHR 88\nPatient resting and\ncomfortable"))
        .containsExactly("BP 120/80", "HR 88", "Patient resting and\ncomfortable");
  }

  @Test
  void sections_mtsamplesStyleHeadings_areFoundWithTheirSentences() {
    String note =
        "SUBJECTIVE:,  This 23-year-old female presents with allergies.  She used Claritin."
            + ",MEDICATIONS: , Allegra.,ALLERGIES: , None.";

    List<Section> sections = segmenter.sections(note);

    assertThat(sections)
        .extracting(Section::heading)
        .containsExactly("SUBJECTIVE", "MEDICATIONS", "ALLERGIES");
    assertThat(sections.get(0).sentences())
        .extracting(s -> s.of(note))
        .containsExactly("This 23-year-old female presents with allergies.", "She used Claritin.");
    assertThat(sections.get(1).sentences()).extracting(s -> s.of(note)).containsExactly("Allegra.");
  }

  @Test
  void sections_lineStartHeadings_andTextBeforeThem() {
    String note =
        "Seen today.\nCHIEF COMPLAINT: Cough.\nASSESSMENT AND PLAN: Pneumonia. Antibiotics.";

    assertThat(segmenter.sections(note))
        .extracting(Section::heading)
        .containsExactly("", "CHIEF COMPLAINT", "ASSESSMENT AND PLAN");
  }

  @Test
  void sections_shortUpperCaseLabels_areNotHeadings() {
    assertThat(segmenter.sections("BP: 120/80. HR: 88."))
        .extracting(Section::heading)
        .containsExactly("");
  }
}

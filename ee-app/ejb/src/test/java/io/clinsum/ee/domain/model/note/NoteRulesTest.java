package io.clinsum.ee.domain.model.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteRulesTest {
  private static NoteDetails note(String patient, String type, String text) {
    return new NoteDetails(patient, null, type, null, null, null, text);
  }

  @Test
  void check_validNote_noViolations() {
    assertThat(NoteRules.check(note("P-1", "discharge", "Chest pain, troponin negative.")))
        .isEmpty();
  }

  @Test
  void check_hostileTextIsStillText_noViolations() {
    String hostile =
        "<script>alert(1)</script>'; DROP TABLE note; -- =cmd|' /C calc'!A0 \u202e\u200d😀";
    assertThat(NoteRules.check(note("P-1", "progress", hostile))).isEmpty();
  }

  @Test
  void check_missingFields_namesEachField() {
    List<NoteRules.Violation> v = NoteRules.check(note("", "", "  "));
    assertThat(v)
        .extracting(NoteRules.Violation::field)
        .containsExactly("patient_id", "note_type", "text");
  }

  @Test
  void check_oversizedText_saysTheLimit() {
    String big = "a".repeat(ClinicalNote.MAX_TEXT_CHARS + 1);
    assertThat(NoteRules.check(note("P-1", "x", big)))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("1000001").contains("1000000"));
  }

  @Test
  void check_nulCharacter_givesIndex() {
    assertThat(NoteRules.check(note("P-1", "x", "ab\0c")))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("index 2"));
  }

  @Test
  void check_loneSurrogate_refusedWithIndex_emojiAccepted() {
    assertThat(NoteRules.check(note("P-1", "x", "ok \ud800 bad")))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("index 3"));
    assertThat(NoteRules.check(note("P-1", "x", "ok 😀 fine"))).isEmpty();
  }

  @Test
  void check_htmlInNoteType_refused() {
    assertThat(NoteRules.check(note("P-1", "<b>x</b>", "text")))
        .extracting(NoteRules.Violation::field)
        .containsExactly("note_type");
  }

  @Test
  void check_everyNoteTypeOfTheSamples_accepted() {
    for (String type :
        new String[] {"handoff note (SBAR)", "ED triage note", "H&P", "post-op day 1: review"}) {
      assertThat(NoteRules.check(note("P-1", type, "text"))).as(type).isEmpty();
    }
  }

  @Test
  void check_controlCharacterInPatientId_refused() {
    assertThat(NoteRules.check(note("P\n1", "x", "text")))
        .extracting(NoteRules.Violation::field)
        .containsExactly("patient_id");
  }
}

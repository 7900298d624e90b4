package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.CLINICIAN;
import static io.clinsum.ee.application.internal.TestApp.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.NoteView;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoteServiceBeanTest {
  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  private static NoteDetails details(String patient, String text, Instant recordedAt) {
    return new NoteDetails(patient, null, "progress", "nurse", "ward", recordedAt, text);
  }

  @Test
  void create_validNote_storedWithoutTextInTheViewAndAudited() {
    NoteView v = app.noteService.create(CLINICIAN, details("P-1", "Chest pain.", null));

    assertThat(v.patientId()).isEqualTo("P-1");
    assertThat(v.createdBy()).isEqualTo("carl");
    assertThat(v.text()).isNull();
    assertThat(app.audit.events(AuditLog.NOTE_CREATED))
        .singleElement()
        .satisfies(e -> assertThat(e.entityId()).isEqualTo(v.id()));
  }

  @Test
  void create_sameTextForTheSamePatient_conflictNamingTheExistingNote() {
    NoteView first = app.noteService.create(CLINICIAN, details("P-1", "Chest pain.", null));

    assertThatThrownBy(() -> app.noteService.create(CLINICIAN, details("P-1", "Chest pain.", null)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Patient P-1 already has this note (note " + first.id() + ")");
    assertThat(app.notes.all()).hasSize(1);
  }

  @Test
  void create_sameTextAnotherPatient_stored() {
    app.noteService.create(CLINICIAN, details("P-1", "Chest pain.", null));
    app.noteService.create(CLINICIAN, details("P-2", "Chest pain.", null));
    assertThat(app.notes.all()).hasSize(2);
  }

  @Test
  void create_missingFields_invalidInputForEachField() {
    assertThatThrownBy(
            () ->
                app.noteService.create(
                    CLINICIAN, new NoteDetails("", null, "", null, null, null, "")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Map.Entry::getKey)
                    .contains("patient_id", "note_type", "text"));
    assertThat(app.notes.all()).isEmpty();
  }

  @Test
  void read_withSummary_textAndSummaryStateAudited() {
    ClinicalNote n = app.notes.add("P-1", "Chest pain.");
    var s = app.summaries.add(n, "Pain.");

    NoteView v = app.noteService.read(REVIEWER, n.getId());

    assertThat(v.text()).isEqualTo("Chest pain.");
    assertThat(v.summaryId()).isEqualTo(s.getId());
    assertThat(v.summaryState()).isEqualTo("GENERATED");
    assertThat(app.audit.events(AuditLog.NOTE_READ))
        .singleElement()
        .satisfies(e -> assertThat(e.entityId()).isEqualTo(n.getId()));
  }

  @Test
  void read_unknownNote_notFoundAndNothingAudited() {
    assertThatThrownBy(() -> app.noteService.read(REVIEWER, 9))
        .isInstanceOf(NotFoundException.class);
    assertThat(app.audit.events()).isEmpty();
  }

  @Test
  void list_newestRecordedFirstUnrecordedLast_withoutText() {
    ClinicalNote old = app.notes.add(details("P-1", "Old.", Instant.parse("2024-01-01T00:00:00Z")));
    ClinicalNote none = app.notes.add(details("P-1", "Undated.", null));
    ClinicalNote recent =
        app.notes.add(details("P-2", "New.", Instant.parse("2024-06-01T00:00:00Z")));

    var page = app.noteService.list(null, null, null, null, new PageRequest(0, 10));

    assertThat(page.items())
        .extracting(NoteView::id)
        .containsExactly(recent.getId(), old.getId(), none.getId());
    assertThat(page.items()).allSatisfy(v -> assertThat(v.text()).isNull());
    assertThat(app.audit.events()).as("lists carry no text, so they are not audited").isEmpty();
  }

  @Test
  void list_byPatientAndPeriod_filtered() {
    app.notes.add(details("P-1", "Old.", Instant.parse("2024-01-01T00:00:00Z")));
    ClinicalNote hit = app.notes.add(details("P-1", "Mid.", Instant.parse("2024-03-01T00:00:00Z")));
    app.notes.add(details("P-2", "Other.", Instant.parse("2024-03-01T00:00:00Z")));

    var page =
        app.noteService.list(
            "P-1",
            null,
            Instant.parse("2024-02-01T00:00:00Z"),
            Instant.parse("2024-04-01T00:00:00Z"),
            new PageRequest(0, 10));

    assertThat(page.items()).extracting(NoteView::id).containsExactly(hit.getId());
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void patients_byPrefix_withCounts() {
    ClinicalNote n = app.notes.add("W-1", "A.");
    app.notes.add("W-1", "B.");
    app.notes.add("X-1", "C.");
    app.summaries.add(n, "a");

    var page = app.noteService.patients("W-", new PageRequest(0, 10));

    assertThat(page.items())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.patientId()).isEqualTo("W-1");
              assertThat(p.notes()).isEqualTo(2);
              assertThat(p.summaries()).isEqualTo(1);
            });
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void patient_byNumberAndById_sameOne_unknownNotFound() {
    ClinicalNote n = app.notes.add("P-7", "A.");
    long number = n.getPatient().getId();

    assertThat(app.noteService.patient(number).patientId()).isEqualTo("P-7");
    assertThat(app.noteService.patient("P-7").id()).isEqualTo(number);
    assertThatThrownBy(() -> app.noteService.patient("P-404"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> app.noteService.patient(404L)).isInstanceOf(NotFoundException.class);
  }
}

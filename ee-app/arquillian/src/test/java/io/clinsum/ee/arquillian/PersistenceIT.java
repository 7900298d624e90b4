package io.clinsum.ee.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.ImportService;
import io.clinsum.ee.application.NoteService;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.patient.Patient;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** JPA mappings against the Flyway schema in PostgreSQL, and the review queue's query. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return ClinSumDeployment.ear();
  }

  @Inject private Transactions tx;
  @Inject private ImportService imports;
  @Inject private NoteService notes;
  @Inject private SummarizationService summarization;
  @Inject private ReviewService reviews;

  @Test
  void persist_patientAndNote_loadedBackInAnotherTransaction() {
    String patient = Notes.uniquePatient("JPA");
    Instant recorded = Instant.parse("2026-01-02T03:04:05Z");
    long noteId =
        tx.call(
            em -> {
              Patient p = new Patient(patient);
              em.persist(p);
              ClinicalNote n =
                  new ClinicalNote(
                      p,
                      new NoteDetails(
                          patient,
                          "N-1",
                          "discharge",
                          "physician",
                          "arquillian",
                          recorded,
                          Notes.NOTE),
                      "clinician");
              em.persist(n);
              em.flush();
              return n.getId();
            });

    List<Object> loaded =
        tx.call(
            em -> {
              ClinicalNote n = em.find(ClinicalNote.class, noteId);
              return List.of(
                  n.getPatient().getExternalId(),
                  n.getExternalId(),
                  n.getNoteType(),
                  n.getAuthorRole(),
                  n.getSource(),
                  n.getRecordedAt(),
                  n.getText(),
                  n.getCreatedBy(),
                  n.getCreatedAt() != null,
                  n.getPatient().getCreatedAt() != null);
            });

    assertThat(loaded)
        .containsExactly(
            patient,
            "N-1",
            "discharge",
            "physician",
            "arquillian",
            recorded,
            Notes.NOTE,
            "clinician",
            true,
            true);
    assertThat(
            tx.count(
                "SELECT count(*) FROM note n JOIN patient p ON p.id = n.patient_id"
                    + " WHERE n.id = ?1 AND p.external_id = ?2 AND n.note_type = 'discharge'"
                    + " AND n.external_id = 'N-1' AND n.recorded_at = ?3",
                noteId,
                patient,
                java.sql.Timestamp.from(recorded)))
        .as("the columns the mapping names")
        .isEqualTo(1);
  }

  @Test
  void persist_duplicatePatientIdentifier_refusedByTheSchema() {
    String patient = Notes.uniquePatient("DUP");
    tx.call(
        em -> {
          em.persist(new Patient(patient));
          return null;
        });

    assertThatThrownBy(
            () ->
                tx.call(
                    em -> {
                      em.persist(new Patient(patient));
                      em.flush();
                      return null;
                    }))
        .isInstanceOf(EJBException.class)
        .hasStackTraceContaining("duplicate key");
    assertThat(tx.count("SELECT count(*) FROM patient WHERE external_id = ?1", patient)).isOne();
  }

  @Test
  void reviewQueue_byStateAndPatient_oldestFirstWithNoteAndPatientLoaded() {
    String patient = Notes.uniquePatient("Q");
    Notes.importNotes(imports, patient, 3);
    List<Long> noteIds =
        notes.list(patient, null, null, null, new PageRequest(0, 10)).items().stream()
            .map(n -> n.id())
            .sorted()
            .toList();
    List<SummaryView> made =
        noteIds.stream().map(id -> summarization.summarizeNow(Notes.CLINICIAN, id)).toList();
    SummaryView second = made.get(1);
    reviews.approve(Notes.REVIEWER, second.id(), second.version(), null);

    Page<SummaryView> queue =
        reviews.list("GENERATED", patient, null, null, null, null, new PageRequest(0, 10));
    Page<SummaryView> approved =
        reviews.list("APPROVED", patient, "progress", null, null, null, new PageRequest(0, 10));

    assertThat(queue.total()).isEqualTo(2);
    assertThat(queue.items())
        .extracting(SummaryView::id)
        .containsExactly(made.get(0).id(), made.get(2).id());
    assertThat(queue.items()).allSatisfy(s -> assertThat(s.patientId()).isEqualTo(patient));
    assertThat(approved.items()).extracting(SummaryView::id).containsExactly(second.id());
    ReviewState state = tx.call(em -> em.find(Summary.class, second.id()).getState());
    assertThat(state).isEqualTo(ReviewState.APPROVED);
  }
}

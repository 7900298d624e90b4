package io.clinsum.ee.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.ImportMode;
import io.clinsum.ee.application.ImportReport;
import io.clinsum.ee.application.ImportService;
import io.clinsum.ee.application.NoteService;
import io.clinsum.ee.application.NoteView;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.application.SummaryView;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EJB application services, called inside WildFly through their local interfaces. */
@ExtendWith(ArquillianExtension.class)
class ApplicationServicesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return ClinSumDeployment.ear();
  }

  @Inject private ImportService imports;
  @Inject private NoteService notes;
  @Inject private SummarizationService summarization;
  @Inject private ReviewService reviews;

  @Test
  void importNotes_validModeWithOneBadRow_goodRowsStoredBadRowReported() {
    String patient = Notes.uniquePatient("IMP");
    String csv =
        "patient_id,note_type,note\n"
            + patient
            + ",progress,\"First. "
            + Notes.NOTE
            + "\"\n"
            + patient
            + ",progress,\n"
            + patient
            + ",discharge,\"Second. "
            + Notes.NOTE
            + "\"\n";

    ImportReport report = Notes.importCsv(imports, csv, ImportMode.VALID);

    assertThat(report.committed()).isTrue();
    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.inserted()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(1);
    List<NoteView> stored = notes.list(patient, null, null, null, new PageRequest(0, 10)).items();
    assertThat(stored)
        .extracting(NoteView::noteType)
        .containsExactlyInAnyOrder("progress", "discharge");
    assertThat(stored).allSatisfy(n -> assertThat(n.createdBy()).isEqualTo("clinician"));
  }

  @Test
  void summarizeNow_importedNote_extractiveSummaryStoredOnce() {
    long noteId = importOne(Notes.uniquePatient("SUM"));

    SummaryView first = summarization.summarizeNow(Notes.CLINICIAN, noteId);
    SummaryView again = summarization.summarizeNow(Notes.CLINICIAN, noteId);

    assertThat(first.noteId()).isEqualTo(noteId);
    assertThat(first.state()).isEqualTo("GENERATED");
    assertThat(first.backend()).isEqualTo("extractive");
    assertThat(first.text()).isNotBlank().isEqualTo(first.generatedText());
    for (String sentence : first.text().split("(?<=\\.)\\s+")) {
      assertThat("Day 0. " + Notes.NOTE).as("extracted, not written").contains(sentence.strip());
    }
    assertThat(again.id()).as("no second summary").isEqualTo(first.id());
  }

  @Test
  void review_approveThenEditWithVersions_staleVersionRefusedAndNothingWritten() {
    SummaryView summary =
        summarization.summarizeNow(Notes.CLINICIAN, importOne(Notes.uniquePatient("REV")));
    long seen = summary.version();

    SummaryView approved = reviews.approve(Notes.REVIEWER, summary.id(), seen, "fine");
    assertThat(approved.state()).isEqualTo("APPROVED");
    assertThat(approved.reviewer()).isEqualTo("reviewer");
    assertThat(approved.version()).isGreaterThan(seen);

    assertThatThrownBy(
            () -> reviews.edit(Notes.REVIEWER, summary.id(), seen, "Stale correction.", null))
        .isInstanceOf(StaleVersionException.class)
        .satisfies(
            e ->
                assertThat(((StaleVersionException) e).currentVersion())
                    .isEqualTo(approved.version()));
    assertThat(reviews.read(Notes.REVIEWER, summary.id()).text()).isEqualTo(summary.text());

    SummaryView edited =
        reviews.edit(
            Notes.REVIEWER, summary.id(), approved.version(), "Pneumonia, improving.", "shorter");
    assertThat(edited.state()).isEqualTo("EDITED");
    assertThat(edited.text()).isEqualTo("Pneumonia, improving.");
    assertThat(edited.generatedText()).isEqualTo(summary.generatedText());
    assertThat(reviews.history(summary.id()))
        .extracting(RevisionView::state)
        .containsExactly("GENERATED", "APPROVED", "EDITED");
  }

  @Test
  void reject_withReason_rejectedAndLeavesReviewQueue() {
    String patient = Notes.uniquePatient("REJ");
    SummaryView summary = summarization.summarizeNow(Notes.CLINICIAN, importOne(patient));
    assertThat(queue(patient)).containsExactly(summary.id());

    SummaryView rejected =
        reviews.reject(Notes.REVIEWER, summary.id(), summary.version(), "misses the diagnosis");

    assertThat(rejected.state()).isEqualTo("REJECTED");
    assertThat(rejected.reviewComment()).isEqualTo("misses the diagnosis");
    assertThat(queue(patient)).isEmpty();
  }

  private List<Long> queue(String patient) {
    return reviews
        .list("GENERATED", patient, null, null, null, null, new PageRequest(0, 10))
        .items()
        .stream()
        .map(SummaryView::id)
        .toList();
  }

  private long importOne(String patient) {
    assertThat(Notes.importNotes(imports, patient, 1).inserted()).isEqualTo(1);
    return notes.list(patient, null, null, null, new PageRequest(0, 1)).items().get(0).id();
  }
}

package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.ModelView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.summary.Summary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewServiceBeanTest {
  private final TestApp app = new TestApp();
  private final ReviewServiceBean review = app.review;

  @AfterEach
  void close() {
    app.close();
  }

  private Summary summary(String patient, String text) {
    return app.summaries.add(app.notes.add(patient, "Note of " + patient + "."), text);
  }

  @Test
  void approve_generatedSummary_approvedAtNextVersionWithRevisionAndAudit() {
    Summary s = summary("P-1", "Chest pain.");

    SummaryView v = review.approve(REVIEWER, s.getId(), 0, "ok");

    assertThat(v.state()).isEqualTo("APPROVED");
    assertThat(v.reviewer()).isEqualTo("rita");
    assertThat(v.reviewedAt()).isEqualTo(app.clock.instant());
    assertThat(v.version()).isEqualTo(1);
    assertThat(review.history(s.getId()))
        .extracting(RevisionView::revision, RevisionView::state, RevisionView::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "GENERATED", "system"),
            org.assertj.core.groups.Tuple.tuple(1, "APPROVED", "rita"));
    assertThat(app.audit.events(AuditLog.SUMMARY_REVIEWED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entityId()).isEqualTo(s.getId());
              assertThat(e.detail()).isEqualTo("APPROVED (revision 1)");
            });
  }

  @Test
  void edit_generatedSummary_newTextKeptGeneratedTextKept() {
    Summary s = summary("P-1", "Chest pain; ECG normal; discharged.");

    SummaryView v = review.edit(REVIEWER, s.getId(), 0, "Chest pain.", "shorter");

    assertThat(v.state()).isEqualTo("EDITED");
    assertThat(v.text()).isEqualTo("Chest pain.");
    assertThat(v.generatedText()).isEqualTo("Chest pain; ECG normal; discharged.");
    assertThat(v.reviewComment()).isEqualTo("shorter");
  }

  @Test
  void reject_withReason_rejected() {
    Summary s = summary("P-1", "Wrong.");
    assertThat(review.reject(REVIEWER, s.getId(), 0, "misses the PCI").state())
        .isEqualTo("REJECTED");
  }

  @Test
  void reject_blankReason_invalidInputNamingReason_nothingRecorded() {
    Summary s = summary("P-1", "Wrong.");

    assertThatThrownBy(() -> review.reject(REVIEWER, s.getId(), 0, " "))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(Map.entry("reason", "say why the summary is rejected")));
    assertThat(review.history(s.getId())).hasSize(1);
    assertThat(app.audit.events(AuditLog.SUMMARY_REVIEWED)).isEmpty();
  }

  @Test
  void edit_emptyText_invalidInputNamingText() {
    Summary s = summary("P-1", "Text.");
    assertThatThrownBy(() -> review.edit(REVIEWER, s.getId(), 0, "", null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(Map.Entry::getKey).containsExactly("text"));
  }

  @Test
  void approve_staleVersion_412WithCurrentVersion_nothingChanged() {
    Summary s = summary("P-1", "Text.");
    review.edit(REVIEWER, s.getId(), 0, "Better.", null);

    assertThatThrownBy(() -> review.approve(REVIEWER, s.getId(), 0, null))
        .isInstanceOfSatisfying(
            StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
    assertThat(s.getState().name()).isEqualTo("EDITED");
    assertThat(review.history(s.getId())).hasSize(2);
  }

  @Test
  void approve_changedConcurrentlyWhileSaving_staleAndNoRevisionOrAudit() {
    Summary s = summary("P-1", "Text.");
    app.summaries.changeBehindTheBack(s.getId());

    assertThatThrownBy(() -> review.approve(REVIEWER, s.getId(), 0, null))
        .isInstanceOfSatisfying(
            StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
    assertThat(review.history(s.getId())).hasSize(1);
    assertThat(app.audit.events(AuditLog.SUMMARY_REVIEWED)).isEmpty();
  }

  @Test
  void approve_unknownSummary_notFound() {
    assertThatThrownBy(() -> review.approve(REVIEWER, 404, 0, null))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("404");
  }

  @Test
  void review_decisionRevised_eachReviewANewRevision() {
    Summary s = summary("P-1", "Text.");
    review.approve(REVIEWER, s.getId(), 0, null);
    review.edit(REVIEWER, s.getId(), 1, "Text, corrected.", null);
    SummaryView v = review.reject(REVIEWER, s.getId(), 2, "still wrong");

    assertThat(v.state()).isEqualTo("REJECTED");
    assertThat(v.version()).isEqualTo(3);
    assertThat(review.history(s.getId()))
        .extracting(RevisionView::revision)
        .containsExactly(0, 1, 2, 3);
  }

  @Test
  void read_auditsTheNoteWithText() {
    Summary s = summary("P-1", "Text.");

    SummaryView v = review.read(REVIEWER, s.getId());

    assertThat(v.noteText()).isEqualTo("Note of P-1.");
    assertThat(app.audit.events(AuditLog.NOTE_READ))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entityType()).isEqualTo("note");
              assertThat(e.entityId()).isEqualTo(s.getNote().getId());
              assertThat(e.detail()).isEqualTo("review of summary " + s.getId());
            });
  }

  @Test
  void readForNote_noteWithoutSummary_notFound() {
    long noteId = app.notes.add("P-1", "No summary yet.").getId();
    assertThatThrownBy(() -> review.readForNote(REVIEWER, noteId))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void readForNote_noteWithSummary_thatSummary() {
    Summary s = summary("P-1", "Text.");
    assertThat(review.readForNote(REVIEWER, s.getNote().getId()).id()).isEqualTo(s.getId());
  }

  @Test
  void list_byState_oldestFirstAndPaged() {
    Summary a = summary("P-1", "A.");
    app.clock.advance(Duration.ofMinutes(1));
    Summary b = summary("P-2", "B.");
    app.clock.advance(Duration.ofMinutes(1));
    Summary c = summary("P-3", "C.");
    review.approve(REVIEWER, b.getId(), 0, null);

    Page<SummaryView> queue =
        review.list("generated", null, null, null, null, null, new PageRequest(0, 1));

    assertThat(queue.total()).isEqualTo(2);
    assertThat(queue.items()).extracting(SummaryView::id).containsExactly(a.getId());
    assertThat(
            review.list("GENERATED", null, null, null, null, null, new PageRequest(1, 1)).items())
        .extracting(SummaryView::id)
        .containsExactly(c.getId());
  }

  @Test
  void list_byPatient_onlyTheirs() {
    summary("P-1", "A.");
    Summary b = summary("P-2", "B.");
    assertThat(review.list(null, "P-2", null, null, null, null, new PageRequest(0, 10)).items())
        .extracting(SummaryView::id)
        .containsExactly(b.getId());
  }

  @Test
  void list_unknownState_invalidInputListingTheStates() {
    assertThatThrownBy(
            () -> review.list("DONE", null, null, null, null, null, new PageRequest(0, 10)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().get(0).getValue())
                    .contains("GENERATED, APPROVED, EDITED, REJECTED"));
  }

  @Test
  void counts_everyStateListedZeroOrNot() {
    Summary a = summary("P-1", "A.");
    summary("P-2", "B.");
    review.reject(REVIEWER, a.getId(), 0, "bad");

    assertThat(review.counts())
        .containsExactly(
            Map.entry("GENERATED", 1L),
            Map.entry("APPROVED", 0L),
            Map.entry("EDITED", 0L),
            Map.entry("REJECTED", 1L));
  }

  @Test
  void models_countsByStateAndRougeOfKeptAgainstGenerated() {
    Summary a = summary("P-1", "Chest pain and fever.");
    Summary b = summary("P-2", "Cough.");
    summary("P-3", "Headache.");
    review.approve(REVIEWER, a.getId(), 0, null);
    review.edit(REVIEWER, b.getId(), 0, "Something else entirely.", null);

    List<ModelView> models = review.models();

    assertThat(models)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.modelVersion()).isEqualTo("v1");
              assertThat(m.summaries()).isEqualTo(3);
              assertThat(m.generated()).isEqualTo(1);
              assertThat(m.approved()).isEqualTo(1);
              assertThat(m.edited()).isEqualTo(1);
              assertThat(m.reviewed()).isEqualTo(2);
              // The approved text equals the generated one (ROUGE 1), the edit shares nothing (0).
              assertThat(m.rouge1()).isEqualTo(0.5);
            });
  }

  @Test
  void models_noReviews_noRouge() {
    summary("P-1", "A.");
    assertThat(review.models()).singleElement().satisfies(m -> assertThat(m.rouge1()).isNull());
  }

  @Test
  void history_unknownSummary_notFound() {
    assertThatThrownBy(() -> review.history(5)).isInstanceOf(NotFoundException.class);
  }
}

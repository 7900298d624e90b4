package io.clinsum.ee.domain.model.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.testing.Entities;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Review of one summary: transitions, the version read, the reviewer and the edited text. */
class SummaryTest {
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  private static Summary summary(ReviewState state, long version) {
    Summary s = Entities.instantiate(Summary.class);
    Entities.set(s, "id", 9L);
    Entities.set(s, "generatedText", "Chest pain; ECG normal.");
    Entities.set(
        s, "text", state == ReviewState.EDITED ? "Chest pain." : "Chest pain; ECG normal.");
    Entities.set(s, "state", state);
    Entities.set(s, "version", version);
    return s;
  }

  @Test
  void approve_generated_approvedWithReviewerAndRevision() {
    Summary s = summary(ReviewState.GENERATED, 0);
    SummaryRevision r = s.approve("rita", 0, "fine", AT);
    assertThat(s.getState()).isEqualTo(ReviewState.APPROVED);
    assertThat(s.getReviewer()).isEqualTo("rita");
    assertThat(s.getReviewedAt()).isEqualTo(AT);
    assertThat(s.getReviewComment()).isEqualTo("fine");
    assertThat(s.getText()).isEqualTo("Chest pain; ECG normal.");
    assertThat(r.getState()).isEqualTo(ReviewState.APPROVED);
    assertThat(r.getActor()).isEqualTo("rita");
    assertThat(r.getText()).isEqualTo(s.getText());
    assertThat(r.getAt()).isEqualTo(AT);
  }

  @Test
  void edit_generated_replacesTextKeepsGenerated() {
    Summary s = summary(ReviewState.GENERATED, 0);
    SummaryRevision r = s.edit("rita", 0, "Anterior STEMI.", "shorter", AT);
    assertThat(s.getState()).isEqualTo(ReviewState.EDITED);
    assertThat(s.getText()).isEqualTo("Anterior STEMI.");
    assertThat(s.getGeneratedText()).isEqualTo("Chest pain; ECG normal.");
    assertThat(r.getText()).isEqualTo("Anterior STEMI.");
    assertThat(r.getComment()).isEqualTo("shorter");
  }

  @Test
  void reject_generated_rejectedWithTheReasonAsComment() {
    Summary s = summary(ReviewState.GENERATED, 0);
    SummaryRevision r = s.reject("rita", 0, "misses the PCI", AT);
    assertThat(s.getState()).isEqualTo(ReviewState.REJECTED);
    assertThat(s.getReviewComment()).isEqualTo("misses the PCI");
    assertThat(r.getComment()).isEqualTo("misses the PCI");
  }

  @Test
  void review_everyReviewedState_canBeRevised() {
    for (ReviewState from :
        new ReviewState[] {ReviewState.APPROVED, ReviewState.EDITED, ReviewState.REJECTED}) {
      assertThat(summary(from, 3).approve("r", 3, null, AT).getState())
          .isEqualTo(ReviewState.APPROVED);
      assertThat(summary(from, 3).edit("r", 3, "New.", null, AT).getState())
          .isEqualTo(ReviewState.EDITED);
      assertThat(summary(from, 3).reject("r", 3, "bad", AT).getState())
          .isEqualTo(ReviewState.REJECTED);
    }
  }

  @Test
  void approve_editedSummary_keepsTheCorrection() {
    Summary s = summary(ReviewState.EDITED, 1);
    s.approve("rita", 1, null, AT);
    assertThat(s.getText()).isEqualTo("Chest pain.");
  }

  @Test
  void approve_staleVersion_refusedAndUnchanged() {
    Summary s = summary(ReviewState.GENERATED, 2);
    assertThatThrownBy(() -> s.approve("rita", 1, null, AT))
        .isInstanceOfSatisfying(
            StaleSummaryException.class,
            e -> {
              assertThat(e.summaryId()).isEqualTo(9);
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.currentVersion()).isEqualTo(2);
            })
        .hasMessageContaining("read it again");
    assertThat(s.getState()).isEqualTo(ReviewState.GENERATED);
    assertThat(s.getReviewer()).isNull();
  }

  @Test
  void edit_staleVersionAndEmptyText_versionCheckedFirst() {
    Summary s = summary(ReviewState.GENERATED, 1);
    assertThatThrownBy(() -> s.edit("rita", 0, " ", null, AT))
        .isInstanceOf(StaleSummaryException.class);
  }

  @Test
  void reject_staleVersion_refused() {
    Summary s = summary(ReviewState.APPROVED, 4);
    assertThatThrownBy(() -> s.reject("rita", 3, "bad", AT))
        .isInstanceOf(StaleSummaryException.class);
    assertThat(s.getState()).isEqualTo(ReviewState.APPROVED);
  }

  @Test
  void edit_emptyText_refusedNamingTheField() {
    Summary s = summary(ReviewState.GENERATED, 0);
    assertThatThrownBy(() -> s.edit("rita", 0, "  ", null, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text: an edited summary cannot be empty");
    assertThatThrownBy(() -> s.edit("rita", 0, null, null, AT)).hasMessageStartingWith("text:");
    assertThat(s.getState()).isEqualTo(ReviewState.GENERATED);
  }

  @Test
  void edit_textOverTheLimit_refused() {
    Summary s = summary(ReviewState.GENERATED, 0);
    String tooLong = "x".repeat(Summary.MAX_TEXT_CHARS + 1);
    assertThatThrownBy(() -> s.edit("rita", 0, tooLong, null, AT))
        .hasMessage("text: has 20001 characters; the limit is 20000");
    assertThat(s.edit("rita", 0, "x".repeat(Summary.MAX_TEXT_CHARS), null, AT)).isNotNull();
  }

  @Test
  void reject_withoutReason_refused() {
    Summary s = summary(ReviewState.GENERATED, 0);
    assertThatThrownBy(() -> s.reject("rita", 0, "", AT))
        .hasMessage("reason: say why the summary is rejected");
    assertThatThrownBy(() -> s.reject("rita", 0, null, AT)).hasMessageStartingWith("reason:");
  }

  @Test
  void approve_withoutReviewer_refused() {
    Summary s = summary(ReviewState.GENERATED, 0);
    assertThatThrownBy(() -> s.approve(" ", 0, null, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reviewer:");
    assertThat(s.getState()).isEqualTo(ReviewState.GENERATED);
  }

  @Test
  void approve_withoutTime_refused() {
    Summary s = summary(ReviewState.GENERATED, 0);
    assertThatThrownBy(() -> s.approve("rita", 0, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(s.getState()).isEqualTo(ReviewState.GENERATED);
  }
}

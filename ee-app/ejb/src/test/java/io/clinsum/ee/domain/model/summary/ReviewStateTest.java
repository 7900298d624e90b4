package io.clinsum.ee.domain.model.summary;

import static io.clinsum.ee.domain.model.summary.ReviewState.APPROVED;
import static io.clinsum.ee.domain.model.summary.ReviewState.EDITED;
import static io.clinsum.ee.domain.model.summary.ReviewState.GENERATED;
import static io.clinsum.ee.domain.model.summary.ReviewState.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Review, pair by pair: every state can be reviewed (again); nothing returns to GENERATED. */
class ReviewStateTest {
  @Test
  void canBecome_everyPair_onlyReviewedTargets() {
    for (ReviewState from : ReviewState.values()) {
      for (ReviewState to : ReviewState.values()) {
        assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(to != GENERATED);
      }
    }
  }

  @Test
  void requireCanBecome_backToGenerated_refusedFromEveryState() {
    for (ReviewState from : ReviewState.values()) {
      assertThatThrownBy(() -> from.requireCanBecome(GENERATED))
          .isInstanceOfSatisfying(
              IllegalReviewTransitionException.class,
              e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(GENERATED);
              })
          .hasMessageContaining("A " + from + " summary cannot become GENERATED");
    }
  }

  @Test
  void requireCanBecome_reviewedTargets_allowedFromEveryState() {
    for (ReviewState from : ReviewState.values()) {
      for (ReviewState to : new ReviewState[] {APPROVED, EDITED, REJECTED}) {
        from.requireCanBecome(to);
      }
    }
  }

  @Test
  void isReviewed_everyStateButGenerated() {
    assertThat(GENERATED.isReviewed()).isFalse();
    assertThat(APPROVED.isReviewed()).isTrue();
    assertThat(EDITED.isReviewed()).isTrue();
    assertThat(REJECTED.isReviewed()).isTrue();
  }
}

package io.clinsum.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small cases are the examples of scikit-learn's {@code adjusted_rand_score} documentation; the
 * larger one is worked by hand from the contingency table.
 */
class GroupingEvaluatorTest {
  private static List<String> l(String... labels) {
    return List.of(labels);
  }

  @Test
  void evaluate_identicalPartitionsUnderOtherNames_ariOneAndPurityOne() {
    GroupingEvaluator.Scores s =
        GroupingEvaluator.evaluate(l("a", "a", "b", "b"), l("x", "x", "y", "y"));
    assertThat(s.adjustedRandIndex()).isEqualTo(1.0);
    assertThat(s.purity()).isEqualTo(1.0);
    assertThat(s.groups()).isEqualTo(2);
    assertThat(s.classes()).isEqualTo(2);
  }

  @Test
  void evaluate_oneClassSplit_matchesScikitLearn() {
    // adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]): 0.57 (4/7)
    GroupingEvaluator.Scores s =
        GroupingEvaluator.evaluate(l("0", "0", "1", "2"), l("0", "0", "1", "1"));
    assertThat(s.adjustedRandIndex()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(s.purity()).isEqualTo(1.0);
  }

  @Test
  void evaluate_crossedPartitions_negativeLikeScikitLearn() {
    // adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]): -0.5
    GroupingEvaluator.Scores s =
        GroupingEvaluator.evaluate(l("0", "1", "0", "1"), l("0", "0", "1", "1"));
    assertThat(s.adjustedRandIndex()).isCloseTo(-0.5, within(1e-12));
    assertThat(s.purity()).isEqualTo(0.5);
  }

  @Test
  void evaluate_allSingletonsAgainstOneClass_zeroLikeScikitLearn() {
    // adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3]): 0.0
    GroupingEvaluator.Scores s =
        GroupingEvaluator.evaluate(l("0", "1", "2", "3"), l("0", "0", "0", "0"));
    assertThat(s.adjustedRandIndex()).isCloseTo(0.0, within(1e-12));
    assertThat(s.purity()).isEqualTo(1.0); // singletons are trivially pure: why ARI matters
  }

  @Test
  void evaluate_largerExample_matchesScikitLearn() {
    // Pairs together in both: 5; in the groups: 10; in the classes: 9; of 36 pairs.
    // ARI = (5 - 10 * 9 / 36) / ((10 + 9) / 2 - 10 * 9 / 36) = 2.5 / 7
    GroupingEvaluator.Scores s =
        GroupingEvaluator.evaluate(
            l("0", "0", "1", "1", "1", "2", "2", "2", "2"),
            l("0", "0", "0", "1", "1", "1", "2", "2", "2"));
    assertThat(s.adjustedRandIndex()).isCloseTo(2.5 / 7, within(1e-12));
    assertThat(s.purity()).isCloseTo(7.0 / 9, within(1e-12));
  }

  @Test
  void evaluate_badInput_saysWhat() {
    assertThatThrownBy(() -> GroupingEvaluator.evaluate(l("a"), l("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 items but reference has 2");
    assertThatThrownBy(() -> GroupingEvaluator.evaluate(l(), l())).hasMessageContaining("no items");
  }
}

package io.clinsum.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.deid.Deidentifier;
import io.clinsum.core.deid.PhiCategory;
import io.clinsum.synthetic.LabelledNote;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the recall and precision floors of the built-in deidentifier on a fixed seed of synthetic
 * notes with labelled PHI (the goal: recall at least 0.98 on names, dates, ids and contact
 * details, precision at least 0.90, clinical terms never masked). Not timing.
 */
class DeidBenchmarkTest {
  private static DeidBenchmark.Score score;

  @BeforeAll
  static void scoreOnce() {
    List<LabelledNote> notes =
        SyntheticNoteGenerator.builder().seed(7).phi(true).build().generateLabelled(1_000);
    score = DeidBenchmark.score(Deidentifier.builder().build(), notes);
  }

  @Test
  void recall_namesDatesIdsAndContactDetails_atLeast098() {
    for (PhiCategory c :
        EnumSet.of(
            PhiCategory.NAME,
            PhiCategory.DATE,
            PhiCategory.MRN,
            PhiCategory.SSN,
            PhiCategory.ACCOUNT,
            PhiCategory.HEALTH_PLAN,
            PhiCategory.PHONE,
            PhiCategory.FAX,
            PhiCategory.EMAIL,
            PhiCategory.ADDRESS,
            PhiCategory.ZIP,
            PhiCategory.URL,
            PhiCategory.IP)) {
      assertThat(score.of(c).gold).as("%s gold spans", c).isPositive();
      assertThat(score.of(c).recall()).as("%s recall", c).isGreaterThanOrEqualTo(0.98);
    }
  }

  @Test
  void recall_everyOtherCategory_atLeast095() {
    for (PhiCategory c :
        EnumSet.of(
            PhiCategory.LOCATION,
            PhiCategory.FACILITY,
            PhiCategory.AGE,
            PhiCategory.LICENSE,
            PhiCategory.VEHICLE,
            PhiCategory.DEVICE,
            PhiCategory.OTHER_ID)) {
      assertThat(score.of(c).recall()).as("%s recall", c).isGreaterThanOrEqualTo(0.95);
    }
    assertThat(score.total().recall()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void precision_overall_atLeast095_andEachCategoryAtLeast090() {
    assertThat(score.total().precision()).isGreaterThanOrEqualTo(0.95);
    score.byCategory.forEach(
        (c, counts) -> {
          if (counts.predicted > 0) {
            assertThat(counts.precision()).as("%s precision", c).isGreaterThanOrEqualTo(0.90);
          }
        });
  }

  @Test
  void clinicalTerms_allKept() {
    assertThat(score.clinicalTerms).isGreaterThan(1_000);
    assertThat(score.clinicalKeptShare()).isGreaterThanOrEqualTo(0.999);
  }
}

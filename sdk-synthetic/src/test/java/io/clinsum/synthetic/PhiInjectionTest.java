package io.clinsum.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.deid.PhiCategory;
import io.clinsum.core.deid.PhiSpan;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhiInjectionTest {
  @Test
  void phiOff_recordsUnchangedAndNoSpans() {
    SyntheticNoteGenerator plain = SyntheticNoteGenerator.builder().seed(3).build();
    SyntheticNoteGenerator off = SyntheticNoteGenerator.builder().seed(3).phi(false).build();
    List<LabelledNote> labelled = off.generateLabelled(50);

    assertThat(labelled).extracting(LabelledNote::record).isEqualTo(plain.generate(50));
    assertThat(labelled).allSatisfy(n -> assertThat(n.phi()).isEmpty());
  }

  @Test
  void phiOn_sameClinicalContentAndSummaries_plusPhi() {
    List<LabelledNote> with =
        SyntheticNoteGenerator.builder().seed(3).phi(true).build().generateLabelled(50);
    List<io.clinsum.core.dataset.DatasetRecord> without =
        SyntheticNoteGenerator.builder().seed(3).build().generate(50);

    for (int i = 0; i < 50; i++) {
      LabelledNote n = with.get(i);
      assertThat(n.record().summary()).isEqualTo(without.get(i).summary());
      assertThat(n.record().id()).isEqualTo(without.get(i).id());
      assertThat(n.phi()).isNotEmpty();
      assertThat(n.record().note().length()).isGreaterThan(without.get(i).note().length());
    }
  }

  @Test
  void phiOn_spansPointIntoTheNoteAreOrderedAndCoverEveryTextCategory() {
    List<LabelledNote> notes =
        SyntheticNoteGenerator.builder().seed(11).phi(true).build().generateLabelled(2_000);
    Set<PhiCategory> seen = EnumSet.noneOf(PhiCategory.class);
    for (LabelledNote n : notes) {
      String text = n.record().note();
      int last = 0;
      for (PhiSpan s : n.phi()) {
        assertThat(s.end()).isLessThanOrEqualTo(text.length());
        assertThat(s.start()).isGreaterThanOrEqualTo(last);
        assertThat(text.substring(s.start(), s.end())).isNotBlank();
        assertThat(s.rule()).isEqualTo("gold");
        last = s.end();
        seen.add(s.category());
      }
    }
    assertThat(seen)
        .containsAll(EnumSet.complementOf(EnumSet.of(PhiCategory.BIOMETRIC, PhiCategory.PHOTO)));
  }

  @Test
  void phiOn_sameSeedSameNotes() {
    assertThat(SyntheticNoteGenerator.builder().seed(5).phi(true).build().generateLabelled(100))
        .isEqualTo(
            SyntheticNoteGenerator.builder().seed(5).phi(true).build().generateLabelled(100));
  }
}

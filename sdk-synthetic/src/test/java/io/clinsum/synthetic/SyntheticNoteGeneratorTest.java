package io.clinsum.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.dataset.DatasetRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticNoteGeneratorTest {
  /** Words the summary templates themselves add, so they need not appear in the note. */
  private static final Set<String> CONNECTIVES = Set.of("and", "with", "treated", "the", "for");

  private static final Set<String> NOTE_TYPES =
      Set.of(
          "nursing note",
          "caregiver note",
          "ED triage note",
          "obstetric triage note",
          "progress note",
          "handoff note (SBAR)",
          "discharge note");

  private static List<DatasetRecord> generate(long seed, int count) {
    return SyntheticNoteGenerator.builder().seed(seed).build().generate(count);
  }

  @Test
  void generate_sameSeed_sameRecords() {
    assertThat(generate(42, 500)).isEqualTo(generate(42, 500));
  }

  @Test
  void generate_differentSeed_differentRecords() {
    List<String> a = generate(42, 200).stream().map(DatasetRecord::note).toList();
    List<String> b = generate(43, 200).stream().map(DatasetRecord::note).toList();

    assertThat(a).isNotEqualTo(b);
    assertThat(a.stream().filter(b::contains).count()).isLessThan(5);
  }

  @Test
  void stream_parallel_sameRecordsAsGenerate() {
    List<DatasetRecord> parallel =
        SyntheticNoteGenerator.builder().seed(7).build().stream(2_000).parallel().toList();

    assertThat(parallel).isEqualTo(generate(7, 2_000));
  }

  @Test
  void next_afterStream_continuesAfterStreamedRecords() {
    SyntheticNoteGenerator generator = SyntheticNoteGenerator.builder().seed(3).build();
    generator.stream(10);

    assertThat(generator.next()).isEqualTo(generate(3, 11).get(10));
    assertThat(generator.position()).isEqualTo(11);
  }

  @Test
  void generate_anySeed_idsNameSeedAndIndex() {
    List<DatasetRecord> records = generate(42, 3);

    assertThat(records)
        .extracting(DatasetRecord::id)
        .containsExactly("synth-42-0", "synth-42-1", "synth-42-2");
  }

  @Test
  void generate_otherDefaultLocale_sameRecords() {
    List<DatasetRecord> expected = generate(5, 1_000);
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(generate(5, 1_000)).isEqualTo(expected);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void catalogue_always_atLeast40ScenariosAcross10Specialties() {
    assertThat(SyntheticNoteGenerator.scenarioNames()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(SyntheticNoteGenerator.specialties()).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void generate_5000Records_reachEveryScenarioAndSpecialty() {
    List<DatasetRecord> records = generate(1, 5_000);

    assertThat(records.stream().map(r -> r.metadata().get("scenario")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(SyntheticNoteGenerator.scenarioNames());
    assertThat(records.stream().map(r -> r.metadata().get("specialty")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(SyntheticNoteGenerator.specialties());
  }

  @Test
  void generate_anyRecord_hasNoteSummaryAndMetadata() {
    for (DatasetRecord record : generate(2, 5_000)) {
      assertThat(record.note()).isNotBlank();
      assertThat(record.summary()).isNotBlank().endsWith(".");
      assertThat(record.metadata())
          .containsOnlyKeys("specialty", "scenario", "note_type", "author_role", "age", "sex");
      assertThat(record.metadata().get("note_type")).isIn(NOTE_TYPES);
      assertThat(record.metadata().get("sex")).isIn("female", "male");
      assertThat(Integer.parseInt(record.metadata().get("age"))).isBetween(0, 100);
    }
  }

  @Test
  void generate_obstetricAndPaediatricScenarios_ageAndSexFitTheScenario() {
    SyntheticNoteGenerator generator =
        SyntheticNoteGenerator.builder()
            .seed(4)
            .specialties(Set.of("obstetrics", "paediatrics"))
            .build();

    for (DatasetRecord record : generator.generate(2_000)) {
      int age = Integer.parseInt(record.metadata().get("age"));
      if (record.metadata().get("specialty").equals("obstetrics")) {
        assertThat(record.metadata().get("sex")).isEqualTo("female");
        assertThat(age).isBetween(18, 42);
      } else {
        assertThat(age).isLessThan(16);
      }
    }
  }

  @Test
  void generate_anyRecord_summaryMuchShorterThanNote() {
    List<DatasetRecord> records = generate(6, 5_000);
    double totalRatio = 0;
    for (DatasetRecord record : records) {
      double ratio = (double) record.summary().length() / record.note().length();
      assertThat(ratio).as(record.id()).isLessThan(0.6);
      totalRatio += ratio;
      if (record.instruction() == null) {
        assertThat(record.summary().split(" ")).as(record.summary()).hasSizeBetween(3, 15);
      } else {
        assertThat(record.summary().split(" ")).as(record.summary()).hasSizeBetween(1, 15);
      }
    }
    assertThat(totalRatio / records.size()).isLessThan(0.2);
  }

  @Test
  void generate_noTypos_everySummaryWordAppearsInItsNote() {
    SyntheticNoteGenerator generator =
        SyntheticNoteGenerator.builder().seed(8).typoRate(0).instructionRate(0.5).build();

    for (DatasetRecord record : generator.generate(5_000)) {
      String note = record.note().toLowerCase(Locale.ROOT);
      List<String> missing = new ArrayList<>();
      for (String word : record.summary().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if (word.length() > 2 && !CONNECTIVES.contains(word) && !note.contains(word)) {
          missing.add(word);
        }
      }
      assertThat(missing)
          .as("%s%n%s%n=> %s", record.id(), record.note(), record.summary())
          .isEmpty();
    }
  }

  @Test
  void generate_instructionRate_instructionsAtAboutThatRate() {
    List<DatasetRecord> records =
        SyntheticNoteGenerator.builder().seed(9).instructionRate(0.3).build().generate(5_000);

    long withInstruction = records.stream().filter(r -> r.instruction() != null).count();

    assertThat(withInstruction).isBetween(1_350L, 1_650L);
  }

  @Test
  void generate_instructionRateZeroOrOne_noneOrAllHaveInstructions() {
    assertThat(SyntheticNoteGenerator.builder().instructionRate(0).build().generate(500))
        .allMatch(r -> r.instruction() == null);
    assertThat(SyntheticNoteGenerator.builder().instructionRate(1).build().generate(500))
        .allMatch(r -> r.instruction() != null);
  }

  @Test
  void generate_seedStemiScenario_summaryMentionsChestPainMiOrPci() {
    SyntheticNoteGenerator generator =
        SyntheticNoteGenerator.builder()
            .seed(10)
            .instructionRate(0)
            .specialties(Set.of("cardiology"))
            .build();
    List<String> summaries =
        generator.generate(3_000).stream()
            .filter(r -> r.metadata().get("scenario").equals("anterior-stemi"))
            .map(DatasetRecord::summary)
            .toList();

    assertThat(summaries).hasSizeGreaterThan(100);
    assertThat(summaries)
        .allSatisfy(
            s -> assertThat(s).containsAnyOf("Chest pain", "chest pain", "MI", "PCI", "cath"));
    assertThat(summaries).anySatisfy(s -> assertThat(s).startsWith("Chest pain").contains("PCI"));
  }

  @Test
  void generate_symptomInstruction_summaryListsSymptomsOnly() {
    SyntheticNoteGenerator generator =
        SyntheticNoteGenerator.builder()
            .seed(11)
            .instructionRate(1)
            .specialties(Set.of("cardiology"))
            .build();
    List<DatasetRecord> stemiSymptoms =
        generator.generate(5_000).stream()
            .filter(r -> r.metadata().get("scenario").equals("anterior-stemi"))
            .filter(r -> r.instruction().toLowerCase(Locale.ROOT).contains("symptoms"))
            .toList();

    assertThat(stemiSymptoms).isNotEmpty();
    assertThat(stemiSymptoms)
        .allSatisfy(
            r -> assertThat(r.summary()).containsAnyOf("chest", "Chest").doesNotContain("PCI"));
  }

  @Test
  void generate_manyNotes_someStateNegations() {
    List<DatasetRecord> records = generate(12, 2_000);

    long negated =
        records.stream()
            .map(r -> r.note().toLowerCase(Locale.ROOT))
            .filter(n -> n.contains("denies") || n.contains("no ") || n.contains("afebrile"))
            .count();

    assertThat(negated).isGreaterThan(records.size() / 2);
  }

  @Test
  void generate_5000Notes_noTemplateLeftovers() {
    for (DatasetRecord record : generate(13, 5_000)) {
      for (String text : List.of(record.note(), record.summary())) {
        assertThat(text)
            .as(record.id())
            .doesNotContain("null", "{", "}", "  ", " .", "..", " ,")
            .doesNotStartWith(" ")
            .doesNotEndWith(" ");
      }
    }
  }

  @Test
  void generate_typoRate_changesOnlyNotes() {
    List<DatasetRecord> clean =
        SyntheticNoteGenerator.builder().seed(14).typoRate(0).build().generate(1_000);
    List<DatasetRecord> typos =
        SyntheticNoteGenerator.builder().seed(14).typoRate(0.05).build().generate(1_000);

    int changed = 0;
    for (int i = 0; i < clean.size(); i++) {
      assertThat(typos.get(i).summary()).isEqualTo(clean.get(i).summary());
      assertThat(typos.get(i).instruction()).isEqualTo(clean.get(i).instruction());
      assertThat(typos.get(i).metadata()).isEqualTo(clean.get(i).metadata());
      changed += typos.get(i).note().equals(clean.get(i).note()) ? 0 : 1;
    }
    assertThat(changed).isGreaterThan(clean.size() / 2);
  }

  @Test
  void generate_someSpecialties_onlyThoseSpecialties() {
    Set<String> wanted = Set.of("neurology", "psychiatry");

    List<DatasetRecord> records =
        SyntheticNoteGenerator.builder().specialties(wanted).build().generate(500);

    assertThat(records).allMatch(r -> wanted.contains(r.metadata().get("specialty")));
  }

  @Test
  void generate_manyRecords_useEveryNoteStyleAndManyAuthors() {
    List<DatasetRecord> records = generate(15, 3_000);

    Set<String> types = new HashSet<>();
    Set<String> roles = new HashSet<>();
    records.forEach(r -> types.add(r.metadata().get("note_type")));
    records.forEach(r -> roles.add(r.metadata().get("author_role")));

    assertThat(types).containsAll(NOTE_TYPES);
    assertThat(roles).contains("registered nurse", "parent", "home care aide", "midwife");
  }

  @Test
  void build_unknownSpecialty_throwsConfigurationExceptionListingKnownOnes() {
    SyntheticNoteGenerator.Builder builder =
        SyntheticNoteGenerator.builder().specialties(Set.of("astrology"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("astrology")
        .hasMessageContaining("cardiology");
  }

  @Test
  void build_emptySpecialties_throwsConfigurationException() {
    SyntheticNoteGenerator.Builder builder = SyntheticNoteGenerator.builder().specialties(Set.of());

    assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void build_rateOutsideZeroToOne_throwsConfigurationException() {
    assertThatThrownBy(() -> SyntheticNoteGenerator.builder().instructionRate(1.5).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("instructionRate");
    assertThatThrownBy(() -> SyntheticNoteGenerator.builder().typoRate(Double.NaN).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("typoRate");
  }

  @Test
  void stream_negativeCount_throwsIllegalArgumentException() {
    SyntheticNoteGenerator generator = SyntheticNoteGenerator.builder().build();

    assertThatThrownBy(() -> generator.stream(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}

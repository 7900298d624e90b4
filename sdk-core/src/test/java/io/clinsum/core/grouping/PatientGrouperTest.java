package io.clinsum.core.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ProgressListener;
import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetOptions;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PatientGrouperTest {
  /**
   * Synthetic notes from three specialties (cardiology, orthopaedics, obstetrics), one note per
   * patient, with their {@code specialty}: the first 150 records of sdk-synthetic's generator with
   * seed 7, typo rate 0 and those specialties, committed because sdk-core cannot depend on it.
   */
  private static final String PATIENTS = "/grouping/synthetic-patients.csv";

  private static List<DatasetRecord> records(int count) {
    try (DatasetReader reader =
        DatasetReader.open(
            PatientGrouperTest.class.getResourceAsStream(PATIENTS),
            DatasetFormat.CSV,
            DatasetOptions.defaults(),
            PATIENTS)) {
      List<DatasetRecord> all = reader.readAll();
      assertThat(all).as(PATIENTS).hasSizeGreaterThanOrEqualTo(count);
      return all.subList(0, count);
    }
  }

  private static List<PatientTexts> patients(List<DatasetRecord> records) {
    return records.stream().map(r -> PatientTexts.of(r.id(), r.note())).toList();
  }

  @Test
  void groupsSyntheticPatientsByTheirSpecialty() {
    List<DatasetRecord> records = records(150);
    List<PatientTexts> patients = patients(records);
    try (TfIdfEmbedder tfidf =
        TfIdfEmbedder.fit(records.stream().map(DatasetRecord::note).toList(), 4096)) {
      Grouping g =
          new PatientGrouper(tfidf, GroupingOptions.builder().k(3).build())
              .group(patients, ProgressListener.NONE);
      GroupingEvaluator.Scores s =
          GroupingEvaluator.evaluate(
              g.labelsInOrder(), records.stream().map(r -> r.metadata().get("specialty")).toList());
      assertThat(s.purity()).isGreaterThan(0.8);
      assertThat(s.adjustedRandIndex()).isGreaterThan(0.5);
      assertThat(g.groups()).hasSize(3);
      assertThat(g.groups()).extracting(PatientGroup::size).isSortedAccordingTo((a, b) -> b - a);
      assertThat(g.groups().stream().mapToInt(PatientGroup::size).sum()).isEqualTo(150);
      assertThat(g.members())
          .extracting(Membership::patientId)
          .containsExactlyElementsOf(patients.stream().map(PatientTexts::patientId).toList());
      assertThat(g.silhouette()).isBetween(-1.0, 1.0);
      assertThat(g.algorithm()).isEqualTo("k-means");
      assertThat(g.parameters()).containsEntry("k", "3").containsEntry("seed", "42");
      for (PatientGroup group : g.groups()) {
        assertThat(group.terms()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(group.label()).isEqualTo(String.join(", ", group.terms()));
        assertThat(group.cohesion()).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void isDeterministicForASeed() {
    List<PatientTexts> patients = patients(records(60));
    try (TfIdfEmbedder tfidf =
        TfIdfEmbedder.fit(patients.stream().map(p -> p.texts().get(0)).toList(), 2048)) {
      PatientGrouper grouper = new PatientGrouper(tfidf, GroupingOptions.defaults());
      Grouping a = grouper.group(patients, ProgressListener.NONE);
      Grouping b = grouper.group(patients, ProgressListener.NONE);
      assertThat(a.labelsInOrder()).isEqualTo(b.labelsInOrder());
      assertThat(a.groups()).isEqualTo(b.groups());
    }
  }

  @Test
  void averagesAPatientsTextsAndEmbedsEachDistinctTextOnce() {
    CountingEmbedder embedder = new CountingEmbedder();
    List<PatientTexts> patients =
        List.of(
            new PatientTexts("p1", List.of("a", "a", "b")),
            new PatientTexts("p2", List.of("b")),
            new PatientTexts("p3", List.of("c")),
            new PatientTexts("p4", List.of("c", "a")));
    AtomicLong last = new AtomicLong();
    Grouping g =
        new PatientGrouper(embedder, GroupingOptions.builder().k(2).build())
            .group(patients, (done, total) -> last.set(done * 100 + total));
    assertThat(embedder.embedded).containsExactly("a", "b", "c");
    assertThat(last.get()).isEqualTo(4 * 100 + 4); // 3 texts + the grouping step
    assertThat(g.members()).hasSize(4);
  }

  @Test
  void hdbscanLeavesOutliersUngrouped() {
    List<PatientTexts> patients = new ArrayList<>(patients(records(90)));
    patients.add(PatientTexts.of("stray", "Zebra xylophone quartz juggling."));
    try (TfIdfEmbedder tfidf =
        TfIdfEmbedder.fit(patients.stream().map(p -> p.texts().get(0)).toList(), 4096)) {
      Grouping g =
          new PatientGrouper(
                  tfidf,
                  GroupingOptions.builder()
                      .algorithm(GroupingOptions.Algorithm.HDBSCAN)
                      .minClusterSize(5)
                      .build())
              .group(patients, ProgressListener.NONE);
      assertThat(g.algorithm()).isEqualTo("hdbscan");
      assertThat(g.members().get(90).groupId()).isEqualTo(Grouping.UNGROUPED);
      assertThat(g.labelsInOrder().get(90)).isEqualTo("ungrouped");
      assertThat(g.groups()).isNotEmpty();
    }
  }

  @Test
  void samplesAboveTheLimitAndSaysSo() {
    List<PatientTexts> patients = patients(records(120));
    try (TfIdfEmbedder tfidf =
        TfIdfEmbedder.fit(patients.stream().map(p -> p.texts().get(0)).toList(), 2048)) {
      Grouping g =
          new PatientGrouper(tfidf, GroupingOptions.builder().sampleLimit(50).kRange(2, 6).build())
              .group(patients, ProgressListener.NONE);
      assertThat(g.notes()).anyMatch(n -> n.contains("sample of 50 of 120"));
      assertThat(g.members()).hasSize(120);
    }
  }

  @Test
  void oneAndTwoPatientsAreGroupedWithoutFuss() {
    CountingEmbedder embedder = new CountingEmbedder();
    Grouping one =
        new PatientGrouper(embedder, GroupingOptions.defaults())
            .group(List.of(PatientTexts.of("p1", "a")), ProgressListener.NONE);
    assertThat(one.groups()).hasSize(1);
    Grouping two =
        new PatientGrouper(embedder, GroupingOptions.defaults())
            .group(
                List.of(PatientTexts.of("p1", "a"), PatientTexts.of("p2", "c")),
                ProgressListener.NONE);
    assertThat(two.members()).hasSize(2);
  }

  @Test
  void refusesBadInputWithTheReason() {
    PatientGrouper grouper = new PatientGrouper(new CountingEmbedder(), GroupingOptions.defaults());
    assertThatThrownBy(() -> grouper.group(List.of(), ProgressListener.NONE))
        .hasMessageContaining("no patients");
    assertThatThrownBy(
            () ->
                grouper.group(
                    List.of(PatientTexts.of("p1", "a"), PatientTexts.of("p1", "b")),
                    ProgressListener.NONE))
        .hasMessageContaining("p1 appears twice (items 0 and 1)");
    assertThatThrownBy(() -> new PatientTexts("p9", List.of()))
        .hasMessageContaining("patient p9 has no text");
    assertThatThrownBy(() -> GroupingOptions.builder().kRange(5, 3))
        .hasMessageContaining("maximum k 3 is below minimum k 5");
    assertThatThrownBy(() -> GroupingOptions.builder().minClusterSize(1))
        .hasMessageContaining("minimum cluster size must be at least 2, was 1");
  }

  /** Fixed unit vectors for "a", "b", "c" (a and b close, c apart), counting what it embeds. */
  private static final class CountingEmbedder implements Embedder {
    final List<String> embedded = new ArrayList<>();

    @Override
    public EmbedderInfo info() {
      return new EmbedderInfo("fixed", "1", 2);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, ProgressListener progress) {
      List<float[]> out = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        String t = texts.get(i);
        embedded.add(t);
        out.add(
            switch (t) {
              case "a" -> new float[] {1, 0};
              case "b" -> new float[] {0.99f, 0.141f};
              default -> new float[] {0, 1};
            });
        progress.onProgress(i + 1, texts.size());
      }
      return out;
    }

    @Override
    public void close() {}
  }
}

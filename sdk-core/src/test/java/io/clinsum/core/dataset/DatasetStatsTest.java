package io.clinsum.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetStatsTest {
  @Test
  void of_records_countsLengthsAndMetadataValues() {
    List<DatasetRecord> records =
        List.of(
            new DatasetRecord(
                "1", "one two three four", "one", null, Map.of("specialty", "Cardio")),
            new DatasetRecord(
                "2", "one two", "one two", "Summarize.", Map.of("specialty", "Cardio")),
            new DatasetRecord("3", "a b c d e f", null, null, Map.of("specialty", "Neuro")));

    DatasetStats stats = DatasetStats.of(records.iterator());

    assertThat(stats.rows()).isEqualTo(3);
    assertThat(stats.withSummary()).isEqualTo(2);
    assertThat(stats.withInstruction()).isEqualTo(1);
    assertThat(stats.noteWords().min()).isEqualTo(2);
    assertThat(stats.noteWords().median()).isEqualTo(4);
    assertThat(stats.noteWords().max()).isEqualTo(6);
    assertThat(stats.summaryWords().mean()).isEqualTo(1.5);
    assertThat(stats.compressionRatio()).isEqualTo(1.5 / 4.0);
    assertThat(stats.metadataValues().get("specialty"))
        .containsExactly(Map.entry("Cardio", 2L), Map.entry("Neuro", 1L));
    assertThat(stats.toText()).contains("rows: 3");
  }
}

package io.clinsum.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.dataset.DatasetSplitter.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSplitterTest {
  @TempDir Path dir;

  private static List<DatasetRecord> records(int n) {
    List<DatasetRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(DatasetRecord.of("r" + i, "note number " + i, "s" + i));
    }
    return out;
  }

  @Test
  void assign_sameSeed_givesTheSamePartWhateverTheOrder() {
    DatasetSplitter a = DatasetSplitter.builder().seed(1).build();
    List<DatasetRecord> shuffled = records(500);
    Collections.shuffle(shuffled, new java.util.Random(3));

    for (DatasetRecord r : shuffled) {
      assertThat(DatasetSplitter.builder().seed(1).build().assign(r)).isEqualTo(a.assign(r));
    }
  }

  @Test
  void assign_differentSeed_givesADifferentSplit() {
    DatasetSplitter a = DatasetSplitter.builder().seed(1).build();
    DatasetSplitter b = DatasetSplitter.builder().seed(2).build();

    assertThat(records(200)).anyMatch(r -> a.assign(r) != b.assign(r));
  }

  @Test
  void assign_tenThousandRecords_followsTheFractions() {
    DatasetSplitter s = DatasetSplitter.builder().validation(0.1).test(0.2).build();
    long test = records(10_000).stream().filter(r -> s.assign(r) == Part.TEST).count();
    long validation = records(10_000).stream().filter(r -> s.assign(r) == Part.VALIDATION).count();

    assertThat(test).isBetween(1800L, 2200L);
    assertThat(validation).isBetween(850L, 1150L);
  }

  @Test
  void assign_duplicateNotes_landInTheSamePart() {
    DatasetSplitter s = DatasetSplitter.builder().build();
    DatasetRecord a = DatasetRecord.of("a", "same text", "x");
    DatasetRecord b = DatasetRecord.of("b", "same text", "y");

    assertThat(s.assign(a)).isEqualTo(s.assign(b));
  }

  @Test
  void split_file_writesThreeFilesThatAddUpToTheInput() throws Exception {
    Path input = dir.resolve("all.csv");
    try (DatasetWriter w = DatasetWriter.open(input, List.of("id", "note", "summary"))) {
      records(300).forEach(w::write);
    }

    Map<Part, Long> counts =
        DatasetSplitter.builder()
            .build()
            .split(input, DatasetOptions.defaults(), dir.resolve("out"));

    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
    for (Part p : Part.values()) {
      try (DatasetReader r =
          DatasetReader.open(
              dir.resolve("out/" + p.fileName() + ".csv"), DatasetOptions.defaults())) {
        assertThat((long) r.readAll().size()).isEqualTo(counts.get(p));
      }
    }
  }
}

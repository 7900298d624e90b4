package io.clinsum.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same data: today's output equals committed samples byte for byte. */
class GoldenSampleTest {
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "note",
          "summary",
          "instruction",
          "specialty",
          "scenario",
          "note_type",
          "author_role",
          "age",
          "sex");

  @Test
  void generate_seed42Defaults_matchesGoldenSample() throws IOException {
    SyntheticNoteGenerator generator = SyntheticNoteGenerator.builder().seed(42).build();

    assertThat(csv(generator, 50)).isEqualTo(golden("golden-seed42.csv"));
  }

  @Test
  void generate_seed12345AllInstructionsAndTypos_matchesGoldenSample() throws IOException {
    SyntheticNoteGenerator generator =
        SyntheticNoteGenerator.builder().seed(12345).instructionRate(1).typoRate(0.05).build();

    assertThat(csv(generator, 50)).isEqualTo(golden("golden-seed12345-instructions-typos.csv"));
  }

  private static String csv(SyntheticNoteGenerator generator, int count) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DatasetWriter out = DatasetWriter.open(bytes, DatasetFormat.CSV, COLUMNS, false)) {
      generator.stream(count).forEach(out::write);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenSampleTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

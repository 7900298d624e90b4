package io.clinsum.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {
  @TempDir Path dir;

  private static final DatasetRecord TRICKY =
      new DatasetRecord(
          "r1",
          "Line one, with comma\nline \"two\" 😀",
          "=SUM(A1) \"quoted\"",
          null,
          Map.of("specialty", "Cardiology"));

  @Test
  void csv_roundTrip_keepsEveryCharacter() {
    Path file = dir.resolve("out.csv");
    try (DatasetWriter w =
        DatasetWriter.open(file, List.of("id", "note", "summary", "specialty"))) {
      w.write(TRICKY);
    }
    try (DatasetReader r = DatasetReader.open(file, DatasetOptions.defaults())) {
      DatasetRecord back = r.next();
      assertThat(back.note()).isEqualTo(TRICKY.note());
      assertThat(back.summary()).isEqualTo(TRICKY.summary());
      assertThat(back.metadata()).containsEntry("specialty", "Cardiology");
    }
  }

  @Test
  void jsonl_roundTrip_keepsEveryCharacter() {
    Path file = dir.resolve("out.jsonl");
    try (DatasetWriter w = DatasetWriter.open(file, List.of("id", "note", "summary"))) {
      w.write(TRICKY);
      w.write(DatasetRecord.of("r2", "second", "s"));
    }
    try (DatasetReader r = DatasetReader.open(file, DatasetOptions.defaults())) {
      List<DatasetRecord> back = r.readAll();
      assertThat(back).extracting(DatasetRecord::note).containsExactly(TRICKY.note(), "second");
    }
  }

  @Test
  void csv_neutralizeFormulas_prefixesFormulaCellsWithAnApostrophe() throws Exception {
    Path file = dir.resolve("export.csv");
    try (DatasetWriter w =
        DatasetWriter.open(file, DatasetFormat.CSV, List.of("note", "summary"), true)) {
      w.writeRow(Map.of("note", "=cmd|' /C calc'!A0", "summary", "+1 -2 @x"));
    }
    assertThat(Files.readString(file)).isEqualTo("note,summary\n'=cmd|' /C calc'!A0,'+1 -2 @x\n");
  }

  @Test
  void abort_leavesAnEarlierFileUntouchedAndNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("keep.csv");
    Files.writeString(file, "note\nold\n");
    DatasetWriter w = DatasetWriter.open(file, List.of("note"));
    w.writeRow(Map.of("note", "new"));
    w.abort();

    assertThat(Files.readString(file)).isEqualTo("note\nold\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}

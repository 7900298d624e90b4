package io.clinsum.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidatorTest {
  @TempDir Path dir;

  @Test
  void validate_everyKindOfProblem_isReportedWithItsRow() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(
        ("id,note,summary\n"
                + "1,Chest pain.,MI.\n" // row 1 ok
                + "2,,x\n" // row 2 empty note
                + "3,   ,x\n" // row 3 blank note
                + "4,Chest pain.,MI.\n" // row 4 duplicate note of row 1
                + "1,Other note.,y\n" // row 5 duplicate id
                + "6,Fine note.,\n" // row 6 empty summary
                + "7,")
            .getBytes(StandardCharsets.UTF_8));
    b.writeBytes("x".repeat(200).getBytes(StandardCharsets.UTF_8)); // row 7 over-long
    b.writeBytes(",z\n8,bad ".getBytes(StandardCharsets.UTF_8));
    b.write(0xC3); // truncated UTF-8 sequence: row 8 bad encoding
    b.writeBytes(",z\n9,a,b,c\n".getBytes(StandardCharsets.UTF_8)); // row 9 malformed
    Path file = dir.resolve("d.csv");
    Files.write(file, b.toByteArray());

    ValidationReport report =
        DatasetValidator.builder()
            .maxNoteChars(100)
            .build()
            .validate(file, DatasetOptions.defaults());

    assertThat(report.rows()).isEqualTo(9);
    assertThat(report.validRows()).isEqualTo(1);
    assertThat(report.isValid()).isFalse();
    assertThat(report.issues())
        .extracting(DatasetIssue::row, DatasetIssue::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, Kind.EMPTY_NOTE),
            org.assertj.core.groups.Tuple.tuple(3L, Kind.EMPTY_NOTE),
            org.assertj.core.groups.Tuple.tuple(4L, Kind.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(5L, Kind.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(6L, Kind.EMPTY_SUMMARY),
            org.assertj.core.groups.Tuple.tuple(7L, Kind.OVER_LONG),
            org.assertj.core.groups.Tuple.tuple(8L, Kind.BAD_ENCODING),
            org.assertj.core.groups.Tuple.tuple(9L, Kind.MALFORMED_ROW));
    assertThat(report.issues().get(2).message()).contains("row 1");
    assertThat(report.toText()).contains("9 rows, 1 valid, 8 problem(s)");
  }

  @Test
  void validate_requireSummary_flagsRecordsWithout() throws Exception {
    Path file = dir.resolve("d.jsonl");
    Files.writeString(file, "{\"note\":\"a\"}\n{\"note\":\"b\",\"summary\":\"s\"}\n");

    ValidationReport report =
        DatasetValidator.builder()
            .requireSummary(true)
            .build()
            .validate(file, DatasetOptions.defaults());

    assertThat(report.counts()).containsEntry(Kind.MISSING_SUMMARY, 1L);
  }

  @Test
  void validate_headerOnly_reportsNoRows() throws Exception {
    Path file = dir.resolve("h.csv");
    Files.writeString(file, "note,summary\n");

    ValidationReport report =
        DatasetValidator.builder().build().validate(file, DatasetOptions.defaults());

    assertThat(report.isValid()).isFalse();
    assertThat(report.counts()).containsKey(Kind.NO_ROWS);
  }

  @Test
  void validate_unbalancedQuote_reportsItInsteadOfThrowing() throws Exception {
    Path file = dir.resolve("q.csv");
    Files.writeString(file, "note,summary\na,b\n\"open,c\n");

    ValidationReport report =
        DatasetValidator.builder().build().validate(file, DatasetOptions.defaults());

    assertThat(report.counts()).containsEntry(Kind.UNBALANCED_QUOTE, 1L);
    assertThat(report.issues().get(0).line()).isEqualTo(3);
  }
}

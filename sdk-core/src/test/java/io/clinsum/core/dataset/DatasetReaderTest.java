package io.clinsum.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetReaderTest {

  private static DatasetReader csv(String text, boolean lenient) {
    return csv(text.getBytes(StandardCharsets.UTF_8), lenient);
  }

  private static DatasetReader csv(byte[] bytes, boolean lenient) {
    return DatasetReader.open(
        new ByteArrayInputStream(bytes),
        DatasetFormat.CSV,
        DatasetOptions.builder().lenient(lenient).build(),
        "test.csv");
  }

  private static DatasetReader jsonl(String text, boolean lenient) {
    return DatasetReader.open(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        DatasetFormat.JSONL,
        DatasetOptions.builder().lenient(lenient).build(),
        "test.jsonl");
  }

  @Test
  void csv_seedColumns_readsNotesAndSummariesWithRowIds() {
    try (DatasetReader r = csv("note,summary\nChest pain.,\"Chest pain, MI, PCI.\"\n", false)) {
      List<DatasetRecord> rows = r.readAll();

      assertThat(rows)
          .singleElement()
          .satisfies(
              rec -> {
                assertThat(rec.id()).isEqualTo("row-1");
                assertThat(rec.note()).isEqualTo("Chest pain.");
                assertThat(rec.summary()).isEqualTo("Chest pain, MI, PCI.");
              });
    }
  }

  @Test
  void csv_quotedFieldsWithQuotesAndLineBreaks_areKeptVerbatim() {
    String text = "id,note,summary\n7,\"Line one\nline \"\"two\"\", done\",s\n8,plain,t\n";
    try (DatasetReader r = csv(text, false)) {
      List<DatasetRecord> rows = r.readAll();

      assertThat(rows)
          .extracting(DatasetRecord::note)
          .containsExactly("Line one\nline \"two\", done", "plain");
      assertThat(rows).extracting(DatasetRecord::id).containsExactly("7", "8");
    }
  }

  @Test
  void csv_crlfAndByteOrderMark_areHandled() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "note,summary\r\na,b\r\nc,d\r\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(bom);
    all.writeBytes(body);
    try (DatasetReader r = csv(all.toByteArray(), false)) {
      assertThat(r.readAll()).extracting(DatasetRecord::summary).containsExactly("b", "d");
    }
  }

  @Test
  void csv_headerOnly_hasNoRecords() {
    try (DatasetReader r = csv("note,summary\n", false)) {
      assertThat(r.hasNext()).isFalse();
      assertThat(r.rowsRead()).isZero();
    }
  }

  @Test
  void csv_emptyFile_failsSayingAHeaderIsNeeded() {
    assertThatThrownBy(() -> csv("", false))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("header");
  }

  @Test
  void csv_missingNoteColumn_failsNamingTheColumnsFound() {
    assertThatThrownBy(() -> csv("text,summary\na,b\n", false))
        .isInstanceOf(DatasetFormatException.class)
        .satisfies(
            e ->
                assertThat(((DatasetFormatException) e).issue().kind())
                    .isEqualTo(Kind.MISSING_COLUMN))
        .hasMessageContaining("'note'")
        .hasMessageContaining("text, summary");
  }

  @Test
  void csv_unbalancedQuote_failsNamingLineAndByteWhereTheQuoteOpens() {
    String text = "note,summary\nok,fine\n\"never closed,x\nmore\n";
    try (DatasetReader r = csv(text, true)) {
      assertThatThrownBy(r::readAll)
          .isInstanceOf(DatasetFormatException.class)
          .satisfies(
              e -> {
                DatasetIssue issue = ((DatasetFormatException) e).issue();
                assertThat(issue.kind()).isEqualTo(Kind.UNBALANCED_QUOTE);
                assertThat(issue.line()).isEqualTo(3);
                assertThat(issue.byteOffset()).isEqualTo(21);
                assertThat(issue.row()).isEqualTo(2);
              });
    }
  }

  @Test
  void csv_extraAndMissingFields_strict_failsWithRowAndCounts() {
    try (DatasetReader r = csv("note,summary\na,b,c\n", false)) {
      assertThatThrownBy(r::readAll)
          .isInstanceOf(DatasetFormatException.class)
          .hasMessageContaining("row 1 (line 2, byte 13)")
          .hasMessageContaining("3 fields but the header has 2");
    }
  }

  @Test
  void csv_badRows_lenient_skipsThemReportsThemAndKeepsTheRest() {
    String text = "note,summary\na,b,c\ngood,row\nshort\n\"x\"y,z\nlast,one\n";
    try (DatasetReader r = csv(text, true)) {
      List<DatasetRecord> rows = r.readAll();

      assertThat(rows).extracting(DatasetRecord::note).containsExactly("good", "last");
      assertThat(r.issues()).extracting(DatasetIssue::row).containsExactly(1L, 3L, 4L);
      assertThat(r.issues()).extracting(DatasetIssue::kind).containsOnly(Kind.MALFORMED_ROW);
      assertThat(r.issues().get(2).message()).contains("after a closing quote");
    }
  }

  @Test
  void csv_nonUtf8Bytes_strict_failsNamingTheByteOffset() {
    byte[] prefix = "note,summary\ncaf".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(prefix);
    b.write(0xE9); // Latin-1 'é', invalid as UTF-8 here
    b.writeBytes(",ok\n".getBytes(StandardCharsets.UTF_8));
    try (DatasetReader r = csv(b.toByteArray(), false)) {
      assertThatThrownBy(r::readAll)
          .isInstanceOf(DatasetFormatException.class)
          .hasMessageContaining("byte " + prefix.length)
          .hasMessageContaining("UTF-8");
    }
  }

  @Test
  void csv_nonUtf8Bytes_lenient_skipsOnlyThatRow() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("note,summary\nfirst,x\nbad ".getBytes(StandardCharsets.UTF_8));
    b.write(0xFF);
    b.writeBytes(",y\nthird,z\n".getBytes(StandardCharsets.UTF_8));
    try (DatasetReader r = csv(b.toByteArray(), true)) {
      assertThat(r.readAll()).extracting(DatasetRecord::note).containsExactly("first", "third");
      assertThat(r.issues())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.kind()).isEqualTo(Kind.BAD_ENCODING);
                assertThat(i.row()).isEqualTo(2);
                assertThat(i.byteOffset()).isEqualTo(25);
              });
    }
  }

  @Test
  void utf8_fourByteCharactersAndEmoji_decodeToSurrogatePairs() {
    try (DatasetReader r = csv("note,summary\n😀 pain \u200F\u200D,ok\n", false)) {
      assertThat(r.next().note()).isEqualTo("😀 pain \u200F\u200D");
    }
  }

  @Test
  void csv_tenMegabyteNote_isReadWhole() {
    String big = "x".repeat(10 * 1024 * 1024);
    try (DatasetReader r = csv("note,summary\n" + big + ",s\n", false)) {
      assertThat(r.next().note()).hasSize(big.length());
    }
  }

  @Test
  void jsonl_brokenLine_strict_failsNamingTheLine() {
    try (DatasetReader r = jsonl("{\"note\":\"a\"}\n{\"note\": oops}\n", false)) {
      assertThatThrownBy(r::readAll)
          .isInstanceOf(DatasetFormatException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("not valid JSON");
    }
  }

  @Test
  void jsonl_brokenLine_lenient_readsTheOtherLines() {
    String text =
        "{\"note\":\"a\",\"summary\":\"s\"}\n\n{\"note\": oops}\n[1,2]\n"
            + "{\"note\":{\"x\":1}}\n{\"id\":5,\"note\":\"b\",\"specialty\":\"Cardio\"}\n";
    try (DatasetReader r = jsonl(text, true)) {
      List<DatasetRecord> rows = r.readAll();

      assertThat(rows).extracting(DatasetRecord::note).containsExactly("a", "b");
      assertThat(rows.get(1).id()).isEqualTo("5");
      assertThat(rows.get(1).metadata()).containsEntry("specialty", "Cardio");
      assertThat(r.issues())
          .extracting(DatasetIssue::kind)
          .containsExactly(Kind.INVALID_JSON, Kind.INVALID_JSON, Kind.WRONG_TYPE);
      assertThat(r.issues()).extracting(DatasetIssue::line).containsExactly(3L, 4L, 5L);
      assertThat(r.issues().get(2).field()).isEqualTo("note");
    }
  }

  @Test
  void jsonl_recordWithoutNote_isReportedAsMissingColumn() {
    try (DatasetReader r = jsonl("{\"text\":\"a\"}\n", true)) {
      assertThat(r.readAll()).isEmpty();
      assertThat(r.issues())
          .singleElement()
          .extracting(DatasetIssue::kind)
          .isEqualTo(Kind.MISSING_COLUMN);
    }
  }

  @Test
  void renamedFields_mapToNoteAndSummary() {
    DatasetOptions options =
        DatasetOptions.builder().noteField("transcription").summaryField("description").build();
    String text = "{\"id\":1,\"transcription\":\"t\",\"description\":\"d\"}\n";
    try (DatasetReader r =
        DatasetReader.open(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            DatasetFormat.JSONL,
            options,
            "x")) {
      DatasetRecord rec = r.next();
      assertThat(rec.note()).isEqualTo("t");
      assertThat(rec.summary()).isEqualTo("d");
    }
  }

  @Test
  void hostileText_isReadVerbatim() {
    String hostile = "<script>alert(1)</script>'; DROP TABLE notes;-- =cmd|' /C calc'!A0";
    try (DatasetReader r = jsonl("{\"note\":" + quote(hostile) + "}\n", false)) {
      assertThat(r.next().note()).isEqualTo(hostile);
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package io.clinsum.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ClinSumCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static List<JsonNode> jsonLines(Path file) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> rows = new java.util.ArrayList<>();
    for (String l : Files.readAllLines(file)) {
      if (!l.isBlank()) {
        rows.add(mapper.readTree(l));
      }
    }
    return rows;
  }

  @Test
  void deid_csvWithBadRows_masksGoodRowsAndListsTheRest() throws Exception {
    Path input = dir.resolve("in.csv");
    Files.writeString(
        input,
        "id,note,summary\n"
            + "a,\"Mr. John Smith seen 03/14/2021, MRN: 7781234. Parkinson disease, on Sinemet 25 mg.\",Smith has Parkinson disease.\n"
            + "b,\"   \",x\n"
            + "c,too,many,fields\n"
            + "d,\"<p>Call daughter Mary at (617) 555-0142.</p>\",\n");
    Path output = dir.resolve("out.jsonl");

    int code = run("deid", input.toString(), "-o", output.toString(), "-q");

    assertThat(code).as(err.toString()).isEqualTo(ClinSumCli.EXIT_SOME_FAILED);
    List<JsonNode> rows = jsonLines(output);
    assertThat(rows).extracting(n -> n.get("id").asText()).containsExactly("a", "d");
    assertThat(rows.get(0).get("note").asText())
        .isEqualTo("Mr. [NAME] seen [DATE], MRN: [MRN]. Parkinson disease, on Sinemet 25 mg.");
    assertThat(rows.get(0).get("summary").asText()).isEqualTo("[NAME] has Parkinson disease.");
    assertThat(rows.get(0).get("phi_spans").asInt()).isEqualTo(3);
    assertThat(rows.get(1).get("note").asText())
        .isEqualTo("<p>Call daughter [NAME] at [PHONE].</p>");
    List<JsonNode> errors = jsonLines(dir.resolve("out.errors.jsonl"));
    assertThat(errors).hasSize(2);
    assertThat(errors).anySatisfy(e -> assertThat(e.path("id").asText()).isEqualTo("b"));
    assertThat(errors)
        .anySatisfy(e -> assertThat(e.path("kind").asText()).isEqualTo("MALFORMED_ROW"));
    assertThat(Files.readString(output)).doesNotContain("Smith", "7781234", "555-0142");
    assertThat(out.toString()).contains("2 de-identified, 2 failed").contains("NAME=2");
  }

  @Test
  void deid_nonUtf8AndHugeNotes_goToTheErrorFileNeverToTheOutput() throws Exception {
    Path input = dir.resolve("in.jsonl");
    byte[] bad =
        "{\"id\":\"bad\",\"note\":\"Mr. Smith \u00ff\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    String huge = "{\"id\":\"huge\",\"note\":\"" + "Mr. Smith. ".repeat(100_000) + "\"}\n";
    String good = "{\"id\":\"ok\",\"note\":\"Mrs. Doe called.\"}\n";
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    all.write(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    all.write(bad);
    all.write(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(input, all.toByteArray());
    Path output = dir.resolve("out.jsonl");

    int code = run("deid", input.toString(), "-o", output.toString(), "-q");

    assertThat(code).as(err.toString()).isEqualTo(ClinSumCli.EXIT_SOME_FAILED);
    assertThat(jsonLines(output)).extracting(n -> n.get("id").asText()).containsExactly("ok");
    assertThat(Files.readString(output)).doesNotContain("Smith");
    List<JsonNode> errors = jsonLines(dir.resolve("out.errors.jsonl"));
    assertThat(errors).hasSize(2);
    assertThat(errors).anySatisfy(e -> assertThat(e.path("id").asText()).isEqualTo("huge"));
  }

  @Test
  void deid_removeMode_andConsoleOutputWithoutAnsi() throws Exception {
    Path input = dir.resolve("note.txt");
    Files.writeString(input, "Seen by Dr. Patel on 03/14/2021.");

    int code =
        run(
            "deid",
            input.toString(),
            "--mode",
            "remove",
            "-q",
            "-e",
            dir.resolve("e.jsonl").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Seen by Dr.  on .").contains("1 de-identified, 0 failed");
    assertThat(dir.resolve("e.jsonl")).doesNotExist();
  }

  @Test
  void deid_highlightsReplacementsWhenAnsiIsOn() throws Exception {
    Path input = dir.resolve("note.txt");
    Files.writeString(input, "Mrs. Jane Doe, DOB 01/02/1950.");
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", "true");
    try {
      int code = run("deid", input.toString(), "-q", "-e", dir.resolve("e.jsonl").toString());
      assertThat(code).as(err.toString()).isZero();
    } finally {
      if (before == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", before);
      }
    }
    // reverse video on (ESC[7m) and off (ESC[27m) around each tag, then reset
    assertThat(out.toString())
        .contains(
            "Mrs. \u001B[7m[NAME]\u001B[27m\u001B[0m, DOB \u001B[7m[DATE]\u001B[27m\u001B[0m.");
  }

  @Test
  void deid_surrogateWithoutSecret_exitsWithCode2() throws Exception {
    Path input = dir.resolve("note.txt");
    Files.writeString(input, "Mr. Smith.");

    int code = run("deid", input.toString(), "--mode", "surrogate", "-q");

    if (System.getenv(DeidCommand.SECRET_ENV) == null) {
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains(DeidCommand.SECRET_ENV);
    }
  }

  @Test
  void deid_unknownMode_exitsWithCode2() throws Exception {
    Path input = dir.resolve("note.txt");
    Files.writeString(input, "Mr. Smith.");

    assertThat(run("deid", input.toString(), "--mode", "blur", "-q")).isEqualTo(2);
    assertThat(err.toString()).contains("--mode");
  }
}

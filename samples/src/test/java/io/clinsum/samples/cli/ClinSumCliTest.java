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

class ClinSumCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ClinSumCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static List<JsonNode> jsonLines(Path file) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              try {
                return mapper.readTree(l);
              } catch (Exception e) {
                throw new AssertionError(l, e);
              }
            })
        .toList();
  }

  @Test
  void summarize_sampleFolder_printsATableOfSummaries() {
    int code = run("summarize", "../samples/data", "-q", "-e", dir.resolve("e.jsonl").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("chest-pain")
        .contains("mtsamples-0")
        .contains("| id")
        .contains("summarized, 0 failed");
    assertThat(dir.resolve("e.jsonl")).doesNotExist();
  }

  @Test
  void summarize_csvWithBadRows_writesGoodRowsAndAPerRowErrorFile() throws Exception {
    Path input = dir.resolve("in.csv");
    Files.writeString(
        input,
        "id,note\n"
            + "a,Patient with chest pain. ECG shows ST elevation. Taken for PCI.\n"
            + "b,\"   \"\n"
            + "c,too,many,fields\n"
            + "d,Fell at home. Hip fracture.\n");
    Path output = dir.resolve("out.jsonl");

    int code = run("summarize", input.toString(), "-o", output.toString(), "-q");

    assertThat(code).isEqualTo(ClinSumCli.EXIT_SOME_FAILED);
    List<JsonNode> rows = jsonLines(output);
    assertThat(rows).extracting(n -> n.get("id").asText()).containsExactly("a", "d");
    assertThat(rows.get(0).get("backend").asText()).isEqualTo("extractive");
    assertThat(rows.get(0).get("summary").asText()).contains("chest pain");
    List<JsonNode> errors = jsonLines(dir.resolve("out.errors.jsonl"));
    assertThat(errors).hasSize(2);
    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.path("id").asText()).isEqualTo("b");
              assertThat(e.path("message").asText()).contains("whitespace");
            });
    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.path("row").asInt()).isEqualTo(3);
              assertThat(e.path("line").asInt()).isEqualTo(4);
              assertThat(e.path("kind").asText()).isEqualTo("MALFORMED_ROW");
            });
    assertThat(out.toString()).contains("2 summarized, 2 failed");
  }

  @Test
  void summarize_renamedTextFieldAndInstruction_areUsed() throws Exception {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"x\",\"transcription\":\"Vitals stable overnight. She reports"
            + " sharp chest pain and nausea. Plan: troponins.\"}\n");
    Path output = dir.resolve("out.csv");

    int code =
        run(
            "summarize",
            input.toString(),
            "--text-field",
            "transcription",
            "-i",
            "Summarize the symptoms that the patient is experiencing.",
            "-o",
            output.toString(),
            "-q");

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(output)).contains("chest pain").startsWith("id,summary,");
  }

  @Test
  void summarize_onnxBackendWithATinyModel_runsThroughTheCli() {
    Path model = Path.of("../sdk-local-gpu/src/test/resources/models/bart-tiny-merged");

    int code =
        run(
            "summarize",
            "../samples/data",
            "-b",
            "onnx",
            "-s",
            "model-dir=" + model,
            "-s",
            "device=cpu",
            "--num-beams",
            "2",
            "-q",
            "-e",
            dir.resolve("e.jsonl").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("chest-pain")
        .contains("mtsamples-30")
        .contains("summarized, 0 failed");
  }

  private static String python3() {
    for (String d : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "python3"))) {
        return Path.of(d, "python3").toString();
      }
    }
    throw new IllegalStateException("python3 is not on the PATH");
  }

  @Test
  void finetune_withARecipeHonouringTheContract_printsTheModelAndMetrics() {
    // A stand-in recipe (same SM_* contract and output lines) keeps PyTorch out of this test.
    String recipe = "../sdk-local-gpu/src/test/resources/finetune";

    int code =
        run(
            "finetune",
            "../samples/data/synthetic-notes.csv",
            "--recipe-dir",
            recipe,
            "--entry-point",
            "fake_recipe.py",
            "--python",
            python3(),
            "-p",
            "epochs=2",
            "-w",
            dir.resolve("job").toString(),
            "--register",
            "ward-7",
            "--registry",
            dir.resolve("registry").toString(),
            "-q");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("model: " + dir.resolve("job/model").toAbsolutePath())
        .contains("rows=20.0")
        .contains("eval_rougeL=0.61")
        .contains("epochs=2.0")
        .contains("registered: " + dir.resolve("registry/ward-7/1").toAbsolutePath());
    assertThat(dir.resolve("registry/ward-7/1/clinsum-model.json")).content().contains("0.61");
  }

  @Test
  void finetune_fromEmbeddedWithCompare_printsBeforeAfterTableAndWritesReportWithLossCurve()
      throws Exception {
    Path test = dir.resolve("test.csv");
    List<String> lines = Files.readAllLines(Path.of("../samples/data/synthetic-notes.csv"));
    // The header and the first three records (notes span several lines; cut at the 4th record).
    int end = 1;
    int records = 0;
    for (; end < lines.size(); end++) {
      if (lines.get(end).startsWith("synth-") && ++records == 4) {
        break;
      }
    }
    Files.write(test, lines.subList(0, end));

    int code =
        run(
            "finetune",
            "../samples/data/synthetic-notes.csv",
            "--recipe-dir",
            "../sdk-local-gpu/src/test/resources/finetune",
            "--entry-point",
            "fake_recipe.py",
            "--python",
            python3(),
            "--from-embedded",
            "-p",
            "copy_onnx_from="
                + Path.of("../sdk-local-gpu/src/test/resources/models/t5-tiny-merged")
                    .toAbsolutePath(),
            "--compare",
            test.toString(),
            "-w",
            dir.resolve("job").toString(),
            "-q");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("started_from_files=5.0") // the checkpoint: weights, config, tokenizer, ...
        .contains("## ROUGE on test.csv (3 records)")
        .contains("| before | clinsum-nursing-t5-mini@1.0.0 |")
        .contains("| after |")
        .contains("| prompt | reference | before | after |")
        .contains("train_loss: 2.5000 → 0.7500 over 3 points");
    assertThat(dir.resolve("job/before-after.html"))
        .content()
        .contains("<polyline")
        .contains("<h2>train_loss</h2>");
    assertThat(dir.resolve("job/before-after.json")).content().contains("\"curves\"");
  }

  @Test
  void finetune_failingRecipe_exitsWith2AndShowsTheLogTail() {
    int code =
        run(
            "finetune",
            "../samples/data/synthetic-notes.csv",
            "--recipe-dir",
            "../sdk-local-gpu/src/test/resources/finetune",
            "--entry-point",
            "fake_recipe.py",
            "--python",
            python3(),
            "-p",
            "mode=fail",
            "-w",
            dir.resolve("job").toString(),
            "-q");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("exit code 3").contains("CUDA out of memory");
  }

  @Test
  void summarize_unknownBackend_exitsWithCode2AndSaysWhatIsAvailable() {
    int code = run("summarize", "../samples/data", "-b", "nope", "-q");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("No summarization backend named 'nope'")
        .contains("extractive");
    assertThat(Path.of("clinsum-errors.jsonl")).as("no error file is left behind").doesNotExist();
  }

  @Test
  void evaluate_twoBackends_writesMarkdownHtmlAndJsonReports() {
    Path report = dir.resolve("r/report");
    int code =
        run(
            "evaluate",
            "../samples/data/mtsamples-sample.jsonl",
            "-b",
            "lead",
            "-b",
            "extractive",
            "-r",
            report.toString(),
            "-q",
            "--bootstrap",
            "100");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("| lead |").contains("| extractive |");
    assertThat(dir.resolve("r/report.md")).exists();
    assertThat(dir.resolve("r/report.html")).content().contains("<svg");
    assertThat(dir.resolve("r/report.json")).content().contains("\"rougeLsum\"");
  }

  @Test
  void group_generatedSummariesWithLabels_printsGroupsScoresAndWritesTheMap() throws Exception {
    Path report = dir.resolve("g/groups");
    int code =
        run(
            "group",
            "../samples/data/synthetic-notes.csv",
            "--group-on",
            "generated",
            "--label-field",
            "specialty",
            "--k",
            "4",
            "-r",
            report.toString(),
            "-q");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("20 patients, 4 groups (k-means on all-MiniLM-L6-v2)")
        .contains("all-MiniLM-L6-v2     vs specialty")
        .contains("tf-idf baseline      vs specialty")
        .contains("adjusted Rand index");
    assertThat(dir.resolve("g/groups.html")).content().contains("<svg").contains("<circle");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("g/groups.json").toFile());
    assertThat(json.path("members")).hasSize(20);
    assertThat(json.path("groups")).hasSize(4);
    assertThat(json.path("members").get(0).path("reference").asText()).isNotBlank();
  }

  @Test
  void group_patientFieldJoinsRecordsAndMissingFieldsAreNamed() throws Exception {
    Path input = dir.resolve("p.csv");
    Files.writeString(
        input,
        "id,note,summary,patient\n"
            + "1,x,Chest pain and troponin rise.,A\n"
            + "2,x,ST elevation; primary PCI.,A\n"
            + "3,x,Fall with hip fracture.,B\n"
            + "4,x,Hip pain after a fall.,C\n");
    int code =
        run(
            "group",
            input.toString(),
            "--patient-field",
            "patient",
            "-e",
            "tfidf",
            "--k",
            "2",
            "-r",
            dir.resolve("p").toString(),
            "-q");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("3 patients, 2 groups (k-means on tf-idf)");

    code =
        run(
            "group",
            input.toString(),
            "--label-field",
            "ward",
            "-e",
            "tfidf",
            "-q",
            "-r",
            dir.resolve("p2").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("record 1 (1) has no 'ward' field");
  }

  @Test
  void datasetValidate_badFile_exitsWith1AndListsRows() throws Exception {
    Path input = dir.resolve("bad.csv");
    Files.writeString(input, "note,summary\n,x\nok,\n");

    int code = run("dataset", "validate", input.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("row 1")
        .contains("EMPTY_NOTE")
        .contains("row 2")
        .contains("EMPTY_SUMMARY");
  }

  @Test
  void datasetSynth_sameSeed_writesIdenticalFiles_andStatsAndSplitRead_them() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    assertThat(run("dataset", "synth", "-n", "200", "--seed", "5", "-o", a.toString(), "-q"))
        .isZero();
    assertThat(run("dataset", "synth", "-n", "200", "--seed", "5", "-o", b.toString(), "-q"))
        .isZero();
    assertThat(Files.mismatch(a, b)).isEqualTo(-1L);

    assertThat(run("dataset", "stats", a.toString())).isZero();
    assertThat(out.toString()).contains("rows: 200").contains("specialty:");

    assertThat(run("dataset", "split", a.toString(), "--out", dir.resolve("s").toString()))
        .isZero();
    assertThat(dir.resolve("s/train.csv")).exists();
    assertThat(out.toString()).containsPattern("train: \\d+");

    assertThat(run("dataset", "validate", a.toString(), "--require-summary")).isZero();
  }
}

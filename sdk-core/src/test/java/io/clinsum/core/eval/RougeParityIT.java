package io.clinsum.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetOptions;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.text.NoteSegmenter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores every pair in {@code rouge/pairs.jsonl} with {@link RougeScorer#standard()} and with the
 * Python {@code rouge-score} package ({@code src/test/python/rouge_reference.py}), and requires
 * every precision, recall and F-measure to agree within {@value #TOLERANCE}.
 *
 * <p>Needs the project's Python environment from scripts/python-env.sh (which installs
 * python/requirements-test.txt): the build passes its interpreter in the system property
 * clinsum.python.
 */
class RougeParityIT {
  private static final double TOLERANCE = 1e-6;
  private static final String PAIRS_RESOURCE = "/rouge/pairs.jsonl";
  private static final String SYNTHETIC_RESOURCE = "/rouge/synthetic-notes.csv";
  private static final String SCRIPT = "src/test/python/rouge_reference.py";
  private static final String EXPECTED_VERSION = "rouge_score=0.1.2";
  private static final long PYTHON_TIMEOUT_MINUTES = 10;
  private static final String[] METRICS = {"precision", "recall", "fmeasure"};

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void score_everyPair_matchesPythonRougeScore(@TempDir Path tmp) throws Exception {
    Path pairsFile = tmp.resolve("pairs.jsonl");
    try (InputStream in = RougeParityIT.class.getResourceAsStream(PAIRS_RESOURCE)) {
      assertThat(in).as("test resource %s", PAIRS_RESOURCE).isNotNull();
      Files.copy(in, pairsFile, StandardCopyOption.REPLACE_EXISTING);
    }
    appendSyntheticPairs(pairsFile, 600);
    Path scoresFile = tmp.resolve("python-scores.jsonl");
    runPythonReference(pairsFile, scoresFile);

    List<JsonNode> pairs = readJsonLines(pairsFile);
    List<JsonNode> expected = readJsonLines(scoresFile);
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
    assertThat(expected).hasSameSizeAs(pairs);

    RougeScorer scorer = RougeScorer.standard();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      JsonNode pair = pairs.get(i);
      JsonNode python = expected.get(i);
      String id = pair.get("id").asText();
      assertThat(python.get("id").asText()).as("id of score line %d", i + 1).isEqualTo(id);
      Map<RougeType, RougeScore> java =
          scorer.score(pair.get("reference").asText(), pair.get("candidate").asText());
      for (RougeType type : RougeType.values()) {
        RougeScore score = java.get(type);
        double[] javaValues = {score.precision(), score.recall(), score.fmeasure()};
        for (int m = 0; m < METRICS.length; m++) {
          double pythonValue = python.get(type.key()).get(METRICS[m]).asDouble();
          if (!(Math.abs(pythonValue - javaValues[m]) <= TOLERANCE)) {
            mismatches.add(
                String.format(
                    "%s %s.%s: python=%s java=%s",
                    id, type.key(), METRICS[m], pythonValue, javaValues[m]));
          }
        }
      }
    }
    assertThat(mismatches)
        .as(
            "scores that differ from rouge-score by more than %s (of %d pairs)",
            TOLERANCE, pairs.size())
        .isEmpty();
  }

  /**
   * Adds pairs built from synthetic notes ({@value #SYNTHETIC_RESOURCE}, sdk-synthetic's first 601
   * records with seed 20261127, committed because sdk-core cannot depend on that module): each
   * reference summary against its note's first sentence, the whole note, and the next record's
   * summary.
   */
  private void appendSyntheticPairs(Path pairsFile, int records) throws Exception {
    List<DatasetRecord> notes;
    try (DatasetReader reader =
        DatasetReader.open(
            RougeParityIT.class.getResourceAsStream(SYNTHETIC_RESOURCE),
            DatasetFormat.CSV,
            DatasetOptions.defaults(),
            SYNTHETIC_RESOURCE)) {
      notes = reader.readAll();
    }
    assertThat(notes).as(SYNTHETIC_RESOURCE).hasSizeGreaterThan(records);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < records; i++) {
      DatasetRecord r = notes.get(i);
      String first = NoteSegmenter.get().sentences(r.note()).get(0).of(r.note());
      String[] candidates = {first, r.note(), notes.get(i + 1).summary()};
      for (int c = 0; c < candidates.length; c++) {
        lines
            .append(
                json.writeValueAsString(
                    Map.of(
                        "id",
                        "synthetic-" + i + "-" + c,
                        "reference",
                        r.summary(),
                        "candidate",
                        candidates[c])))
            .append('\n');
      }
    }
    Files.writeString(pairsFile, lines, StandardOpenOption.APPEND);
  }

  private static void runPythonReference(Path pairsFile, Path scoresFile) throws Exception {
    String python = System.getProperty("clinsum.python");
    if (python == null || python.isBlank() || !Files.isExecutable(Path.of(python))) {
      fail(
          "System property clinsum.python must name the project's Python interpreter (was '"
              + python
              + "'). Run scripts/python-env.sh from the repository root to create .venv, then"
              + " rerun the build (it passes -Dclinsum.python=<repo>/.venv/bin/python).");
    }
    Path script = Path.of(SCRIPT);
    if (!Files.isRegularFile(script)) {
      fail(
          "Cannot find %s under the working directory %s; run the tests from the sdk-core module"
              + " directory, as Maven does.",
          SCRIPT, Path.of("").toAbsolutePath());
    }
    Path log = scoresFile.resolveSibling("python-output.txt");
    Process process =
        new ProcessBuilder(
                python,
                script.toString(),
                "--input",
                pairsFile.toString(),
                "--output",
                scoresFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(PYTHON_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("%s did not finish in %d minutes", SCRIPT, PYTHON_TIMEOUT_MINUTES);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      fail(
          "%s exited with %d; its output:%n%s%nIf rouge_score is missing, run"
              + " scripts/python-env.sh.",
          SCRIPT, process.exitValue(), output);
    }
    assertThat(output)
        .as("the reference must be the pinned rouge-score release; run scripts/python-env.sh")
        .contains(EXPECTED_VERSION);
  }

  private List<JsonNode> readJsonLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        nodes.add(json.readTree(line));
      }
    }
    return nodes;
  }
}

package io.clinsum.samples.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clinsum.core.eval.RougeScore;
import io.clinsum.core.eval.RougeScorer;
import io.clinsum.core.eval.RougeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures {@link RougeScorer#standard()} throughput on one thread and writes the scores, for
 * {@code bench/rouge-bench.sh} to compare with the Python {@code rouge-score} package.
 *
 * <p>Usage: {@code RougeBenchmark PAIRS.jsonl SCORES.jsonl [TIMED_PASSES]}. Each input line is
 * {@code {"id": ..., "reference": ..., "candidate": ...}}. Each output line has the id and, under
 * each type key such as {@code rouge1}, the precision, recall and fmeasure: the format that
 * sdk-core/src/test/python/rouge_reference.py writes. One untimed warm-up pass (JIT compilation,
 * stem cache) is followed by the timed passes (default 5). The last line printed is
 * "java_pairs_per_s=N", N averaged over the timed passes.
 */
public final class RougeBenchmark {
  private static final int DEFAULT_TIMED_PASSES = 5;

  private RougeBenchmark() {}

  private record Pair(String id, String reference, String candidate) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: RougeBenchmark PAIRS.jsonl SCORES.jsonl [TIMED_PASSES]");
      System.exit(2);
    }
    List<Pair> pairs = readPairs(Path.of(args[0]));
    int timedPasses = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_TIMED_PASSES;
    RougeScorer scorer = RougeScorer.standard();

    long coldStart = System.nanoTime();
    List<Map<RougeType, RougeScore>> scores = scoreAll(scorer, pairs);
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;

    double timedSeconds = 0;
    for (int pass = 0; pass < timedPasses; pass++) {
      long start = System.nanoTime();
      scores = scoreAll(scorer, pairs);
      timedSeconds += (System.nanoTime() - start) / 1e9;
    }
    writeScores(Path.of(args[1]), pairs, scores);

    System.out.printf(
        Locale.ROOT,
        "pairs=%d warmup_pass_pairs_per_s=%.1f timed_passes=%d%n",
        pairs.size(),
        pairs.size() / coldSeconds,
        timedPasses);
    System.out.printf(
        Locale.ROOT, "java_pairs_per_s=%.1f%n", pairs.size() * timedPasses / timedSeconds);
  }

  private static List<Map<RougeType, RougeScore>> scoreAll(RougeScorer scorer, List<Pair> pairs) {
    List<Map<RougeType, RougeScore>> scores = new ArrayList<>(pairs.size());
    for (Pair pair : pairs) {
      scores.add(scorer.score(pair.reference(), pair.candidate()));
    }
    return scores;
  }

  private static List<Pair> readPairs(Path file) throws IOException {
    JsonFactory json = new JsonFactory();
    List<Pair> pairs = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          pairs.add(parsePair(json, line));
        }
      }
    }
    return pairs;
  }

  private static Pair parsePair(JsonFactory json, String line) throws IOException {
    String id = null;
    String reference = null;
    String candidate = null;
    try (JsonParser parser = json.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object per line: " + line);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "id" -> id = parser.getValueAsString();
          case "reference" -> reference = parser.getText();
          case "candidate" -> candidate = parser.getText();
          default -> parser.skipChildren();
        }
      }
    }
    if (id == null || reference == null || candidate == null) {
      throw new IOException("each line needs id, reference and candidate: " + line);
    }
    return new Pair(id, reference, candidate);
  }

  private static void writeScores(
      Path file, List<Pair> pairs, List<Map<RougeType, RougeScore>> scores) throws IOException {
    JsonFactory json = new JsonFactory();
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
      generator.setRootValueSeparator(null);
      for (int i = 0; i < pairs.size(); i++) {
        generator.writeStartObject();
        generator.writeStringField("id", pairs.get(i).id());
        for (Map.Entry<RougeType, RougeScore> entry : scores.get(i).entrySet()) {
          RougeScore score = entry.getValue();
          generator.writeObjectFieldStart(entry.getKey().key());
          generator.writeNumberField("precision", score.precision());
          generator.writeNumberField("recall", score.recall());
          generator.writeNumberField("fmeasure", score.fmeasure());
          generator.writeEndObject();
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
      }
    }
  }
}

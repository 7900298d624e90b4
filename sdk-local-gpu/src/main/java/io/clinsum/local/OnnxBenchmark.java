package io.clinsum.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.local.internal.GenerationParams;
import io.clinsum.local.internal.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times ClinSum's generation loop on a model folder and pre-tokenized inputs, greedy, exactly
 * {@code new_tokens} new tokens, at batch 1 and batch 16. Prints notes/s, the share of wall time
 * spent outside ONNX Runtime's {@code run} calls, and peak RSS. Driven by {@code
 * bench/onnx-bench.sh}, which runs Optimum and PyTorch on the same model and inputs.
 *
 * <pre>
 * java -cp samples/target/clinsum.jar io.clinsum.local.OnnxBenchmark MODEL_DIR inputs.json
 * </pre>
 *
 * <p>It lives beside {@link OnnxModel} because it drives the generation loop with token ids, which
 * no public API exposes; it is a development tool, not API (package-private).
 */
final class OnnxBenchmark {
  private OnnxBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    JsonNode spec = new ObjectMapper().readTree(Files.readString(Path.of(args[1])));
    int newTokens = spec.get("new_tokens").asInt();
    List<long[]> inputs = new ArrayList<>();
    for (JsonNode row : spec.get("input_ids")) {
      long[] ids = new long[row.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = row.get(i).asLong();
      }
      inputs.add(ids);
    }
    try (OnnxModel model =
        OnnxModel.load(OnnxModelSpec.builder().modelDir(modelDir).device("cpu").build())) {
      Generator generator = model.generator();
      GenerationParams params =
          new GenerationParams(
              newTokens, newTokens, 1, 1.0, GenerationParams.EarlyStopping.FALSE, 0, 1.0, -1, -1);
      StringBuilder summary = new StringBuilder("clinsum");
      for (int batch : new int[] {1, 16}) {
        generator.generate(
            inputs.subList(0, Math.min(inputs.size(), batch)), params, null); // warm-up
        long start = System.nanoTime();
        Generator.Timing timing = new Generator.Timing();
        int notes = 0;
        for (int from = 0; from + batch <= inputs.size(); from += batch) {
          List<long[]> out = generator.generate(inputs.subList(from, from + batch), params, timing);
          for (long[] o : out) {
            if (o.length != newTokens + generator.leadingTokens()) {
              throw new IllegalStateException(
                  "expected "
                      + newTokens
                      + " new tokens, got "
                      + (o.length - generator.leadingTokens()));
            }
          }
          notes += batch;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double overhead = 1 - timing.runNanos() / 1e9 / seconds;
        System.out.printf(
            Locale.ROOT,
            "clinsum batch=%d notes=%d seconds=%.3f notes_per_s=%.3f overhead=%.4f%n",
            batch,
            notes,
            seconds,
            notes / seconds,
            overhead);
        summary.append(
            String.format(
                Locale.ROOT,
                " b%d=%.3f overhead_b%d=%.4f",
                batch,
                notes / seconds,
                batch,
                overhead));
      }
      System.out.println(summary + " peak_rss_mb=" + peakRssMb());
    }
  }

  private static long peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
      }
    }
    return -1;
  }
}

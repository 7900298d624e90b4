package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.local.internal.GenerationParams;
import io.clinsum.local.internal.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token-for-token equality with Hugging Face Optimum's {@code ORTModelForSeq2SeqLM.generate} on the
 * same ONNX files and inputs. The golden outputs were produced by {@code
 * src/test/python/make_test_models.py}; see its README.
 */
class OptimumParityTest {
  static final Path MODELS =
      Path.of(System.getProperty("clinsum.test.models", "src/test/resources/models"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, OnnxModel> LOADED = new HashMap<>();

  static synchronized OnnxModel model(String folder) {
    return LOADED.computeIfAbsent(
        folder,
        f ->
            OnnxModel.load(
                OnnxModelSpec.builder()
                    // "embedded": the default model shipped in the jar, loaded as users get it
                    .modelDir(
                        f.equals("embedded")
                            ? EmbeddedModel.folder().orElseThrow()
                            : MODELS.resolve(f))
                    .device("cpu")
                    .intraOpThreads(1)
                    .build()));
  }

  @AfterAll
  static void closeModels() {
    LOADED.values().forEach(OnnxModel::close);
    LOADED.clear();
  }

  /** Golden rows of the tiny test models and of the embedded default model. */
  static List<JsonNode> golden() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String file : List.of("golden.jsonl", "golden-embedded.jsonl")) {
      for (String line : Files.readAllLines(MODELS.resolve(file))) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  static Stream<Arguments> singles() throws Exception {
    return golden().stream()
        .filter(g -> !g.path("batch").asBoolean(false))
        .map(g -> Arguments.of(g.get("model").asText() + " " + g.get("setting").asText(), g));
  }

  static Stream<Arguments> batches() throws Exception {
    return golden().stream()
        .filter(g -> g.path("batch").asBoolean(false))
        .map(g -> Arguments.of(g.get("model").asText() + " " + g.get("setting").asText(), g));
  }

  static GenerationParams params(JsonNode p, ModelConfig config) {
    ModelConfig.GenerationDefaults d = config.defaults();
    JsonNode es = p.get("early_stopping");
    GenerationParams.EarlyStopping earlyStopping =
        es == null
            ? GenerationParams.EarlyStopping.of(d.earlyStopping())
            : es.isTextual() && es.asText().equals("never")
                ? GenerationParams.EarlyStopping.NEVER
                : GenerationParams.EarlyStopping.of(es.asBoolean());
    return new GenerationParams(
        p.path("max_new_tokens").asInt(d.maxNewTokens()),
        p.path("min_new_tokens").asInt(d.minNewTokens()),
        p.path("num_beams").asInt(d.numBeams()),
        p.path("length_penalty").asDouble(d.lengthPenalty()),
        earlyStopping,
        p.path("no_repeat_ngram_size").asInt(d.noRepeatNgramSize()),
        p.path("repetition_penalty").asDouble(d.repetitionPenalty()),
        forced(p, "forced_bos_token_id", config.forcedBosTokenId()),
        forced(p, "forced_eos_token_id", config.forcedEosTokenId()));
  }

  /** An explicit null in the golden parameters disables the model's forced token. */
  private static long forced(JsonNode p, String key, long fallback) {
    if (!p.has(key)) {
      return fallback;
    }
    return p.get(key).isNull() ? -1 : p.get(key).asLong();
  }

  static long[] ids(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  /** Golden sequences are padded to the batch's longest; ours stop at EOS. */
  static long[] stripPadding(long[] seq, ModelConfig config) {
    int end = seq.length;
    for (int i = 1; i < seq.length; i++) {
      if (config.isEos(seq[i])) {
        end = i + 1;
        break;
      }
    }
    return java.util.Arrays.copyOf(seq, end);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singles")
  void generate_sameInputsAsOptimum_givesTheSameTokens(String name, JsonNode g) throws Exception {
    OnnxModel model = model(g.get("model").asText());
    long[] input = ids(g.get("input_ids"));
    assertThat(model.tokenizer.encode(g.get("input").asText()))
        .as("DJL tokenizer equals the Python tokenizer")
        .containsExactly(input);

    long[] out =
        model
            .generator
            .generate(List.of(input), params(g.get("params"), model.config), null)
            .get(0);

    assertThat(out)
        .as(g.get("input").asText())
        .containsExactly(stripPadding(ids(g.get("output_ids")), model.config));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  void generate_paddedBatch_equalsOptimumAndOneByOne(String name, JsonNode g) throws Exception {
    OnnxModel model = model(g.get("model").asText());
    GenerationParams params = params(g.get("params"), model.config);
    List<long[]> inputs = new ArrayList<>();
    for (int i = 0; i < g.get("input_ids").size(); i++) {
      // The golden rows are padded; the engine pads by itself, so give it the real tokens only.
      long[] row = ids(g.get("input_ids").get(i));
      int real = 0;
      for (JsonNode m : g.get("attention_mask").get(i)) {
        real += m.asInt();
      }
      inputs.add(java.util.Arrays.copyOf(row, real));
    }

    List<long[]> batched = model.generator.generate(inputs, params, null);

    for (int i = 0; i < inputs.size(); i++) {
      long[] expected = stripPadding(ids(g.get("output_ids").get(i)), model.config);
      assertThat(batched.get(i)).as("row %d vs Optimum", i).containsExactly(expected);
      long[] single = model.generator.generate(List.of(inputs.get(i)), params, null).get(0);
      assertThat(batched.get(i)).as("row %d batched vs one by one", i).containsExactly(single);
    }
  }

  @Test
  void goldenFile_coversBothArchitecturesBothLayoutsGreedyAndBeam() throws Exception {
    List<JsonNode> g = golden();
    for (String model :
        List.of("t5-tiny-split", "t5-tiny-merged", "bart-tiny-split", "bart-tiny-merged")) {
      assertThat(
              g.stream()
                  .filter(
                      n ->
                          n.get("model").asText().equals(model)
                              && !n.path("batch").asBoolean(false)
                              && n.get("params").path("num_beams").asInt(1) == 1))
          .as(model + " greedy")
          .hasSizeGreaterThanOrEqualTo(50);
      assertThat(
              g.stream()
                  .filter(
                      n ->
                          n.get("model").asText().equals(model)
                              && !n.path("batch").asBoolean(false)
                              && n.get("params").path("num_beams").asInt(1) == 4))
          .as(model + " beam 4")
          .hasSizeGreaterThanOrEqualTo(50);
    }
  }
}

package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.local.internal.GenerationParams;
import io.clinsum.local.internal.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Token-for-token equality of the decoder-only loop with transformers' greedy {@code generate}
 * (float32 PyTorch) on tiny random GPT-2, Llama (GQA), Llama (MQA) and Qwen2 models exported to the
 * Optimum causal-LM layout. The golden outputs were produced by {@code
 * src/test/python/make_causal_models.py}; see its README.
 */
class CausalParityTest {
  static final Path CAUSAL = OptimumParityTest.MODELS.resolve("causal");
  static final List<String> FAMILIES =
      List.of("gpt2-tiny", "llama-tiny", "qwen2-tiny", "llama-mqa-tiny");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, OnnxModel> LOADED = new HashMap<>();

  static synchronized OnnxModel model(String folder) {
    return LOADED.computeIfAbsent(
        folder,
        f ->
            OnnxModel.load(
                OnnxModelSpec.builder()
                    .modelDir(CAUSAL.resolve(f))
                    .device("cpu")
                    .intraOpThreads(1)
                    .build()));
  }

  @AfterAll
  static void closeModels() {
    LOADED.values().forEach(OnnxModel::close);
    LOADED.clear();
  }

  static List<JsonNode> golden() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(CAUSAL.resolve("golden.jsonl"))) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  static Stream<Arguments> rows(boolean batch) throws IOException {
    return golden().stream()
        .filter(g -> g.path("batch").asBoolean() == batch)
        .map(
            g ->
                Arguments.of(
                    g.get("model").asText()
                        + " "
                        + g.get("setting").asText()
                        + (batch ? " batch" : " " + g.get("input").asText().replace('\n', ' ')),
                    g));
  }

  static Stream<Arguments> singles() throws IOException {
    return rows(false);
  }

  static Stream<Arguments> batches() throws IOException {
    return rows(true);
  }

  static GenerationParams params(JsonNode p, ModelConfig config) {
    return new GenerationParams(
        p.get("max_new_tokens").asInt(),
        0,
        1,
        1.0,
        GenerationParams.EarlyStopping.FALSE,
        0,
        p.path("repetition_penalty").asDouble(1.0),
        -1,
        -1);
  }

  static long[] ids(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  /** Golden batch rows are padded after EOS to the longest row; ours stop at EOS. */
  static long[] untilEos(long[] seq, ModelConfig config) {
    for (int i = 0; i < seq.length; i++) {
      if (config.isEos(seq[i])) {
        return Arrays.copyOf(seq, i + 1);
      }
    }
    return seq;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singles")
  void generate_sameInputsAsTransformers_givesTheSameTokens(String name, JsonNode g)
      throws Exception {
    OnnxModel model = model(g.get("model").asText());
    long[] input = ids(g.get("input_ids"));
    assertThat(model.tokenizer.encode(g.get("input").asText()))
        .as("DJL tokenizer equals the Python tokenizer")
        .containsExactly(input);
    assertThat(model.config.eosTokenIds()).containsExactly(ids(g.get("eos_token_id")));

    long[] out =
        model
            .generator
            .generate(List.of(input), params(g.get("params"), model.config), null)
            .get(0);

    assertThat(out).as(g.get("input").asText()).containsExactly(ids(g.get("output_ids")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  void generate_leftPaddedBatch_equalsTransformersAndOneByOne(String name, JsonNode g)
      throws Exception {
    OnnxModel model = model(g.get("model").asText());
    GenerationParams params = params(g.get("params"), model.config);
    assertThat(model.config.padTokenId()).isEqualTo(g.get("pad_token_id").asLong());
    List<long[]> inputs = new ArrayList<>();
    for (int i = 0; i < g.get("input_ids").size(); i++) {
      // The golden rows are left-padded; the engine pads by itself, so give it the real tokens.
      long[] row = ids(g.get("input_ids").get(i));
      long[] mask = ids(g.get("attention_mask").get(i));
      int pad = 0;
      while (mask[pad] == 0) {
        pad++;
      }
      inputs.add(Arrays.copyOfRange(row, pad, row.length));
    }
    assertThat(inputs.stream().mapToInt(r -> r.length).distinct().count())
        .as("the batch needs padding")
        .isGreaterThan(1);

    List<long[]> batched = model.generator.generate(inputs, params, null);

    for (int i = 0; i < inputs.size(); i++) {
      long[] expected = untilEos(ids(g.get("output_ids").get(i)), model.config);
      assertThat(batched.get(i)).as("row %d vs transformers", i).containsExactly(expected);
      long[] single = model.generator.generate(List.of(inputs.get(i)), params, null).get(0);
      assertThat(batched.get(i)).as("row %d batched vs one by one", i).containsExactly(single);
    }
  }

  @Test
  void goldenFile_coversEveryFamilyStoppingOnTheSecondEosAndTheLengthLimit() throws Exception {
    List<JsonNode> g = golden();
    for (String family : FAMILIES) {
      List<JsonNode> mine = g.stream().filter(n -> n.get("model").asText().equals(family)).toList();
      assertThat(mine.stream().filter(n -> n.get("batch").asBoolean())).as(family).hasSize(1);
      assertThat(mine.stream().filter(n -> !n.get("batch").asBoolean()))
          .as(family)
          .hasSizeGreaterThanOrEqualTo(18);
      long secondEos = mine.get(0).get("eos_token_id").get(1).asLong();
      assertThat(
              mine.stream()
                  .filter(n -> !n.get("batch").asBoolean())
                  .map(n -> ids(n.get("output_ids")))
                  .filter(o -> o.length > 0 && o[o.length - 1] == secondEos))
          .as(family + " stops on its second EOS id")
          .isNotEmpty();
      assertThat(
              mine.stream()
                  .filter(n -> !n.get("batch").asBoolean())
                  .filter(
                      n ->
                          n.get("output_ids").size()
                              == n.get("params").get("max_new_tokens").asInt()))
          .as(family + " reaches max_new_tokens")
          .isNotEmpty();
    }
  }

  @Test
  void backendGenerate_decoderOnly_returnsTheContinuationOfThePlainPromptOnly() throws Exception {
    OnnxModel model = model("qwen2-tiny");
    OnnxBackend backend = new OnnxBackend(model, "", m -> {});
    String note = "Patient is a 45-year-old male with chest pain radiating to the left arm.";
    GenerationOptions options = backend.defaultOptions();

    Generation g = backend.generate(List.of(new Prompt(note, null, options))).get(0);

    long[] prompt =
        model.tokenizer.encode(OnnxBackend.plainPrompt(OnnxBackend.DEFAULT_INSTRUCTION, note));
    GenerationParams params =
        new GenerationParams(
            options.maxLength().orElseThrow(),
            0,
            1,
            1.0,
            GenerationParams.EarlyStopping.FALSE,
            0,
            1.0,
            -1,
            -1);
    long[] continuation = model.generator.generate(List.of(prompt), params, null).get(0);
    assertThat(g.text()).isEqualTo(model.tokenizer.decode(continuation).strip());
    assertThat(g.outputTokens()).isEqualTo(continuation.length);
    assertThat(g.text()).doesNotContain("Summary:");
    assertThat(OnnxBackend.plainPrompt("Summarize.", "Fever."))
        .isEqualTo("Summarize.\n\nFever.\n\nSummary:");
  }

  @Test
  void load_causalFolder_isRecognisedAsDecoderOnly() {
    OnnxModel model = model("llama-tiny");
    assertThat(model.isDecoderOnly()).isTrue();
    assertThat(model.description()).contains("causal LM (2 layers)");
    assertThat(model.maxInputTokens()).isEqualTo(256);
  }

  @Test
  void generate_promptLongerThanTheContext_failsNamingTheLimit() {
    OnnxModel model = model("gpt2-tiny");
    long[] tooLong = new long[120];
    Arrays.fill(tooLong, 42);
    GenerationParams params =
        new GenerationParams(20, 0, 1, 1.0, GenerationParams.EarlyStopping.FALSE, 0, 1.0, -1, -1);
    assertThatThrownBy(() -> model.generator.generate(List.of(tooLong), params, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("context of 128 tokens");
  }

  @Test
  void load_folderOfNeitherLayout_namesTheFolderAndTheFilesFound(@TempDir Path dir)
      throws IOException {
    Files.copy(CAUSAL.resolve("llama-tiny/config.json"), dir.resolve("config.json"));
    Files.copy(CAUSAL.resolve("llama-tiny/tokenizer.json"), dir.resolve("tokenizer.json"));
    Files.writeString(dir.resolve("weights.gguf"), "not a model");
    assertThatThrownBy(() -> OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("config.json, tokenizer.json, weights.gguf")
        .hasMessageContaining("model.onnx")
        .hasMessageContaining("encoder_model.onnx");
  }

  @Test
  void load_truncatedModelOnnx_namesTheFile(@TempDir Path dir) throws IOException {
    Path src = CAUSAL.resolve("qwen2-tiny");
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    byte[] bytes = Files.readAllBytes(src.resolve("model.onnx"));
    Files.write(dir.resolve("model.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(
            () -> OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).device("cpu").build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(dir.resolve("model.onnx").toString())
        .hasMessageContaining("corrupt");
  }

  @Test
  void load_causalFolderOfAnUnprovenArchitecture_isRejected(@TempDir Path dir) throws IOException {
    Path src = CAUSAL.resolve("gpt2-tiny");
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        dir.resolve("config.json"),
        Files.readString(dir.resolve("config.json")).replace("\"gpt2\"", "\"bloom\""));
    assertThatThrownBy(() -> OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("bloom")
        .hasMessageContaining("decoder-only");
  }
}

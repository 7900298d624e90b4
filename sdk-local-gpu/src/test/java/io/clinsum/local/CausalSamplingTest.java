package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.local.internal.GenerationParams;
import io.clinsum.local.internal.Sampling;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Seeded sampling ({@link Sampling}) in the shared generation loop, on the tiny random Llama. */
class CausalSamplingTest {
  private static final GenerationParams GREEDY =
      new GenerationParams(20, 0, 1, 1.0, GenerationParams.EarlyStopping.FALSE, 0, 1.0, -1, -1);

  @AfterAll
  static void close() {
    CausalParityTest.closeModels();
  }

  private static List<long[]> run(List<long[]> prompts, GenerationParams params) throws Exception {
    return CausalParityTest.model("llama-tiny").generator.generate(prompts, params, null);
  }

  private static List<long[]> prompts() {
    OnnxModel model = CausalParityTest.model("llama-tiny");
    return List.of(
        model.tokenizer.encode("Patient is a 45-year-old male with chest pain."),
        model.tokenizer.encode("Fever."));
  }

  @Test
  void sameSeed_sameTokens_alsoInAnotherBatch() throws Exception {
    GenerationParams p = GREEDY.withSampling(new Sampling(1.5, 0, 1.0, 42));
    List<long[]> a = run(prompts(), p);
    List<long[]> b = run(prompts(), p);
    assertThat(a.get(0)).containsExactly(b.get(0));
    assertThat(a.get(1)).containsExactly(b.get(1));
    assertThat(run(List.of(prompts().get(0)), p).get(0)).containsExactly(a.get(0));
  }

  @Test
  void differentSeeds_differ() throws Exception {
    Set<List<Long>> outputs = new HashSet<>();
    for (long seed = 0; seed < 6; seed++) {
      long[] out = run(prompts(), GREEDY.withSampling(new Sampling(3.0, 0, 1.0, seed))).get(0);
      outputs.add(java.util.Arrays.stream(out).boxed().toList());
    }
    assertThat(outputs).hasSizeGreaterThan(1);
  }

  @Test
  void temperatureNearZero_or_topK1_equalsGreedy() throws Exception {
    List<long[]> greedy = run(prompts(), GREEDY);
    List<long[]> cold = run(prompts(), GREEDY.withSampling(new Sampling(1e-4, 0, 1.0, 7)));
    List<long[]> topOne = run(prompts(), GREEDY.withSampling(new Sampling(2.0, 1, 1.0, 7)));
    List<long[]> tinyP = run(prompts(), GREEDY.withSampling(new Sampling(2.0, 0, 1e-9, 7)));
    for (int i = 0; i < greedy.size(); i++) {
      assertThat(cold.get(i)).containsExactly(greedy.get(i));
      assertThat(topOne.get(i)).containsExactly(greedy.get(i));
      assertThat(tinyP.get(i)).containsExactly(greedy.get(i));
    }
  }

  @Test
  void invalidSettings_areRefused() {
    assertThatThrownBy(() -> new Sampling(0, 0, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sampling(1, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    GenerationParams beams =
        new GenerationParams(20, 0, 4, 1.0, GenerationParams.EarlyStopping.FALSE, 0, 1.0, -1, -1);
    assertThatThrownBy(() -> beams.withSampling(new Sampling(1, 0, 1, 1)))
        .hasMessageContaining("num_beams 1");
  }

  @Test
  void backendSettings_turnSamplingOn() {
    var settings =
        io.clinsum.core.spi.BackendSettings.builder()
            .set("model-dir", CausalParityTest.CAUSAL.resolve("llama-tiny").toString())
            .set("device", "cpu")
            .set("temperature", "3.0")
            .set("seed", "5")
            .build();
    String note = "Patient is a 45-year-old male with chest pain.";
    try (var s = io.clinsum.core.Summarizers.open("onnx", settings);
        var t = io.clinsum.core.Summarizers.open("onnx", settings)) {
      String a = s.summarize(io.clinsum.core.SummarizationRequest.of(note)).text();
      assertThat(t.summarize(io.clinsum.core.SummarizationRequest.of(note)).text()).isEqualTo(a);
    }
  }

  @Test
  void stopString_endsGenerationAndTheSummaryBeforeIt() {
    OnnxModel model = CausalParityTest.model("qwen2-tiny");
    String note = "Patient is a 45-year-old male with chest pain radiating to the left arm.";
    OnnxBackend plain = new OnnxBackend(model, "", m -> {});
    io.clinsum.core.spi.Generation full =
        plain
            .generate(List.of(new io.clinsum.core.spi.Prompt(note, null, plain.defaultOptions())))
            .get(0);
    assertThat(full.text().length()).isGreaterThan(6);
    String stop = full.text().substring(full.text().length() / 2, full.text().length() / 2 + 3);
    OnnxBackend stopping = new OnnxBackend(model, "", null, List.of("@@never@@", stop), m -> {});
    io.clinsum.core.spi.Generation cut =
        stopping
            .generate(
                List.of(new io.clinsum.core.spi.Prompt(note, null, stopping.defaultOptions())))
            .get(0);
    assertThat(cut.text()).isEqualTo(full.text().substring(0, full.text().indexOf(stop)).strip());
    assertThat(cut.outputTokens()).isLessThan(full.outputTokens());
  }
}

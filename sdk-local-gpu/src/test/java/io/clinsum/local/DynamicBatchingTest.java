package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.local.internal.DynamicBatcher;
import io.clinsum.local.internal.GenerationParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DynamicBatchingTest {

  /** A seq2seq model and decoder-only ones (left-padded batches). */
  @ParameterizedTest
  @ValueSource(strings = {"t5-tiny-merged", "causal/llama-tiny", "causal/gpt2-tiny"})
  void submit_concurrentRequests_areGeneratedTogetherAndEachGetsItsOwnResult(String folder)
      throws Exception {
    try (OnnxModel model =
        OnnxModel.load(
            OnnxModelSpec.builder()
                .modelDir(OptimumParityTest.MODELS.resolve(folder))
                .device("cpu")
                .build())) {
      GenerationParams params = GenerationParams.of(model.config(), 12, 0, 1, 1.0, false, 0, 1.0);
      List<long[]> inputs = new ArrayList<>();
      for (String text :
          List.of(
              "Chest pain radiating to the left arm.",
              "Fall at home, hip pain.",
              "Cough and fever for three days.",
              "Headache and blurred vision at 35 weeks.",
              "Confused overnight, pulled out IV.",
              "Sore on the sacrum, dressing applied.")) {
        inputs.add(model.tokenizer.encode(text));
      }
      try (DynamicBatcher batcher =
          new DynamicBatcher(model.generator(), 8, Duration.ofMillis(500), "test")) {
        List<CompletableFuture<long[]>> futures = new ArrayList<>();
        for (long[] in : inputs) {
          futures.add(batcher.submit(in, params));
        }
        for (int i = 0; i < inputs.size(); i++) {
          long[] alone = model.generator().generate(List.of(inputs.get(i)), params, null).get(0);
          assertThat(futures.get(i).get()).as("request %d", i).containsExactly(alone);
        }
        assertThat(batcher.largestBatch()).isEqualTo(inputs.size());
      }
    }
  }

  @Test
  void submit_afterClose_failsTheFuture() throws Exception {
    try (OnnxModel model =
        OnnxModel.load(
            OnnxModelSpec.builder()
                .modelDir(OptimumParityTest.MODELS.resolve("t5-tiny-merged"))
                .device("cpu")
                .build())) {
      DynamicBatcher batcher = new DynamicBatcher(model.generator(), 4, Duration.ZERO, "closed");
      batcher.close();

      CompletableFuture<long[]> f =
          batcher.submit(
              new long[] {5, 1}, GenerationParams.of(model.config(), 5, 0, 1, 1.0, false, 0, 1.0));

      assertThat(f).isCompletedExceptionally();
    }
  }
}

package io.clinsum.local;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.testkit.SummarizerContractTest;

/** The sdk-core contract suite on the {@code onnx} backend with a tiny random Llama (GQA). */
class CausalSummarizerContractTest extends SummarizerContractTest {
  @Override
  protected Summarizer openSummarizer() {
    return Summarizers.open(
        "onnx",
        BackendSettings.builder()
            .set("model-dir", CausalParityTest.CAUSAL.resolve("llama-tiny").toString())
            .set("device", "cpu")
            .build());
  }
}

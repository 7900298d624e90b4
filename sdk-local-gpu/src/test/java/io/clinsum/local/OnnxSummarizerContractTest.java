package io.clinsum.local;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.testkit.SummarizerContractTest;

/** The sdk-core contract suite on the {@code onnx} backend with a tiny random BART. */
class OnnxSummarizerContractTest extends SummarizerContractTest {
  @Override
  protected Summarizer openSummarizer() {
    return Summarizers.open(
        "onnx",
        BackendSettings.builder()
            .set("model-dir", OptimumParityTest.MODELS.resolve("bart-tiny-merged").toString())
            .set("device", "cpu")
            .build());
  }
}

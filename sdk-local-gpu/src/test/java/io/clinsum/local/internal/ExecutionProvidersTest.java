package io.clinsum.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtSession;
import io.clinsum.core.ConfigurationException;
import org.junit.jupiter.api.Test;

/** Provider selection with the CPU-only ONNX Runtime artifact this module depends on. */
class ExecutionProvidersTest {

  @Test
  void choose_auto_withoutTheGpuArtifact_fallsBackToCpuAndSaysWhy() throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      ExecutionProviders.Choice c = ExecutionProviders.choose("auto", 0, 0, options);

      assertThat(c.device()).isEqualTo("cpu");
      assertThat(c.reason()).contains("onnxruntime_gpu");
    }
  }

  @Test
  void choose_cuda_withoutTheGpuArtifact_failsInsteadOfFallingBack() throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      assertThatThrownBy(() -> ExecutionProviders.choose("cuda", 0, 0, options))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("CUDA requested")
          .hasMessageContaining("onnxruntime_gpu");
    }
  }

  @Test
  void choose_cpu_isTakenAsRequested() throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      assertThat(ExecutionProviders.choose("cpu", 0, 0, options).reason())
          .isEqualTo("CPU requested");
    }
  }
}

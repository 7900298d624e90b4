package io.clinsum.ee.infrastructure.summarizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfiguredSummarizerTest {
  @Test
  void settingsFor_environmentAndProperties_propertiesWin() {
    Properties p = new Properties();
    p.setProperty("clinsum.backend.onnx.max-batch-size", "8");
    p.setProperty("clinsum.backend.extractive.max-sentences", "2");
    Map<String, String> env =
        Map.of(
            "CLINSUM_BACKEND_ONNX_MAX_BATCH_SIZE", "4",
            "CLINSUM_BACKEND_ONNX_MODEL_DIR", "/models/x",
            "CLINSUM_BACKEND", "onnx");
    assertThat(ConfiguredSummarizer.settingsFor("onnx", p, env).asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("max-batch-size", "8", "model-dir", "/models/x"));
  }

  @Test
  void settingsFor_sagemaker_deidentifiesByDefaultUnlessTurnedOff() {
    Map<String, String> env = Map.of("CLINSUM_BACKEND_SAGEMAKER_ENDPOINT", "e");
    assertThat(ConfiguredSummarizer.settingsFor("sagemaker", new Properties(), env).asMap())
        .containsEntry("deidentify", "tag")
        .containsEntry("endpoint", "e");
    Properties off = new Properties();
    off.setProperty("clinsum.backend.sagemaker.deidentify", "off");
    assertThat(ConfiguredSummarizer.settingsFor("sagemaker", off, env).asMap())
        .containsEntry("deidentify", "off");
    assertThat(ConfiguredSummarizer.settingsFor("onnx", new Properties(), Map.of()).asMap())
        .doesNotContainKey("deidentify");
  }
}

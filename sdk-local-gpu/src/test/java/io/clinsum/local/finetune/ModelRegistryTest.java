package io.clinsum.local.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final Path TINY = Path.of("src/test/resources/models/bart-tiny-merged");
  @TempDir Path root;

  @Test
  void register_twice_countsVersionsUpAndRecordsMetrics() {
    ModelRegistry registry = new ModelRegistry(root);

    Path v1 = registry.register("ward-7", TINY, Map.of("eval_rougeL", 0.41), "# card");
    Path v2 = registry.register("ward-7", TINY, Map.of("eval_rougeL", 0.47), null);

    assertThat(v1).isEqualTo(root.resolve("ward-7/1"));
    assertThat(v2).isEqualTo(root.resolve("ward-7/2"));
    assertThat(registry.versions("ward-7")).containsExactly(1, 2);
    assertThat(v1.resolve("clinsum-model.json"))
        .content()
        .contains("\"version\" : \"1\"")
        .contains("0.41");
    assertThat(v1.resolve("MODEL_CARD.md")).hasContent("# card");
    assertThat(registry.resolve("ward-7")).isEqualTo(v2);
    assertThat(registry.resolve("ward-7@1")).isEqualTo(v1);
  }

  @Test
  void resolve_unknownVersion_listsTheVersionsThatExist() {
    ModelRegistry registry = new ModelRegistry(root);
    registry.register("ward-7", TINY, Map.of(), null);

    assertThatThrownBy(() -> registry.resolve("ward-7@9"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no version '9'")
        .hasMessageContaining("[1]");
    assertThatThrownBy(() -> registry.resolve("other"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No model 'other'");
  }

  @Test
  void register_pathTraversalName_isRejected() {
    assertThatThrownBy(() -> new ModelRegistry(root).register("../etc", TINY, Map.of(), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Model name");
  }

  @Test
  void onnxBackend_registeredModelByNameAndVersion_summarizesWithItsIdentity() {
    new ModelRegistry(root).register("ward-7", TINY, Map.of(), null);
    BackendSettings settings =
        BackendSettings.builder()
            .set("registry", root.toString())
            .set("model", "ward-7@1")
            .set("device", "cpu")
            .build();

    try (Summarizer s = Summarizers.open("onnx", settings)) {
      assertThat(s.info().modelId()).isEqualTo("ward-7");
      assertThat(s.info().modelVersion()).isEqualTo("1");
      assertThat(s.summarize(SummarizationRequest.of("Chest pain at rest.")).backend())
          .isEqualTo("onnx");
    }
  }
}

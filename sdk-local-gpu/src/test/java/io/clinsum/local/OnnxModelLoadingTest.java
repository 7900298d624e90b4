package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelLoadingTest {
  @TempDir Path dir;

  private Path copyOf(String model) throws IOException {
    Path src = OptimumParityTest.MODELS.resolve(model);
    Path dst = dir.resolve(model);
    Files.createDirectories(dst);
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.copy(f, dst.resolve(f.getFileName()));
      }
    }
    return dst;
  }

  private static OnnxModel load(Path folder) {
    return OnnxModel.load(OnnxModelSpec.builder().modelDir(folder).device("cpu").build());
  }

  @Test
  void load_splitAndMergedLayouts_bothWork() {
    for (String m : new String[] {"t5-tiny-split", "bart-tiny-merged"}) {
      try (OnnxModel model = load(OptimumParityTest.MODELS.resolve(m))) {
        assertThat(model.device()).isEqualTo("cpu");
        assertThat(model.description()).contains(m.endsWith("merged") ? "merged" : "with-past");
      }
    }
  }

  @Test
  void load_missingEncoder_namesTheFile() throws IOException {
    Path m = copyOf("t5-tiny-split");
    Files.delete(m.resolve("encoder_model.onnx"));

    assertThatThrownBy(() -> load(m))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("encoder_model.onnx")
        .hasMessageContaining("missing");
  }

  @Test
  void load_missingDecoder_saysWhichFilesAreNeeded() throws IOException {
    Path m = copyOf("t5-tiny-split");
    Files.delete(m.resolve("decoder_with_past_model.onnx"));

    assertThatThrownBy(() -> load(m))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("decoder_model_merged.onnx")
        .hasMessageContaining("Optimum");
  }

  @Test
  void load_corruptOnnxFile_namesTheFile() throws IOException {
    Path m = copyOf("bart-tiny-merged");
    Files.write(m.resolve("decoder_model_merged.onnx"), new byte[] {1, 2, 3, 4});

    assertThatThrownBy(() -> load(m))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("decoder_model_merged.onnx")
        .hasMessageContaining("corrupt");
  }

  @Test
  void load_tokenizerOfAnotherModel_isRejected() throws IOException {
    Path m = copyOf("t5-tiny-split");
    String config = Files.readString(m.resolve("config.json"));
    Files.writeString(
        m.resolve("config.json"),
        config.replaceFirst("\"vocab_size\": *\\d+", "\"vocab_size\": 5"));

    assertThatThrownBy(() -> load(m))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("tokenizer.json")
        .hasMessageContaining("does not belong");
  }

  @Test
  void load_unsupportedArchitecture_isRejected() throws IOException {
    Path m = copyOf("t5-tiny-split");
    String config = Files.readString(m.resolve("config.json"));
    Files.writeString(
        m.resolve("config.json"),
        config.replaceFirst("\"model_type\": *\"t5\"", "\"model_type\": \"gpt2\""));

    assertThatThrownBy(() -> load(m))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("gpt2")
        .hasMessageContaining("not a supported");
  }

  @Test
  void load_missingTokenizer_namesTheFile() throws IOException {
    Path m = copyOf("t5-tiny-split");
    Files.delete(m.resolve("tokenizer.json"));

    assertThatThrownBy(() -> load(m))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("tokenizer.json");
  }

  @Test
  void provider_withoutModelDir_usesTheEmbeddedModelButIsNotTheDefault() {
    SummarizerProvider p = Summarizers.provider("onnx");

    assertThat(p.availability(BackendSettings.empty()).reason())
        .isEqualTo("embedded model clinsum-nursing-t5-mini 1.0.0");
    assertThat(Summarizers.defaultBackend(BackendSettings.empty())).isEqualTo("extractive");
    try (Summarizer s = Summarizers.open("onnx")) {
      SummarizationResult r =
          s.summarize(
              SummarizationRequest.of(
                  "seed",
                  "Patient presented to the emergency department with severe chest pain radiating to the"
                      + " left arm. ECG showed ST elevation in the anterior leads. Troponin elevated."
                      + " Taken for emergent cardiac catheterization with PCI to the LAD."));
      assertThat(r.modelId()).isEqualTo("clinsum-nursing-t5-mini");
      assertThat(r.modelVersion()).isEqualTo("1.0.0");
      assertThat(r.text()).contains("STEMI").contains("PCI");
    }
  }

  @Test
  void open_twiceWithTheSameSettings_sharesOneModelAndClosesItWithTheLast() {
    BackendSettings settings =
        BackendSettings.builder()
            .set("model-dir", OptimumParityTest.MODELS.resolve("t5-tiny-merged").toString())
            .set("device", "cpu")
            .build();
    int before = OnnxSummarizerProvider.loadedModels();
    Summarizer a = Summarizers.open("onnx", settings);
    Summarizer b = Summarizers.open("onnx", settings);
    assertThat(OnnxSummarizerProvider.loadedModels()).isEqualTo(before + 1);

    SummarizationResult r =
        b.summarize(SummarizationRequest.of("x", "Chest pain and shortness of breath."));
    assertThat(r.backend()).isEqualTo("onnx");
    a.close();
    assertThat(b.summarize(SummarizationRequest.of("y", "Hip fracture after a fall.")).requestId())
        .isEqualTo("y");
    b.close();
    assertThat(OnnxSummarizerProvider.loadedModels()).isEqualTo(before);
  }
}

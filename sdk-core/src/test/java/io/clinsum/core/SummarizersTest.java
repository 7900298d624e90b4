package io.clinsum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizerProvider;
import org.junit.jupiter.api.Test;

class SummarizersTest {

  @Test
  void providers_onTheClassPath_includeExtractiveAndLead() {
    assertThat(Summarizers.providers())
        .extracting(SummarizerProvider::name)
        .contains("extractive", "lead");
  }

  @Test
  void open_unknownBackend_failsNamingTheAvailableOnesAndTheProperty() {
    assertThatThrownBy(() -> Summarizers.open("onnx-typo"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("onnx-typo")
        .hasMessageContaining("extractive")
        .hasMessageContaining(Summarizers.BACKEND_PROPERTY);
  }

  @Test
  void open_unknownOption_failsListingTheValidOnes() {
    BackendSettings settings = BackendSettings.builder().set("max-wrds", "3").build();

    assertThatThrownBy(() -> Summarizers.open("extractive", settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("max-wrds")
        .hasMessageContaining("max-words");
  }

  @Test
  void open_deidentifyTag_masksTheNoteBeforeTheBackendSeesIt() {
    BackendSettings settings = BackendSettings.builder().set("deidentify", "tag").build();

    try (Summarizer s = Summarizers.open("lead", settings)) {
      assertThat(
              s.summarize(
                      SummarizationRequest.of(
                          "Mr. John Smith was seen on 03/14/2021 for chest pain."))
                  .text())
          .isEqualTo("Mr. [NAME] was seen on [DATE] for chest pain.");
    }
  }

  @Test
  void open_deidentifySurrogateWithoutSecret_failsNamingTheVariable() {
    BackendSettings settings =
        BackendSettings.builder()
            .set("deidentify", "surrogate")
            .set("deidentify-secret-env", "CLINSUM_TEST_NO_SUCH_VARIABLE")
            .build();

    assertThatThrownBy(() -> Summarizers.open("lead", settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CLINSUM_TEST_NO_SUCH_VARIABLE");
    assertThatThrownBy(
            () ->
                Summarizers.open(
                    "lead", BackendSettings.builder().set("deidentify", "blur").build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("deidentify");
  }

  @Test
  void open_malformedOptionValue_failsNamingTheOption() {
    BackendSettings settings = BackendSettings.builder().set("max-words", "many").build();

    assertThatThrownBy(() -> Summarizers.open("extractive", settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'max-words'")
        .hasMessageContaining("Integer");
  }

  @Test
  void open_validOption_isApplied() {
    BackendSettings settings = BackendSettings.builder().set("max-words", "3").build();
    try (Summarizer s = Summarizers.open("extractive", settings)) {
      assertThat(s.defaultOptions().maxLength()).contains(3);
    }
  }

  @Test
  void defaultBackend_withoutProperty_isTheAvailableOneOfHighestPriority() {
    String previous = System.getProperty(Summarizers.BACKEND_PROPERTY);
    System.clearProperty(Summarizers.BACKEND_PROPERTY);
    try {
      // extractive (10) outranks lead (0); model backends are not on this module's class path
      assertThat(Summarizers.defaultBackend(BackendSettings.empty())).isEqualTo("extractive");
    } finally {
      if (previous != null) {
        System.setProperty(Summarizers.BACKEND_PROPERTY, previous);
      }
    }
  }
}

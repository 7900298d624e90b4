package io.clinsum.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.spi.Prompt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadCodecsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOTE = "Chest pain since 06:00, troponin 2.3 ng/mL, \"STEMI\".";
  private static final GenerationOptions OPTIONS =
      GenerationOptions.builder()
          .minLength(8)
          .maxLength(60)
          .numBeams(4)
          .lengthPenalty(1.2)
          .noRepeatNgramSize(3)
          .earlyStopping(true)
          .build();

  private static JsonNode request(String codec, Prompt prompt) throws Exception {
    return JSON.readTree(PayloadCodecs.named(codec).encode(prompt));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void huggingFace_inputsAndParameters_summaryOrGeneratedText() throws Exception {
    JsonNode r = request("huggingface", new Prompt(NOTE, null, OPTIONS));
    assertThat(r.get("inputs").asText()).isEqualTo(NOTE);
    JsonNode p = r.get("parameters");
    assertThat(p.get("min_length").asInt()).isEqualTo(8);
    assertThat(p.get("max_length").asInt()).isEqualTo(60);
    assertThat(p.get("num_beams").asInt()).isEqualTo(4);
    assertThat(p.get("length_penalty").asDouble()).isEqualTo(1.2);
    assertThat(p.get("no_repeat_ngram_size").asInt()).isEqualTo(3);
    assertThat(p.get("early_stopping").asBoolean()).isTrue();
    assertThat(
            request("huggingface", new Prompt(NOTE, "Summarize the symptoms.", OPTIONS))
                .get("inputs")
                .asText())
        .isEqualTo("Summarize the symptoms.\n\n" + NOTE);

    PayloadCodec hf = PayloadCodecs.named("huggingface");
    assertThat(hf.decode(bytes("[{\"summary_text\": \"Chest pain, STEMI.\"}]")))
        .isEqualTo("Chest pain, STEMI.");
    assertThat(hf.decode(bytes("[{\"generated_text\": \"Chest pain.\"}]")))
        .isEqualTo("Chest pain.");
    assertThat(hf.contentType()).isEqualTo("application/json");
  }

  @Test
  void jumpStartFlanT5_textInputs_generatedTexts() throws Exception {
    JsonNode r = request("jumpstart-flan-t5", new Prompt(NOTE, "Summarize.", OPTIONS));
    assertThat(r.get("text_inputs").asText()).isEqualTo("Summarize.\n\n" + NOTE);
    assertThat(r.get("max_length").asInt()).isEqualTo(60);
    assertThat(r.get("num_beams").asInt()).isEqualTo(4);
    assertThat(r.get("no_repeat_ngram_size").asInt()).isEqualTo(3);
    assertThat(
            PayloadCodecs.named("jumpstart-flan-t5")
                .decode(bytes("{\"generated_texts\": [\"Chest pain.\", \"other\"]}")))
        .isEqualTo("Chest pain.");
  }

  @Test
  void ai21_promptMaxTokensTemperature_completionsText() throws Exception {
    JsonNode r = request("ai21", new Prompt(NOTE, null, OPTIONS));
    assertThat(r.get("prompt").asText())
        .startsWith("Summarize the following clinical note")
        .contains(NOTE)
        .endsWith("Summary:");
    assertThat(r.get("maxTokens").asInt()).isEqualTo(60);
    assertThat(r.get("temperature").asDouble()).isZero();
    assertThat(
            PayloadCodecs.named("ai21")
                .decode(
                    bytes(
                        "{\"id\": 1, \"completions\": [{\"data\": {\"text\": \" STEMI.\\n\"}}]}")))
        .isEqualTo("STEMI.");
  }

  @Test
  void cohere_promptMaxTokens_generationsText() throws Exception {
    JsonNode r = request("cohere", new Prompt(NOTE, "List the drugs.", GenerationOptions.none()));
    assertThat(r.get("prompt").asText()).startsWith("List the drugs.").contains(NOTE);
    assertThat(r.get("max_tokens").asInt()).isEqualTo(200);
    assertThat(
            PayloadCodecs.named("cohere")
                .decode(bytes("{\"generations\": [{\"text\": \"None.\"}]}")))
        .isEqualTo("None.");
  }

  @Test
  void malformedAnswers_sayWhatIsWrongAndWhereButNotTheText() {
    PayloadCodec hf = PayloadCodecs.named("huggingface");
    assertThatThrownBy(() -> hf.decode(bytes("[{\"summary_text\": \"secret patient text\"")))
        .isInstanceOf(PayloadCodec.MalformedResponseException.class)
        .hasMessageContaining("not JSON (at byte")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> hf.decode(bytes("[{\"label\": \"x\"}]")))
        .hasMessageContaining("expected [0].summary_text or [0].generated_text");
    assertThatThrownBy(() -> hf.decode(bytes("[{\"summary_text\": 3}]")))
        .hasMessageContaining("expected a string at [0].summary_text");
    assertThatThrownBy(() -> hf.decode(new byte[0])).hasMessageContaining("empty");
    assertThatThrownBy(() -> PayloadCodecs.named("cohere").decode(bytes("{\"generations\": []}")))
        .hasMessageContaining("generations[0].text");
    assertThatThrownBy(() -> PayloadCodecs.named("jumpstart-flan-t5").decode(bytes("{}")))
        .hasMessageContaining("generated_texts");
  }

  @Test
  void unknownCodec_listsTheKnownOnes() {
    assertThatThrownBy(() -> PayloadCodecs.named("bedrock"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ai21, cohere, huggingface, jumpstart-flan-t5");
  }
}

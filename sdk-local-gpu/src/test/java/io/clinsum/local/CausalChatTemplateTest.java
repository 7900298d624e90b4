package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.local.internal.GenerationParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's chat path end to end: the tiny Llama test model carries SmolLM2's ChatML template
 * in its {@code tokenizer_config.json}; its prompt ids equal transformers' {@code
 * apply_chat_template(..., add_generation_prompt=True, tokenize=True)} (goldens by {@code
 * make_chat_goldens.py}) and the summary is the continuation of that prompt only.
 */
class CausalChatTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LLAMA = CausalParityTest.CAUSAL.resolve("llama-tiny");

  @AfterAll
  static void close() {
    CausalParityTest.closeModels();
  }

  @Test
  void promptIds_chatTemplate_equalTransformersApplyChatTemplate() throws Exception {
    OnnxModel model = CausalParityTest.model("llama-tiny");
    assertThat(model.chatTemplate).isPresent();
    OnnxBackend backend = new OnnxBackend(model, "", m -> {});
    JsonNode goldens =
        JSON.readTree(Path.of("src/test/resources/chat-templates/goldens.json").toFile());
    for (JsonNode g : goldens.get("llama-tiny")) {
      Prompt p =
          new Prompt(
              g.get("note").asText(), g.get("instruction").asText(), GenerationOptions.none());
      long[] expected =
          StreamSupport.stream(g.get("input_ids").spliterator(), false)
              .mapToLong(JsonNode::asLong)
              .toArray();
      assertThat(backend.promptIds(p)).as(g.get("note").asText()).containsExactly(expected);
      assertThat(
              model
                  .chatTemplate
                  .get()
                  .prompt(g.get("instruction").asText(), g.get("note").asText()))
          .isEqualTo(g.get("text").asText());
    }
  }

  @Test
  void generate_chatTemplate_summaryIsTheAssistantsAnswerOnly() throws Exception {
    OnnxModel model = CausalParityTest.model("llama-tiny");
    OnnxBackend backend = new OnnxBackend(model, "", m -> {});
    String note = "Patient is a 45-year-old male with chest pain radiating to the left arm.";
    GenerationOptions options = backend.defaultOptions();

    Generation g = backend.generate(List.of(new Prompt(note, null, options))).get(0);

    long[] prompt =
        model.tokenizer.encodeWithoutSpecialTokens(
            "<|im_start|>system\n"
                + OnnxBackend.DEFAULT_INSTRUCTION
                + "<|im_end|>\n<|im_start|>user\n"
                + note
                + "<|im_end|>\n<|im_start|>assistant\n");
    GenerationParams params =
        new GenerationParams(
            options.maxLength().orElseThrow(),
            0,
            1,
            1.0,
            GenerationParams.EarlyStopping.FALSE,
            0,
            1.0,
            -1,
            -1);
    long[] continuation = model.generator.generate(List.of(prompt), params, null).get(0);
    assertThat(g.inputTokens()).isEqualTo(prompt.length);
    assertThat(g.text()).isEqualTo(model.tokenizer.decode(continuation).strip());
    assertThat(g.outputTokens()).isEqualTo(continuation.length);
  }

  @Test
  void load_templateThatRaises_failsNamingTheFile(@TempDir Path dir) throws Exception {
    copyLlama(dir);
    setTemplate(dir, "{{ raise_exception('No notes today') }}");
    assertThatThrownBy(() -> OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(dir.resolve("tokenizer_config.json").toString())
        .hasMessageContaining("No notes today");
  }

  @Test
  void load_templateWithAnUnknownFilter_failsNamingTheFile(@TempDir Path dir) throws Exception {
    copyLlama(dir);
    setTemplate(dir, "{% for m in messages %}{{ m.content | no_such_filter }}{% endfor %}");
    assertThatThrownBy(() -> OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("tokenizer_config.json");
  }

  @Test
  void load_namedTemplates_usesTheDefaultOne_andNoTemplateMeansThePlainPrompt(@TempDir Path dir)
      throws Exception {
    copyLlama(dir);
    ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("tokenizer_config.json").toFile());
    config
        .putArray("chat_template")
        .add(JSON.createObjectNode().put("name", "tool_use").put("template", "TOOLS"))
        .add(
            JSON.createObjectNode()
                .put("name", "default")
                .put("template", "{{ messages[-1].content }}|{{ bos_token }}"));
    JSON.writeValue(dir.resolve("tokenizer_config.json").toFile(), config);
    try (OnnxModel model = OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build())) {
      assertThat(model.chatTemplate.orElseThrow().prompt("Do it.", "Fever."))
          .isEqualTo("Fever.|<s>");
    }
    config.remove("chat_template");
    JSON.writeValue(dir.resolve("tokenizer_config.json").toFile(), config);
    try (OnnxModel model = OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build())) {
      assertThat(model.chatTemplate).isEmpty();
      OnnxBackend backend = new OnnxBackend(model, "", m -> {});
      assertThat(backend.promptIds(new Prompt("Fever.", null, GenerationOptions.none())))
          .containsExactly(
              model.tokenizer.encode(
                  OnnxBackend.plainPrompt(OnnxBackend.DEFAULT_INSTRUCTION, "Fever.")));
    }
  }

  @Test
  void load_templateWithoutSystemRole_putsTheInstructionBeforeTheNote(@TempDir Path dir)
      throws Exception {
    copyLlama(dir);
    setTemplate(
        dir, Files.readString(Path.of("src/test/resources/chat-templates/gemma-7b-it.jinja")));
    try (OnnxModel model = OnnxModel.load(OnnxModelSpec.builder().modelDir(dir).build())) {
      assertThat(model.chatTemplate.orElseThrow().hasSystemRole()).isFalse();
      assertThat(model.chatTemplate.get().prompt("Summarize.", "Fever."))
          .isEqualTo(
              "<start_of_turn>user\nSummarize.\n\nFever.<end_of_turn>\n<start_of_turn>model\n");
    }
  }

  private static void copyLlama(Path dir) throws Exception {
    try (var files = Files.list(LLAMA)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  private static void setTemplate(Path dir, String template) throws Exception {
    ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("tokenizer_config.json").toFile());
    config.put("chat_template", template);
    JSON.writeValue(dir.resolve("tokenizer_config.json").toFile(), config);
  }
}

package io.clinsum.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jinjava's renderings of real chat templates (SmolLM2's ChatML, Llama-3, Mistral, Gemma, Qwen2.5,
 * and a template of the constructs where Jinjava differs from Python) equal, byte for byte, what
 * transformers renders: {@code goldens.json}, made by {@code src/test/python/make_chat_goldens.py};
 * see {@code chat-templates/SOURCES.md}.
 */
class ChatTemplateParityTest {
  private static final Path DIR = Path.of("src/test/resources/chat-templates");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> renderings() throws Exception {
    JsonNode goldens = JSON.readTree(DIR.resolve("goldens.json").toFile());
    Map<String, String> special =
        JSON.convertValue(goldens.get("special"), new TypeReference<Map<String, String>>() {});
    List<Arguments> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = goldens.get("renderings").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> template = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> cases = template.getValue().fields();
          cases.hasNext(); ) {
        Map.Entry<String, JsonNode> c = cases.next();
        List<Map<String, Object>> messages =
            JSON.convertValue(
                goldens.get("cases").get(c.getKey()),
                new TypeReference<List<Map<String, Object>>>() {});
        out.add(Arguments.of(template.getKey(), c.getKey(), special, messages, c.getValue()));
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(6 * 8);
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("renderings")
  void rendersAsTransformersDoes(
      String file,
      String caseName,
      Map<String, String> special,
      List<Map<String, Object>> messages,
      JsonNode golden)
      throws Exception {
    ChatTemplate template =
        new ChatTemplate(
            Files.readString(DIR.resolve(file), StandardCharsets.UTF_8), special, file);
    if (golden.has("text")) {
      assertThat(template.render(messages, true)).isEqualTo(golden.get("text").asText());
    } else {
      assertThatThrownBy(() -> template.render(messages, true))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(file)
          .hasMessageContaining(golden.get("error").asText());
    }
  }
}

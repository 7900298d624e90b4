package io.clinsum.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rewrites of Python-only constructs, and the failures, of {@link ChatTemplate}. */
class ChatTemplateTest {
  private static final List<Map<String, String>> USER =
      List.of(Map.of("role", "user", "content", "  Fever.  "));

  @Test
  void rewrite_touchesCodeOnly_neverTextOrStringLiterals() {
    String t =
        "True {{ 'True [::-1] .strip()' if True else None }} {# True #}{% if False %}x{% endif %}";
    assertThat(ChatTemplate.rewrite(t, "t"))
        .isEqualTo(
            "True {{ 'True [::-1] .strip()' if true else null }} {% if false %}{% endif %}{% if false %}x{% endif %}");
    assertThat(new ChatTemplate(t, Map.of(), "t").render(USER, true))
        .isEqualTo("True True [::-1] .strip() ");
  }

  @Test
  void comments_keepTheWhitespaceAroundThemAsJinja2Does() {
    // Rendered by transformers' compiler: 'a b x c' and 'xy'.
    assertThat(
            new ChatTemplate("a {# c #}b {% if true %}x{% endif %} c", Map.of(), "t")
                .render(USER, true))
        .isEqualTo("a b x c");
    assertThat(new ChatTemplate("x\n  {#- c -#}\n  y", Map.of(), "t").render(USER, true))
        .isEqualTo("xy");
  }

  @Test
  void stripWithCharacters_isRefusedNamingTheFile() {
    assertThatThrownBy(
            () -> new ChatTemplate("{{ messages[0].content.lstrip('F') }}", Map.of(), "x.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("x.json")
        .hasMessageContaining("lstrip(");
  }

  @Test
  void unknownFunction_failsNamingTheFile() {
    assertThatThrownBy(() -> new ChatTemplate("{{ strftime_now('%d') }}", Map.of(), "y.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("y.json");
  }

  @Test
  void tojson_spacesAsPython() {
    StringBuilder out = new StringBuilder();
    ChatTemplate.write(Map.of("a", List.of(1, 2.5, true, "é\"\n")), out);
    assertThat(out).hasToString("{\"a\": [1, 2.5, true, \"é\\\"\\n\"]}");
  }
}
